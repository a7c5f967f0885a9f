import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * Filters kept in the address (bookmarkable, the back button works): `applyFilter` sets or clears
 * one parameter; the search box (`q`) applies itself after a short pause in typing.
 */
export function useUrlFilters() {
  const [parameters, setParameters] = useSearchParams();
  const query = parameters.get("q") ?? "";
  const [searchText, setSearchText] = useState(query);

  function applyFilter(name: string, value: string | undefined) {
    setParameters(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a search.
  useEffect(() => {
    if (searchText.trim() === query) return;
    const timer = window.setTimeout(() => applyFilter("q", searchText.trim() || undefined), 300);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  return { parameters, query, searchText, setSearchText, applyFilter };
}
