import { isItemInFormat, type LineItemId } from "../statements/line-items.ts";
import type { ItemReader, StatementInput } from "./model-result.ts";

/**
 * The §0 convention of early-warning.md: an item the statement's format contains but the filing
 * omits counts as 0; an item the format does not contain at all is missing (undefined).
 */
export function createItemReader(statement: StatementInput): ItemReader {
  return (id: LineItemId) => {
    const value = statement.items[id];
    if (value !== undefined) return value;
    return isItemInFormat(id, statement.format) ? 0 : undefined;
  };
}
