import { getLineItem, type LineItemId, type StatementFormat } from "../statements/line-items.ts";
import type { StatementInput } from "./model-result.ts";
import { createItemReader } from "./read-items.ts";

/**
 * The aggregates the scoring models are written in (early-warning.md §4, "Mapping onto Italian statements"),
 * amounts in euro cents: TA, TL, WC, CA, CL, RE, BVE, EBIT, EBT, NI, S and FFO.
 */
export type AggregateId =
  | "totalAssets"
  | "totalLiabilities"
  | "workingCapital"
  | "currentAssets"
  | "currentLiabilities"
  | "earnedReserves"
  | "bookValueOfEquity"
  | "earningsBeforeInterestAndTaxes"
  | "earningsBeforeTaxes"
  | "netIncome"
  | "sales"
  | "fundsFromOperations";

type SignedItem = { item: LineItemId; sign: 1 | -1 };

const plus = (...items: LineItemId[]): SignedItem[] => items.map((item) => ({ item, sign: 1 }));
const minus = (...items: LineItemId[]): SignedItem[] => items.map((item) => ({ item, sign: -1 }));

// CA and CL are the I4 aggregates of §1, with the within-one-year items of §0.
const currentAssetItems: LineItemId[] = [
  "inventories",
  "receivablesDueWithinOneYear",
  "currentFinancialAssets",
  "cashAndEquivalents",
  "accruedIncomeAndPrepaidExpenses",
];
const currentLiabilityItems: LineItemId[] = ["debtsDueWithinOneYear", "accruedLiabilitiesAndDeferredIncome"];

/** Each aggregate as a signed sum of line items (integer cents, so every sum is exact in a double). */
export const aggregateDefinitions: Readonly<Record<AggregateId, readonly SignedItem[]>> = {
  totalAssets: plus("totalAssets"),
  // TL = TA − equity: provisions, TFR and accrued liabilities included.
  totalLiabilities: [...plus("totalAssets"), ...minus("equity")],
  workingCapital: [...plus(...currentAssetItems), ...minus(...currentLiabilityItems)],
  currentAssets: plus(...currentAssetItems),
  currentLiabilities: plus(...currentLiabilityItems),
  // Share capital, share premium and revaluation reserves are not earned: left out.
  earnedReserves: plus(
    "legalReserve",
    "statutoryReserves",
    "otherReserves",
    "retainedEarnings",
    "resultOfTheYear",
  ),
  bookValueOfEquity: plus("equity"),
  earningsBeforeInterestAndTaxes: plus("operatingResult"),
  earningsBeforeTaxes: plus("resultBeforeTaxes"),
  netIncome: plus("netResult"),
  sales: plus("revenue"),
  // FFO = NI + B.10.a + B.10.b (Ohlson's funds from operations).
  fundsFromOperations: plus("netResult", "amortisationOfIntangibleAssets", "depreciationOfTangibleAssets"),
};

/** The aggregates read off one statement, and the line items that were missing (§0: not in the format). */
export type AggregateReading = { values: Partial<Record<AggregateId, number>>; missing: LineItemId[] };

/** Reads aggregates by the §0 convention; an item that is not a finite number counts as missing too. */
export function readAggregates(statement: StatementInput, ids: readonly AggregateId[]): AggregateReading {
  const read = createItemReader(statement);
  const values: Partial<Record<AggregateId, number>> = {};
  const missing: LineItemId[] = [];
  for (const id of ids) {
    let sum = 0;
    let isComplete = true;
    for (const { item, sign } of aggregateDefinitions[id]) {
      const value = read(item);
      if (value === undefined || !Number.isFinite(value)) {
        isComplete = false;
        if (!missing.includes(item)) missing.push(item);
      } else sum += sign * value;
    }
    if (isComplete) values[id] = sum;
  }
  return { values, missing };
}

/** A numeric column per line item, one row per company-year. NaN: absent from the filing (§0 applies). */
export type ItemColumns = { readonly [Id in LineItemId]?: Float64Array | readonly number[] };

/** Company-years as columns: the statement format of each row, and the item columns. */
export type StatementColumns = ItemColumns & {
  format: readonly StatementFormat[];
  /** Year of each row's period end (for Ohlson's price-level index); absent or NaN: the default index. */
  periodEndYear?: Float64Array | readonly number[];
};

/**
 * One aggregate for every row, NaN where an item is missing. Same rule as readAggregates: a NaN cell is an
 * item the filing omits (0 when the row's format has it, missing when not); ±Infinity is missing.
 * `format` may hold undefined for rows that have no statement at all (every aggregate is then missing).
 */
export function computeAggregateColumn(
  id: AggregateId,
  columns: ItemColumns & { format: readonly (StatementFormat | undefined)[] },
  rowCount: number,
): Float64Array {
  const result = new Float64Array(rowCount);
  for (const { item, sign } of aggregateDefinitions[id]) {
    const column = columns[item];
    const formatsHavingItem: readonly (StatementFormat | undefined)[] = getLineItem(item).formats;
    for (let row = 0; row < rowCount; row += 1) {
      const format = columns.format[row];
      const cell = format === undefined ? Number.NaN : (column?.[row] ?? Number.NaN);
      let value: number;
      if (Number.isFinite(cell)) value = cell;
      else if (Number.isNaN(cell) && formatsHavingItem.includes(format)) value = 0;
      else value = Number.NaN;
      result[row] = (result[row] ?? 0) + sign * value;
    }
  }
  return result;
}
