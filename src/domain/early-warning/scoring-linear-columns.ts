import { findCutOffReach, type InputTable, settleAgainstCutOffs } from "./scoring-exact-sign.ts";
import type { LinearScoreRule } from "./scoring-rule-set.ts";

// The batch form of evaluateLinearScore and settleAgainstCutOffs. The columns of a term are looked up once,
// not once per row, and the terms are added a column at a time in the rule's order: each row goes through
// the same operations as in the row functions, so it gets the same double.

/**
 * Adds coefficient × numerator ÷ denominator to every score; NaN where an input is missing or a denominator
 * is 0. A NaN input makes the quotient NaN, so only the zero denominator needs a test of its own.
 */
function addTermColumn(
  scores: Float64Array,
  coefficient: number,
  numerators: Float64Array | undefined,
  denominators: Float64Array | undefined,
): void {
  if (!numerators || !denominators) {
    scores.fill(Number.NaN);
    return;
  }
  for (let row = 0; row < scores.length; row += 1) {
    const denominator = denominators[row] ?? Number.NaN;
    const ratio = denominator === 0 ? Number.NaN : (numerators[row] ?? Number.NaN) / denominator;
    scores[row] = (scores[row] ?? Number.NaN) + coefficient * ratio;
  }
}

/**
 * settleAgainstCutOffs for every row of `values` (constant + the rule's score of the row). Only a row near
 * a cut-off takes the exact path; every other row is left as it is, as settleAgainstCutOffs would leave it.
 */
export function settleColumnAgainstCutOffs(
  values: Float64Array,
  rule: LinearScoreRule,
  table: InputTable,
  cutOffs: readonly number[],
  constant = 0,
): void {
  if (cutOffs.length === 0) return;
  // A row is near some cut-off (within that cut-off's reach) only if its nearest cut-off is within the
  // largest reach: one binary search over the sorted cut-offs per row finds the rows to look at closely.
  const sorted = Float64Array.from(cutOffs).sort();
  let widestReach = 0;
  for (const cutOff of cutOffs) widestReach = Math.max(widestReach, findCutOffReach(cutOff));
  const last = sorted.length - 1;
  for (let row = 0; row < values.length; row += 1) {
    const value = values[row] as number;
    if (!(value - value === 0)) continue; // NaN or ±Infinity
    let low = 0;
    let high = last;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle] as number) < value) low = middle + 1;
      else high = middle;
    }
    const above = Math.abs((sorted[low] as number) - value);
    const below = low > 0 ? Math.abs(value - (sorted[low - 1] as number)) : above;
    if (Math.min(above, below) <= widestReach) {
      values[row] = settleAgainstCutOffs(value, rule, table, row, cutOffs, constant);
    }
  }
}

/**
 * intercept + Σ coefficient × numerator ÷ denominator for rows 0 … scores.length − 1 of an input table,
 * written into `scores` and exact against the cut-offs: row for row what evaluateLinearScore then
 * settleAgainstCutOffs give (NaN: not computable). The table's columns may be longer than `scores`.
 */
export function computeLinearScoreRows(
  scores: Float64Array,
  rule: LinearScoreRule,
  table: InputTable,
  cutOffs: readonly number[],
): void {
  scores.fill(rule.intercept?.value ?? 0);
  for (const term of rule.terms) {
    addTermColumn(scores, term.coefficient.value, table[term.numerator], table[term.denominator]);
  }
  settleColumnAgainstCutOffs(scores, rule, table, cutOffs);
}

/** computeLinearScoreRows for every row of an input table, into a new column. */
export function computeLinearScoreColumn(
  rule: LinearScoreRule,
  table: InputTable,
  rowCount: number,
  cutOffs: readonly number[],
): Float64Array {
  const scores = new Float64Array(rowCount);
  computeLinearScoreRows(scores, rule, table, cutOffs);
  return scores;
}
