import { useCallback, useEffect, useRef, useState } from "react";

/** One page of a list read with the server's keyset cursor. */
export type KeysetPage<Item> = { items: Item[]; total: number; nextAfter: string | null };

/** Which page to read: the cursor after the last loaded row (none for the first page) and its size. */
export type KeysetPageRequest = { after?: string | undefined; limit: number };

type KeysetPagesState<Item> = {
  status: "loading" | "error" | "ready";
  items: Item[];
  total: number;
  nextAfter: string | null;
  error: unknown;
  isLoadingMore: boolean;
};

function createInitialState<Item>(): KeysetPagesState<Item> {
  return { status: "loading", items: [], total: 0, nextAfter: null, error: undefined, isLoadingMore: false };
}

/**
 * A list read page by page with the server's keyset cursor ("Load more"). It starts over whenever
 * `key` (the filters) changes, and ignores answers that arrive for an older key. `loadPage` may
 * change on every render: the latest one is used.
 */
export function useKeysetPages<Item>(
  key: string,
  loadPage: (page: KeysetPageRequest) => Promise<KeysetPage<Item>>,
  pageSize: number,
) {
  const [state, setState] = useState<KeysetPagesState<Item>>(createInitialState);
  const [attempt, setAttempt] = useState(0);
  const generation = useRef(0);
  const latestLoadPage = useRef(loadPage);
  latestLoadPage.current = loadPage;

  // biome-ignore lint/correctness/useExhaustiveDependencies: new filters (the key) or a reload start over.
  useEffect(() => {
    const current = ++generation.current;
    setState(createInitialState());
    latestLoadPage.current({ limit: pageSize }).then(
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
        current === generation.current && setState({ ...createInitialState<Item>(), status: "error", error }),
    );
  }, [key, attempt, pageSize]);

  const loadMore = useCallback(async () => {
    const after = state.nextAfter;
    if (after === null || state.isLoadingMore) return;
    const current = generation.current;
    setState((previous) => ({ ...previous, isLoadingMore: true, error: undefined }));
    try {
      const page = await latestLoadPage.current({ after, limit: pageSize });
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

  /** Changes the loaded rows in place (e.g. to show an edit at once), keeping the cursor. */
  const updateItems = useCallback((update: (items: Item[]) => Item[]) => {
    setState((previous) => ({ ...previous, items: update(previous.items) }));
  }, []);

  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, loadMore, reload, updateItems };
}
