import { useCallback, useState } from "react";
import { type DetectionItem, DetectionPageSchema } from "../../../contracts/detection.ts";
import { apiRequest } from "../../api-client.ts";
import { useKeysetPages } from "../../use-keyset-pages.ts";
import {
  buildDetectionListPath,
  type DetectionFilterState,
  writeDetectionFilters,
} from "./detection-filters.ts";

/**
 * The detection list read page by page with the server's keyset cursor ("Load more"). It starts over
 * whenever the filters change and ignores answers that arrive for older filters.
 */
export function useDetectionPages(filters: DetectionFilterState, pageSize: number) {
  const key = writeDetectionFilters(filters).toString();
  // Whether the total is exact, remembered with the filters it was read for (older answers are ignored).
  const [exactness, setExactness] = useState({ key, isTotalExact: true });
  const { updateItems, ...pages } = useKeysetPages<DetectionItem>(
    key,
    async (page) => {
      const answer = await apiRequest(buildDetectionListPath(filters, page), DetectionPageSchema);
      setExactness({ key, isTotalExact: answer.isTotalExact });
      return answer;
    },
    pageSize,
  );

  /** Shows a follow change at once, on every loaded row of the company. */
  const markFollowed = useCallback(
    (companyId: string, isFollowed: boolean) =>
      updateItems((items) =>
        items.map((item) => (item.companyId === companyId ? { ...item, isFollowed } : item)),
      ),
    [updateItems],
  );

  return { ...pages, isTotalExact: exactness.key === key ? exactness.isTotalExact : true, markFollowed };
}
