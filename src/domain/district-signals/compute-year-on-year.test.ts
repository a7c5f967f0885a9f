import { describe, expect, it } from "vitest";
import { computeYearOnYear } from "./compute-year-on-year.ts";

describe(computeYearOnYear, () => {
  it.each([
    {
      name: "quarterly growth",
      values: [100, 200, 50, 80, 110, 150, 50, 100],
      lag: 4,
      expected: [null, null, null, null, 0.1, -0.25, 0, 0.25],
    },
    { name: "annual change", values: [40, 50, 45], lag: 1, expected: [null, 0.25, -0.1] },
    { name: "a missing current value", values: [10, 20, null], lag: 2, expected: [null, null, null] },
    { name: "a missing base", values: [null, 20, 30], lag: 2, expected: [null, null, null] },
    { name: "a zero base", values: [0, 20, 30], lag: 2, expected: [null, null, null] },
    { name: "a fall to zero", values: [8, 0], lag: 1, expected: [null, -1] },
  ])("computes x_t / x_(t−s) − 1 for $name", ({ values, lag, expected }) => {
    const result = computeYearOnYear(values, lag);
    expect(result).toHaveLength(expected.length);
    result.forEach((ratio, index) => {
      const want = expected[index];
      if (want === null || want === undefined) expect(ratio).toBeNull();
      else expect(ratio).toBeCloseTo(want, 12);
    });
  });

  it("uses a 12-month lag on monthly data", () => {
    const values = Array.from({ length: 13 }, (_, index) => (index === 12 ? 130 : 100));
    expect(computeYearOnYear(values, 12).at(-1)).toBeCloseTo(0.3, 12);
  });

  it.each([0, -1, 1.5])("rejects the lag %s", (lag) => {
    expect(() => computeYearOnYear([1, 2], lag)).toThrow(RangeError);
  });
});
