import { useCallback, useEffect, useRef } from "react";

/**
 * After "Load more", focus moves to the first new row so the keyboard keeps its place. Attach
 * `tableReference` to the element holding the table and call `rememberFirstNewRow` before loading.
 */
export function useFirstNewRowFocus(rowCount: number) {
  const tableReference = useRef<HTMLDivElement>(null);
  const focusRowIndex = useRef<number | undefined>(undefined);

  useEffect(() => {
    const index = focusRowIndex.current;
    if (index === undefined || rowCount <= index) return;
    focusRowIndex.current = undefined;
    tableReference.current?.querySelectorAll<HTMLAnchorElement>("tbody th a")[index]?.focus();
  }, [rowCount]);

  const rememberFirstNewRow = useCallback(() => {
    focusRowIndex.current = rowCount;
  }, [rowCount]);

  return { tableReference, rememberFirstNewRow };
}
