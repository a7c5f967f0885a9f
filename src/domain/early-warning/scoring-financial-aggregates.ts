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
/** The format code of a row without a statement (encodeFormatCodes of undefined). */
export const noStatementFormatCode = statementFormats.length + 1;
const noStatementCode = noStatementFormatCode;

/** Each row's format as a code (one string comparison per row, done once for every aggregate). */
export function encodeFormatCodes(
  formats: readonly (StatementFormat | undefined)[],
  rowCount: number,
): Uint8Array {
  const codes = new Uint8Array(rowCount);
  // Neighbouring rows mostly share their format: the last one's code is reused.
  let lastFormat: StatementFormat | undefined;
  let lastCode = noStatementCode;
  for (let row = 0; row < rowCount; row += 1) {
    const format = formats[row];
    if (format !== lastFormat || row === 0) {
      const index = format === undefined ? noStatementCode : statementFormats.indexOf(format);
      lastCode = index === -1 ? unknownFormatCode : index;
      lastFormat = format;
    }
    codes[row] = lastCode;
  }
  return codes;
}

const omittedCellValuesByItem = new Map<LineItemId, Float64Array>();

/**
 * Per format code, what an omitted (NaN) cell of the item reads as (§0): 0 when the format has the item,
 * NaN (missing) when it does not, and for an unknown format or a row without a statement.
 */
export function findOmittedCellValues(item: LineItemId): Float64Array {
  let values = omittedCellValuesByItem.get(item);
  if (!values) {
    const formatsHavingItem = getLineItem(item).formats;
    values = new Float64Array(noStatementCode + 1).fill(Number.NaN);
    statementFormats.forEach((format, code) => {
      if (formatsHavingItem.includes(format)) values?.fill(0, code, code + 1);
    });
    omittedCellValuesByItem.set(item, values);
  }
  return values;
}

/**
 * Adds sign × the §0 reading of cells start … start + length − 1 of one item column into sums[0 … length − 1]:
 * a finite cell as it is, a NaN cell as its format reads an omitted item, ±Infinity as missing. Rows
 * without a statement are set apart by the caller.
 */
function addItemColumn(
  sums: Float64Array,
  length: number,
  column: Float64Array | readonly number[] | undefined,
  start: number,
  sign: 1 | -1,
  omittedCellValues: Float64Array,
  formatCodes: Uint8Array,
): void {
  if (!column) {
    for (let row = 0; row < length; row += 1) {
      sums[row] = (sums[row] ?? 0) + sign * (omittedCellValues[formatCodes[start + row] ?? 0] ?? Number.NaN);
    }
    return;
  }
  for (let row = 0; row < length; row += 1) {
    const cell = column[start + row] ?? Number.NaN;
    let value = cell;
    if (!Number.isFinite(cell)) {
      value = Number.isNaN(cell)
        ? (omittedCellValues[formatCodes[start + row] ?? noStatementCode] ?? Number.NaN)
        : Number.NaN;
    }
    sums[row] = (sums[row] ?? 0) + sign * value;
  }
}

const isPrefixOf = (shorter: readonly SignedItem[], longer: readonly SignedItem[]) =>
  shorter.length < longer.length &&
  shorter.every((term, index) => term.item === longer[index]?.item && term.sign === longer[index]?.sign);

/** How one aggregate is built: from an earlier aggregate whose definition it starts with, then its other items. */
type AggregateStep = {
  id: AggregateId;
  prefixId: AggregateId | undefined;
  items: readonly (SignedItem & { omittedCellValues: Float64Array })[];
};

/** The order in which to build a set of aggregates (shortest first), each reusing a prefix when it has one. */
export type AggregatePlan = readonly AggregateStep[];

/**
 * Plans the aggregates: an aggregate whose definition starts with another's whole definition (TL with TA,
 * WC with CA, FFO with NI) continues from that column, with the same additions in the same order.
 */
export function planAggregateColumns(ids: Iterable<AggregateId>): AggregatePlan {
  const byLength = [...new Set(ids)].sort(
    (left, right) => aggregateDefinitions[left].length - aggregateDefinitions[right].length,
  );
  const planned = new Set<AggregateId>();
  return byLength.map((id) => {
    const definition = aggregateDefinitions[id];
    const prefixId = byLength.find(
      (other) => planned.has(other) && isPrefixOf(aggregateDefinitions[other], definition),
    );
    planned.add(id);
    const prefixLength = prefixId === undefined ? 0 : aggregateDefinitions[prefixId].length;
    const items = definition
      .slice(prefixLength)
      .map((term) => ({ ...term, omittedCellValues: findOmittedCellValues(term.item) }));
    return { id, prefixId, items };
  });
}

/**
 * Rows start … start + length − 1 of the planned aggregates into rows 0 … length − 1 of `into` (one array
 * per aggregate, at least `length` long), NaN where an item is missing. `formatCodes` covers every row.
 */
function computeAggregateRows(
  plan: AggregatePlan,
  columns: ItemColumns,
  formatCodes: Uint8Array,
  start: number,
  length: number,
  into: Partial<Record<AggregateId, Float64Array>>,
): void {
  for (const { id, prefixId, items } of plan) {
    const sums = into[id] as Float64Array;
    const prefix = prefixId === undefined ? undefined : into[prefixId];
    if (prefix) sums.set(prefix.subarray(0, length));
    else sums.fill(0, 0, length);
    for (const { item, sign, omittedCellValues } of items) {
      addItemColumn(sums, length, columns[item], start, sign, omittedCellValues, formatCodes);
    }
  }
  for (let row = 0; row < length; row += 1) {
    if (formatCodes[start + row] !== noStatementCode) continue;
    for (const { id } of plan) (into[id] as Float64Array)[row] = Number.NaN;
  }
}

/**
 * Several aggregates for every row, NaN where an item is missing; each column equals computeAggregateColumn's.
 * The formats are encoded once, and shared definitions are added once (see planAggregateColumns).
 */
export function computeAggregateColumns(
  ids: Iterable<AggregateId>,
  columns: FormatColumns,
  rowCount: number,
): Partial<Record<AggregateId, Float64Array>> {
  const formatCodes = encodeFormatCodes(columns.format, rowCount);
  const plan = planAggregateColumns(ids);
  const result: Partial<Record<AggregateId, Float64Array>> = {};
  for (const { id } of plan) result[id] = new Float64Array(rowCount);
  computeAggregateRows(plan, columns, formatCodes, 0, rowCount, result);
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
