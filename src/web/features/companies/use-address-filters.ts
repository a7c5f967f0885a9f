import { useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { type CompanyFilters, readCompanyFilters, writeCompanyFilters } from "./company-filters.ts";

/** Filters change from the latest ones: two quick changes must not undo each other. */
export type ChangeFilters = (
  update: (current: CompanyFilters) => CompanyFilters,
  options?: { replace?: boolean },
) => void;

/**
 * The register's filters, kept in the address bar (bookmarks, the back button). The router updates
 * the address a moment after a change; meanwhile the screen shows the change at once (a checkbox
 * does not flick back) and a second change starts from it. A new address is the truth again.
 */
export function useAddressFilters(): [CompanyFilters, ChangeFilters] {
  const [parameters, setParameters] = useSearchParams();
  const [, setChangeCount] = useState(0);
  const address = parameters.toString();
  const seenAddress = useRef(address);
  const latest = useRef(readCompanyFilters(parameters));
  if (seenAddress.current !== address) {
    seenAddress.current = address;
    latest.current = readCompanyFilters(parameters);
  }
  const changeFilters: ChangeFilters = (update, options = {}) => {
    const next = update(latest.current);
    latest.current = next;
    setChangeCount((count) => count + 1);
    setParameters(writeCompanyFilters(next), { replace: options.replace ?? false });
  };
  return [latest.current, changeFilters];
}
