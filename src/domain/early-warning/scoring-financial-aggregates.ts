import {
  getLineItem,
  type LineItemId,
  type StatementFormat,
  statementFormats,
} from "../statements/line-items.ts";
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

/** Columns of items and the statement format of each row; format undefined: no statement on that row. */
export type FormatColumns = ItemColumns & { format: readonly (StatementFormat | undefined)[] };

// Format codes of the batch: a row's format as its index in statementFormats, then two codes of their own.
const unknownFormatCode = statementFormats.length;
const noStatementCode = statementFormats.length + 1;

/** Each row's format as a code (one string comparison per row, done once for every aggregate). */
function encodeFormats(formats: readonly (StatementFormat | undefined)[], rowCount: number): Uint8Array {
  const codes = new Uint8Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    const format = formats[row];
    const code = format === undefined ? noStatementCode : statementFormats.indexOf(format);
    codes[row] = code === -1 ? unknownFormatCode : code;
  }
  return codes;
}

/** Per format code, 1 when that format has the item: its omitted cell then reads 0 (§0), else it is missing. */
function findFormatsHavingItem(item: LineItemId): Uint8Array {
  const formatsHavingItem = getLineItem(item).formats;
  const hasItem = new Uint8Array(noStatementCode + 1);
  statementFormats.forEach((format, code) => {
    hasItem[code] = formatsHavingItem.includes(format) ? 1 : 0;
  });
  return hasItem;
}

/** Adds sign × the §0 reading of one item column into `sums`, row by row. */
function addItemColumn(
  sums: Float64Array,
  column: Float64Array | readonly number[] | undefined,
  sign: 1 | -1,
  hasItem: Uint8Array,
  formatCodes: Uint8Array,
): void {
  for (let row = 0; row < sums.length; row += 1) {
    const code = formatCodes[row] ?? noStatementCode;
    const cell = code === noStatementCode ? Number.NaN : (column?.[row] ?? Number.NaN);
    let value: number;
    if (Number.isFinite(cell)) value = cell;
    else if (Number.isNaN(cell) && hasItem[code] === 1) value = 0;
    else value = Number.NaN;
    sums[row] = (sums[row] ?? 0) + sign * value;
  }
}

/**
 * Several aggregates for every row, NaN where an item is missing, with the formats encoded and the items'
 * format masks resolved once for all of them. Each column equals computeAggregateColumn's.
 */
export function computeAggregateColumns(
  ids: Iterable<AggregateId>,
  columns: FormatColumns,
  rowCount: number,
): Partial<Record<AggregateId, Float64Array>> {
  const formatCodes = encodeFormats(columns.format, rowCount);
  const formatsHavingItem = new Map<LineItemId, Uint8Array>();
  const result: Partial<Record<AggregateId, Float64Array>> = {};
  for (const id of ids) {
    const sums = new Float64Array(rowCount);
    for (const { item, sign } of aggregateDefinitions[id]) {
      let hasItem = formatsHavingItem.get(item);
      if (!hasItem) {
        hasItem = findFormatsHavingItem(item);
        formatsHavingItem.set(item, hasItem);
      }
      addItemColumn(sums, columns[item], sign, hasItem, formatCodes);
    }
    result[id] = sums;
  }
  return result;
}

/**
 * One aggregate for every row, NaN where an item is missing. Same rule as readAggregates: a NaN cell is an
 * item the filing omits (0 when the row's format has it, missing when not); ±Infinity is missing.
 * `format` may hold undefined for rows that have no statement at all (every aggregate is then missing).
 */
export function computeAggregateColumn(
  id: AggregateId,
  columns: FormatColumns,
  rowCount: number,
): Float64Array {
  return computeAggregateColumns([id], columns, rowCount)[id] ?? new Float64Array(rowCount);
}
