/** The schemas an Italian statement is filed in (itcc-ci entry points ese, abb, micr, cons; early-warning.md §6). */
export const statementFormats = ["ordinary", "abridged", "micro", "consolidated"] as const;

export type StatementFormat = (typeof statementFormats)[number];

export type StatementKind = "balance_sheet" | "income_statement" | "cash_flow" | "notes";

export type LineItemUnit = "cents" | "persons";

export interface LineItemDefinition {
  id: string;
  /** Article of the civil code and the item's letter/number in its schema, e.g. "2424 Attivo C.II". */
  civilCodeReference: string;
  labels: { it: string; en: string };
  /** itcc-ci local names carrying the item, best first (match on local name, any taxonomy date). */
  xbrlLocalNames: readonly string[];
  statement: StatementKind;
  /** The formats whose schema contains the item; in any other format the item is missing, not zero. */
  formats: readonly StatementFormat[];
  unit: LineItemUnit;
}

/** Items every schema has (c.c. 2435-bis and 2435-ter keep capital letters and roman numerals). */
export const allFormats = [
  "ordinary",
  "abridged",
  "micro",
  "consolidated",
] as const satisfies readonly StatementFormat[];

/**
 * Items only the full schema has: arabic-numbered sub-items (D.12, D.13), the sub-items abridged and micro
 * schemas may group (B.9.c with d–e, B.10.a with b–c) and the cash-flow statement (2435-bis exempts them).
 */
export const fullSchemaFormats = ["ordinary", "consolidated"] as const satisfies readonly StatementFormat[];

/** Items from the notes (2427), which micro companies are exempt from (2435-ter). */
export const formatsWithNotes = [
  "ordinary",
  "abridged",
  "consolidated",
] as const satisfies readonly StatementFormat[];
