import { useCallback, useEffect, useRef, useState } from "react";
import { type CompanyListItem, CompanyPageSchema } from "../../../contracts/registry.ts";
import { apiRequest } from "../../api-client.ts";
import { buildCompanyListPath, type CompanyFilters, writeCompanyFilters } from "./company-filters.ts";

type CompanyPagesState = {
  status: "loading" | "error" | "ready";
  items: CompanyListItem[];
  total: number;
  nextAfter: string | null;
  error: unknown;
  isLoadingMore: boolean;
};

const initialState: CompanyPagesState = {
  status: "loading",
  items: [],
  total: 0,
  nextAfter: null,
  error: undefined,
  isLoadingMore: false,
};

/**
 * The register read page by page with the server's keyset cursor ("Load more"). It starts over
 * whenever the filters change, and ignores answers that arrive for older filters.
 */
export function useCompanyPages(filters: CompanyFilters, pageSize: number) {
  const [state, setState] = useState<CompanyPagesState>(initialState);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const key = writeCompanyFilters(filters).toString();
  const latestFilters = useRef(filters);
  latestFilters.current = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters (the key) or a reload start over.
  useEffect(() => {
    const current = ++generation.current;
    setState(initialState);
    apiRequest(buildCompanyListPath(latestFilters.current, { limit: pageSize }), CompanyPageSchema).then(
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
        buildCompanyListPath(latestFilters.current, { after, limit: pageSize }),
        CompanyPageSchema,
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

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, loadMore, reload };
}
