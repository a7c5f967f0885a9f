import { useCallback, useEffect, useRef, useState } from "react";
import { type DetectionItem, DetectionPageSchema } from "../../../contracts/detection.ts";
import { apiRequest } from "../../api-client.ts";
import {
  buildDetectionListPath,
  type DetectionFilterState,
  writeDetectionFilters,
} from "./detection-filters.ts";

type DetectionPagesState = {
  status: "loading" | "error" | "ready";
  items: DetectionItem[];
  total: number;
  nextAfter: string | null;
  error: unknown;
  isLoadingMore: boolean;
};

const initialState: DetectionPagesState = {
  status: "loading",
  items: [],
  total: 0,
  nextAfter: null,
  error: undefined,
  isLoadingMore: false,
};

/**
 * The detection list read page by page with the server's keyset cursor ("Load more"). It starts over
 * whenever the filters change and ignores answers that arrive for older filters.
 */
export function useDetectionPages(filters: DetectionFilterState, pageSize: number) {
  const [state, setState] = useState<DetectionPagesState>(initialState);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const key = writeDetectionFilters(filters).toString();
  const latestFilters = useRef(filters);
  latestFilters.current = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters (the key) or a reload start over.
  useEffect(() => {
    const current = ++generation.current;
    setState(initialState);
    apiRequest(buildDetectionListPath(latestFilters.current, { limit: pageSize }), DetectionPageSchema).then(
      (page) =>
        current === generation.current &&
        setState({
          status: "ready",
          items: page.items,
          total: page.total,
          nextAfter: page.nextAfter,
          error: undefined,
          isLoadingMore: false,
        }),
      (error: unknown) =>
        current === generation.current && setState({ ...initialState, status: "error", error }),
    );
  }, [key, attempt, pageSize]);

  const loadMore = useCallback(async () => {
    const after = state.nextAfter;
    if (after === null || state.isLoadingMore) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, isLoadingMore: true, error: undefined }));
    try {
      const page = await apiRequest(
        buildDetectionListPath(latestFilters.current, { after, limit: pageSize }),
        DetectionPageSchema,
      );
      if (current !== generation.current) return;
      setState((previous) => ({
        ...previous,
        items: [...previous.items, ...page.items],
        total: page.total,
        nextAfter: page.nextAfter,
        isLoadingMore: false,
      }));
    } catch (error) {
      if (current !== generation.current) return;
      setState((previous) => ({ ...previous, isLoadingMore: false, error }));
    }
  }, [state.nextAfter, state.isLoadingMore, pageSize]);

  /** Shows a follow change at once, on every loaded row of the company. */
  const markFollowed = useCallback((companyId: string, isFollowed: boolean) => {
    setState((previous) => ({
      ...previous,
      items: previous.items.map((item) => (item.companyId === companyId ? { ...item, isFollowed } : item)),
    }));
  }, []);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, loadMore, reload, markFollowed };
}
