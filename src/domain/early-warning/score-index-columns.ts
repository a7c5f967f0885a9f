import type { LineItemId } from "../statements/line-items.ts";
import { type CndcecIndexTerm, findCndcecIndexTerms } from "./cndcec-indices.ts";
import { compareRatioWithPercent } from "./compare-ratio.ts";
import { type CndcecIndexId, cndcecIndexIds } from "./rule-sets/crisis-code-2019.ts";

// The CNDCEC indices and screen as the batch path computes them (score-company-year-rows.ts): the formulas
// of computeCndcecIndices and the outcomes of screenCrisisCode; declared dividends are 0 and no DSCR is
// supplied, as when scoring filed statements. score-company-year-columns.test.ts compares every row with
// the per-row path.

type Term = { item: LineItemId; sign: 1 | -1 };

// The formulas are computeCndcecIndices' own; declared dividends are 0 when scoring filed statements, so
// their term (in I2's numerator) is left out.
const toItemTerms = (terms: readonly CndcecIndexTerm[]): Term[] =>
  terms.flatMap(({ name, sign }) => (name === "declaredDividends" ? [] : [{ item: name, sign }]));

/** The CNDCEC formulas (early-warning.md §1), I3 with the cash-flow statement's total. */
export const indexFormulas = Object.fromEntries(
  cndcecIndexIds.map((index) => {
    const terms = findCndcecIndexTerms(index, "cash_flow_statement");
    return [index, { numerator: toItemTerms(terms.numerator), denominator: toItemTerms(terms.denominator) }];
  }),
) as Record<CndcecIndexId, { numerator: Term[]; denominator: Term[] }>;

/** I3's numerator without a cash-flow statement: NI + B.10 + B.12 + B.13 + B.9.c − D. */
export const incomeStatementCashFlowTerms: Term[] = toItemTerms(
  findCndcecIndexTerms("I3", "income_statement").numerator,
);

export type IndexColumns = {
  /** Percent per index, NaN where not computable. */
  percent: Record<CndcecIndexId, Float64Array>;
  /** 1 where the index is breached against the row's sector threshold. */
  isBreached: Record<CndcecIndexId, Uint8Array>;
  computableCount: Uint8Array;
  breachedCount: Uint8Array;
  /** 1 where the screen presumes a crisis (equity below the legal minimum, or all five indices breached). */
  isCrisisPresumed: Uint8Array;
  /** The screen's outcome of each row, as its index in screenOutcomes. */
  screenOutcome: Uint8Array;
};

/**
 * The outcomes of screenCrisisCode without a DSCR (the zone stored for the screen, and what decided a
 * presumed crisis); "not_computable": the format has no equity.
 */
export const screenOutcomes = [
  { kind: "not_computable" },
  { kind: "crisis_presumed", trigger: "equity" },
  { kind: "crisis_presumed", trigger: "all_indices" },
  { kind: "partial_signals" },
  { kind: "no_signal" },
  { kind: "incomplete" },
  { kind: "no_benchmark" },
] as const;

/** The code of each outcome in screenOutcomes. */
export const screenOutcomeCodes = {
  notComputable: 0,
  equity: 1,
  allIndices: 2,
  partialSignals: 3,
  noSignal: 4,
  incomplete: 5,
  noBenchmark: 6,
} as const;

/**
 * Relative distance within which a double percent is too close to a threshold to tell which side it is on
 * (integer cents below 2^53 put the double percent within a few ulps of the exact one).
 */
export const nearThresholdRelativeDistance = 1e-12;

/** Whether percent − threshold (`distance`) is too close to 0 to trust its sign. */
export function isNearThreshold(distance: number, percent: number, threshold: number): boolean {
  return Math.abs(distance) <= nearThresholdRelativeDistance * (Math.abs(percent) + Math.abs(threshold));
}

/** Sign of numerator ÷ denominator − percent ÷ 100, in doubles when far from the cut-off, else exact. */
export function compareWithThreshold(
  numerator: number,
  denominator: number,
  percent: number,
  threshold: number,
) {
  const distance = percent - threshold;
  if (!isNearThreshold(distance, percent, threshold)) return Math.sign(distance);
  return compareRatioWithPercent(numerator, denominator, threshold);
}
