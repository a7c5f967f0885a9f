import { useRef, useState } from "react";
import { useSearchParams } from "react-router";
import {
  type DetectionFilterState,
  readDetectionFilters,
  writeDetectionFilters,
} from "./detection-filters.ts";

export type ChangeDetectionFilters = (
  update: (current: DetectionFilterState) => DetectionFilterState,
  options?: { replace?: boolean },
) => void;

/**
 * The list's filters, kept in the address bar so that a view can be bookmarked or linked to (the
 * district dashboard links here). A change shows at once and the next change starts from it.
 */
export function useDetectionFilters(): [DetectionFilterState, ChangeDetectionFilters] {
  const [parameters, setParameters] = useSearchParams();
  const [, setChangeCount] = useState(0);
  const address = parameters.toString();
  const seenAddress = useRef(address);
  const latest = useRef(readDetectionFilters(parameters));
  if (seenAddress.current !== address) {
    seenAddress.current = address;
    latest.current = readDetectionFilters(parameters);
  }
  const changeFilters: ChangeDetectionFilters = (update, options = {}) => {
    const next = update(latest.current);
    latest.current = next;
    setChangeCount((count) => count + 1);
    setParameters(writeDetectionFilters(next), { replace: options.replace ?? false });
  };
  return [latest.current, changeFilters];
}
