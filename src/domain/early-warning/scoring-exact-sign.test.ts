import { describe, expect, it } from "vitest";
import type { SourcedValue } from "./model-result.ts";
import { settleAgainstCutOffs } from "./scoring-exact-sign.ts";
import type { LinearScoreRule } from "./scoring-rule-set.ts";

const sourced = (value: number): SourcedValue => ({ value, source: "test", tag: "V" });

/** score = intercept + coefficient × sales ÷ totalAssets, for one row. */
function makeCase(coefficient: number, sales: number, totalAssets: number, intercept = 0) {
  const rule: LinearScoreRule = {
    intercept: sourced(intercept),
    terms: [{ coefficient: sourced(coefficient), numerator: "sales", denominator: "totalAssets" }],
  };
  return { rule, table: { sales: Float64Array.of(sales), totalAssets: Float64Array.of(totalAssets) } };
}

const justAbove = (value: number) => value + value * Number.EPSILON;

describe(settleAgainstCutOffs, () => {
  it.each([
    // 1 × 123,000,000,000,000 ÷ 10^14 = 1.23 exactly: a value one ulp off is moved onto the cut-off
    ["an exact tie computed one ulp high", 1, 123_000_000_000_000, 1e14, justAbove(1.23), 1.23],
    // 1 × 123,000,000,000,001 ÷ 10^14 = 1.23000000000001 > 1.23: a value computed as 1.23 moves just above
    ["a value above the cut-off computed on it", 1, 123_000_000_000_001, 1e14, 1.23, justAbove(1.23)],
    // 1.5e−7 × 10^21 ÷ 10^14 = 1.5 exactly, numbers in exponent notation included
    ["numbers printed with exponents", 1.5e-7, 1e21, 1e14, justAbove(1.5), 1.5],
    // (−0.5) × 3 ÷ (−1) = 1.5 exactly: a negative denominator flips nothing
    ["a negative denominator", -0.5, 3, -1, justAbove(1.5), 1.5],
  ])("settles %s", (_case, coefficient, sales, totalAssets, computed, expected) => {
    const { rule, table } = makeCase(coefficient, sales, totalAssets);
    expect(settleAgainstCutOffs(computed, rule, table, 0, [1.23, 1.5])).toBe(expected);
  });

  it("moves a value below the cut-off when the exact value is below it", () => {
    // 1 × 122,999,999,999,999 ÷ 10^14 < 1.23: a value computed as 1.23 moves just below
    const { rule, table } = makeCase(1, 122_999_999_999_999, 1e14);
    const settled = settleAgainstCutOffs(1.23, rule, table, 0, [1.23]);
    expect(settled).toBeLessThan(1.23);
    expect(settled).toBeCloseTo(1.23, 12);
  });

  it("adds the constant (the EM score's 3.25) to the exact value", () => {
    // 3.25 + 1 × 26 ÷ 10 = 5.85 exactly
    const { rule, table } = makeCase(1, 26, 10);
    expect(settleAgainstCutOffs(justAbove(5.85), rule, table, 0, [5.85], 3.25)).toBe(5.85);
  });

  it.each([
    ["far from every cut-off", 2, 2],
    ["not finite", Number.NaN, Number.NaN],
  ])("leaves a value %s alone", (_case, value, expected) => {
    const { rule, table } = makeCase(1, 2, 1);
    expect(settleAgainstCutOffs(value, rule, table, 0, [1.23])).toBe(expected);
  });
});
