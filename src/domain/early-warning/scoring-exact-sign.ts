import type { LinearScoreRule, ScoreInputId } from "./scoring-rule-set.ts";

// A linear score computed in binary floating point can land on the wrong side of a cut-off it equals
// (0.998 × 615/499 is 1.23 exactly, in doubles 1.2299999999999998). Near a cut-off the score is therefore
// re-decided in exact rational arithmetic (BigInt), with every number read as the decimal it prints as, and
// moved onto the side the exact value is on. Far from every cut-off (nearly always) nothing is done.

/** Input columns of the scoring models, one row per company-year; NaN where an input is missing. */
export type InputTable = Partial<Record<ScoreInputId, Float64Array>>;

type Fraction = { numerator: bigint; denominator: bigint };

function toFraction(value: number): Fraction {
  const [mantissa = "0", exponentText = "0"] = value.toString().split("e");
  const [integerPart = "0", fractionPart = ""] = mantissa.split(".");
  const digits = BigInt(integerPart + fractionPart);
  const scale = fractionPart.length - Number(exponentText);
  return scale >= 0
    ? { numerator: digits, denominator: 10n ** BigInt(scale) }
    : { numerator: digits * 10n ** BigInt(-scale), denominator: 1n };
}

function add(left: Fraction, right: Fraction): Fraction {
  return {
    numerator: left.numerator * right.denominator + right.numerator * left.denominator,
    denominator: left.denominator * right.denominator,
  };
}

/** coefficient × numerator ÷ denominator; the denominator must not be 0. */
function termFraction(coefficient: number, numerator: number, denominator: number): Fraction {
  const product = toFraction(coefficient);
  const top = toFraction(numerator);
  const bottom = toFraction(denominator);
  const isNegative = bottom.numerator < 0n;
  const magnitude = isNegative ? -bottom.numerator : bottom.numerator;
  return {
    numerator: product.numerator * top.numerator * bottom.denominator * (isNegative ? -1n : 1n),
    denominator: product.denominator * top.denominator * magnitude,
  };
}

/** Exact sign of constant + intercept + Σ coefficient × ratio − cutOff for one row (finite inputs, no 0 divisor). */
function exactSign(rule: LinearScoreRule, table: InputTable, row: number, constant: number, cutOff: number) {
  let sum = add(toFraction(constant), toFraction(rule.intercept?.value ?? 0));
  sum = add(sum, toFraction(-cutOff));
  for (const term of rule.terms) {
    const numerator = table[term.numerator]?.[row] ?? Number.NaN;
    const denominator = table[term.denominator]?.[row] ?? Number.NaN;
    sum = add(sum, termFraction(term.coefficient.value, numerator, denominator));
  }
  if (sum.numerator === 0n) return 0;
  return sum.numerator > 0n ? 1 : -1;
}

function adjacentDouble(value: number, direction: 1 | -1): number {
  if (value === 0) return direction * Number.MIN_VALUE;
  const buffer = new Float64Array([value]);
  const bits = new BigInt64Array(buffer.buffer);
  bits[0] = (bits[0] ?? 0n) + (value > 0 === direction > 0 ? 1n : -1n);
  return buffer[0] ?? value;
}

// Rounding error of a sum of a handful of products and quotients is a few units of 1e-16 of the terms'
// magnitude; anything within a million times that is re-decided exactly.
const nearnessFactor = 1e-10;

/**
 * Whether a value `distance` away from a cut-off may be on the wrong side of it by rounding, for a score
 * whose terms (and constant) add up to `magnitude` in absolute value: settleAgainstCutOffs decides exactly
 * only then.
 */
export function isWithinRoundingReach(distance: number, magnitude: number, cutOff: number): boolean {
  return distance <= nearnessFactor * (magnitude + Math.abs(cutOff));
}

/**
 * How far from `cutOff` settleAgainstCutOffs looks at a value more closely (its cheap first test): a value
 * farther than this from every cut-off is returned as it is.
 */
export function findCutOffReach(cutOff: number): number {
  return 1e-3 * (1 + Math.abs(cutOff));
}

/**
 * `value` (= constant + the rule's score for the row, computed in doubles) placed exactly: equal to a
 * cut-off when the exact value is, and strictly on the exact value's side of every cut-off otherwise.
 */
export function settleAgainstCutOffs(
  value: number,
  rule: LinearScoreRule,
  table: InputTable,
  row: number,
  cutOffs: readonly number[],
  constant = 0,
): number {
  if (!Number.isFinite(value)) return value;
  let magnitude: number | undefined;
  let settled = value;
  for (const cutOff of cutOffs) {
    const distance = Math.abs(value - cutOff);
    if (distance > findCutOffReach(cutOff)) continue;
    magnitude ??= termMagnitude(rule, table, row) + Math.abs(constant);
    if (!isWithinRoundingReach(distance, magnitude, cutOff)) continue;
    const sign = exactSign(rule, table, row, constant, cutOff);
    if (sign === 0) settled = cutOff;
    else if (sign > 0 && settled <= cutOff) settled = adjacentDouble(cutOff, 1);
    else if (sign < 0 && settled >= cutOff) settled = adjacentDouble(cutOff, -1);
  }
  return settled;
}

function termMagnitude(rule: LinearScoreRule, table: InputTable, row: number): number {
  let magnitude = Math.abs(rule.intercept?.value ?? 0);
  for (const term of rule.terms) {
    const numerator = table[term.numerator]?.[row] ?? Number.NaN;
    const denominator = table[term.denominator]?.[row] ?? Number.NaN;
    magnitude += Math.abs(term.coefficient.value * (numerator / denominator));
  }
  return magnitude;
}
