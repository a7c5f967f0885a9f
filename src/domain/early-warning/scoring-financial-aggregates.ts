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

/** Each row's format as a code (one string comparison per row, done once for every aggregate). */
export function encodeFormatCodes(
  formats: readonly (StatementFormat | undefined)[],
  rowCount: number,
): Uint8Array {
  const codes = new Uint8Array(rowCount);
  // Neighbouring rows mostly share their format: the last one's code is reused.
  let lastFormat: StatementFormat | undefined;
  let lastCode = noStatementFormatCode;
  for (let row = 0; row < rowCount; row += 1) {
    const format = formats[row];
    if (format !== lastFormat || row === 0) {
      const index = format === undefined ? noStatementFormatCode : statementFormats.indexOf(format);
      lastCode = index === -1 ? unknownFormatCode : index;
      lastFormat = format;
    }
    codes[row] = lastCode;
  }
  return codes;
}

/** A RangeError unless `codes` has `rowCount` codes, each one encodeFormatCodes gives (at most noStatementFormatCode). */
export function checkFormatCodes(codes: Uint8Array, rowCount: number, what: string): void {
  if (codes.length !== rowCount) {
    throw new RangeError(`${what} format codes must have ${rowCount} rows, not ${codes.length}`);
  }
  // A plain loop: it runs over every row on every call.
  for (let row = 0; row < rowCount; row += 1) {
    if ((codes[row] as number) > noStatementFormatCode) {
      throw new RangeError(
        `${what} format code ${codes[row]} at row ${row} is not a statement format's code`,
      );
    }
  }
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
    values = new Float64Array(noStatementFormatCode + 1).fill(Number.NaN);
    statementFormats.forEach((format, code) => {
      if (formatsHavingItem.includes(format)) values?.fill(0, code, code + 1);
    });
    omittedCellValuesByItem.set(item, values);
  }
  return values;
}

const isPrefixOf = (shorter: readonly SignedItem[], longer: readonly SignedItem[]) =>
  shorter.length < longer.length &&
  shorter.every((term, index) => term.item === longer[index]?.item && term.sign === longer[index]?.sign);

/** How one aggregate is built: from an earlier aggregate whose definition it starts with, then its other items. */
type AggregateStep = {
  id: AggregateId;
  prefixId: AggregateId | undefined;
  items: readonly SignedItem[];
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
    return { id, prefixId, items: definition.slice(prefixLength) };
  });
}
