import { describe, expect, it } from "vitest";
import { compileLinear, countBoundsAbove, needsSettling, rowsPerBlock } from "./batch-programs.ts";
import type { SourcedValue } from "./model-result.ts";
import { settleAgainstCutOffs } from "./scoring-exact-sign.ts";
import type { LinearScoreRule } from "./scoring-rule-set.ts";

const sourced = (value: number): SourcedValue => ({ value, source: "test", tag: "V" });

// score = 1 × sales ÷ totalAssets, cut-offs 1.23 and 2.9; the block's aggregates: slot 0 sales, slot 1
// totalAssets, row 3 of the block.
const rule: LinearScoreRule = {
  terms: [{ coefficient: sourced(1), numerator: "sales", denominator: "totalAssets" }],
};
const program = compileLinear(rule, (id) => (id === "sales" ? 0 : 1), [1.23, 2.9]);
const row = 3;

function aggregatesOf(sales: number, totalAssets: number): Float64Array {
  const aggregates = new Float64Array(2 * rowsPerBlock);
  aggregates[row] = sales;
  aggregates[rowsPerBlock + row] = totalAssets;
  return aggregates;
}

describe(needsSettling, () => {
  it.each([
    // The value as the doubles give it, and what settleAgainstCutOffs does with it.
    ["far from both cut-offs", 2, 1, false],
    ["within the cheap reach of 1.23 but far beyond rounding", 1.2301, 1, false],
    ["one ulp above 1.23", 1.23 + 1.23 * Number.EPSILON, 1, true],
    ["on 2.9", 2.9, 1, true],
    ["on 1.23 with a large magnitude", 123_000_000_000_000, 1e14, true],
  ])("%s: %s", (_case, sales, totalAssets, expected) => {
    const aggregates = aggregatesOf(sales, totalAssets);
    const value = sales / totalAssets;
    expect(needsSettling(program, value, aggregates, row)).toBe(expected);
    // When no settling is needed, settleAgainstCutOffs returns the value as it is.
    if (!expected) {
      const table = { sales: Float64Array.of(sales), totalAssets: Float64Array.of(totalAssets) };
      expect(settleAgainstCutOffs(value, rule, table, 0, [1.23, 2.9])).toBe(value);
    }
  });
});

describe(countBoundsAbove, () => {
  const bounds = Float64Array.of(8.15, 5.85, 1.75);
  it.each([
    [9, 0],
    [8.15, 0],
    [8.14, 1],
    [5.85, 1],
    [2, 2],
    [1.75, 2],
    [-3, 3],
  ])("counts the bounds above %s: %s", (value, expected) => {
    expect(countBoundsAbove(bounds, value)).toBe(expected);
  });
});
