import { describe, expect, it } from "vitest";
import { computeMedian, findPrecedingWindow, summariseBaseline } from "./robust-statistics.ts";

describe(computeMedian, () => {
  it.each([
    { values: [3], expected: 3 },
    { values: [5, 1, 3], expected: 3 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [-2, -2, 7], expected: -2 },
  ])("takes the median of $values as $expected", ({ values, expected }) => {
    expect(computeMedian(values)).toBe(expected);
  });

  it("rejects an empty list", () => {
    expect(() => computeMedian([])).toThrow(RangeError);
  });
});

describe(summariseBaseline, () => {
  it("measures both deviations from the median", () => {
    // median 3; |x − 3| = 2, 1, 0, 1, 7 → MAD 1, mean 11/5
    expect(summariseBaseline([1, 2, 3, 4, 10])).toEqual({
      median: 3,
      medianAbsoluteDeviation: 1,
      meanAbsoluteDeviation: 2.2,
      observationCount: 5,
    });
  });
});

describe(findPrecedingWindow, () => {
  it.each([
    { index: 3, length: 3, expected: [1, 2, 3] },
    { index: 2, length: 3, expected: undefined },
    { index: 5, length: 2, expected: undefined },
    { index: 6, length: 2, expected: undefined },
    { index: 7, length: 2, expected: [6, 7] },
  ])(
    "returns the $length values before position $index, or nothing when short or gapped",
    ({ index, length, expected }) => {
      expect(findPrecedingWindow([1, 2, 3, 4, null, 6, 7], index, length)).toEqual(expected);
    },
  );
});
