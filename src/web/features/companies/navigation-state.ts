/**
 * What travels with a link between the company screens (react-router's location state): the
 * register's query string, so that "back to the list" keeps the filters, and what was just saved.
 */
export type NavigationState = { listSearch: string; saved: "created" | "updated" | undefined };

export function readNavigationState(state: unknown): NavigationState {
  const value = (typeof state === "object" && state !== null ? state : {}) as Record<string, unknown>;
  const listSearch =
    typeof value.listSearch === "string" && value.listSearch.startsWith("?") ? value.listSearch : "";
  const saved = value.saved === "created" || value.saved === "updated" ? value.saved : undefined;
  return { listSearch, saved };
}
