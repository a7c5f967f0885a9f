import { useCallback, useEffect, useRef, useState } from "react";

export type Page<Item, Cursor> = { items: Item[]; next: Cursor | null };

type PagedListState<Item, Cursor> = {
  status: "loading" | "error" | "ready";
  items: Item[];
  next: Cursor | null;
  error: unknown;
  isLoadingMore: boolean;
};

/**
 * A list read page by page with a keyset cursor ("Load more"). It starts again whenever `key`
 * (the filters) changes, and ignores answers that arrive for an older key.
 */
export function usePagedList<Item, Cursor>(
  key: string,
  loadPage: (cursor: Cursor | undefined) => Promise<Page<Item, Cursor>>,
) {
  const [state, setState] = useState<PagedListState<Item, Cursor>>({
    status: "loading",
    items: [],
    next: null,
    error: undefined,
    isLoadingMore: false,
  });
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const loader = useRef(loadPage);
  loader.current = loadPage;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key or an explicit reload starts over.
  useEffect(() => {
    const current = ++generation.current;
    setState({ status: "loading", items: [], next: null, error: undefined, isLoadingMore: false });
    loader.current(undefined).then(
      (page) =>
        current === generation.current &&
        setState({
          status: "ready",
          items: page.items,
          next: page.next,
          error: undefined,
          isLoadingMore: false,
        }),
      (error: unknown) =>
        current === generation.current &&
        setState({ status: "error", items: [], next: null, error, isLoadingMore: false }),
    );
  }, [key, attempt]);

  const loadMore = useCallback(async () => {
    const cursor = state.next;
    if (cursor === null || state.isLoadingMore) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, isLoadingMore: true, error: undefined }));
    try {
      const page = await loader.current(cursor);
      if (current !== generation.current) return;
      setState((previous) => ({
        ...previous,
        items: [...previous.items, ...page.items],
        next: page.next,
        isLoadingMore: false,
      }));
    } catch (error) {
      if (current !== generation.current) return;
      setState((previous) => ({ ...previous, isLoadingMore: false, error }));
    }
  }, [state.next, state.isLoadingMore]);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, loadMore, reload };
}
