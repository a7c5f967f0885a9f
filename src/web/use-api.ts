import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "./api-client.ts";

export type ApiState<Data> =
  | { status: "loading" }
  | { status: "error"; error: ApiError }
  | { status: "ready"; data: Data };

/** Loads once on mount (and on `reload`), ignoring answers that arrive after unmount. */
export function useApi<Data>(load: () => Promise<Data>): ApiState<Data> & { reload(): void } {
  const [state, setState] = useState<ApiState<Data>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is re-run on explicit reloads only.
  useEffect(() => {
    let isCurrent = true;
    setState({ status: "loading" });
    load().then(
      (data) => isCurrent && setState({ status: "ready", data }),
      (error: ApiError) => isCurrent && setState({ status: "error", error }),
    );
    return () => {
      isCurrent = false;
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((value) => value + 1), []);
  return { ...state, reload };
}
