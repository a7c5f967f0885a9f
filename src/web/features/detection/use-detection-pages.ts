import { useCallback } from "react";
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
  const { updateItems, ...pages } = useKeysetPages<DetectionItem>(
    writeDetectionFilters(filters).toString(),
    (page) => apiRequest(buildDetectionListPath(filters, page), DetectionPageSchema),
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

  return { ...pages, markFollowed };
}
