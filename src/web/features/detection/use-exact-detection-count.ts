import { useEffect, useState } from "react";
import { DetectionCountSchema } from "../../../contracts/detection.ts";
import { apiRequest } from "../../api-client.ts";
import { buildDetectionCountPath, type DetectionFilterState } from "./detection-filters.ts";

/**
 * The exact number of companies the filters match, asked only when `isNeeded` (the list's own total is
 * bounded): undefined while on its way, null when it could not be had. Answers for older filters are ignored.
 */
export function useExactDetectionCount(
  filters: DetectionFilterState,
  isNeeded: boolean,
): number | null | undefined {
  const path = buildDetectionCountPath(filters);
  const [answer, setAnswer] = useState<{ path: string; total: number | null }>();
  useEffect(() => {
    if (!isNeeded) return;
    let isCurrent = true;
    apiRequest(path, DetectionCountSchema).then(
      (count) => isCurrent && setAnswer({ path, total: count.total }),
      () => isCurrent && setAnswer({ path, total: null }),
    );
    return () => {
      isCurrent = false;
    };
  }, [path, isNeeded]);
  return isNeeded && answer?.path === path ? answer.total : undefined;
}
