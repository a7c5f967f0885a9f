import { balanceSheetItems } from "./balance-sheet-items.ts";
import { incomeStatementItems } from "./income-statement-items.ts";
import type { LineItemDefinition, StatementFormat } from "./statement-formats.ts";

export type { LineItemDefinition, StatementFormat } from "./statement-formats.ts";
export { statementFormats } from "./statement-formats.ts";

/**
 * The normalised line items SECTOR stores for every statement: the c.c. 2424/2425 items the early-warning
 * models need (early-warning.md §1, §3, §4), the totals of a readable statement table, the cash-flow
 * statement's non-cash adjustments and the notes' average headcount.
 */
export const lineItems = [...balanceSheetItems, ...incomeStatementItems] as const;

export type LineItemId = (typeof lineItems)[number]["id"];

/** Amounts in euro cents as integers, headcount in persons. An absent key is an item the statement lacks. */
export type LineItemValues = Partial<Record<LineItemId, number>>;

export const lineItemIds: readonly LineItemId[] = lineItems.map((item) => item.id);

const itemsById = new Map<LineItemId, LineItemDefinition>(lineItems.map((item) => [item.id, item]));

/** The catalogue entry of one item. */
export function getLineItem(id: LineItemId): LineItemDefinition {
  const item = itemsById.get(id);
  if (!item) throw new Error(`Unknown line item: ${id}`);
  return item;
}

/** Whether the schema of `format` contains the item (if not, the item is missing, never zero: §0). */
export function isItemInFormat(id: LineItemId, format: StatementFormat): boolean {
  return getLineItem(id).formats.includes(format);
}

/** The items a statement in `format` can carry, in catalogue order. */
export function findItemsInFormat(format: StatementFormat): LineItemId[] {
  return lineItems.filter((item) => isItemInFormat(item.id, format)).map((item) => item.id);
}
