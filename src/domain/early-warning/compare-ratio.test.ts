import { describe, expect, it } from "vitest";
import { compareRatio, compareRatioWithPercent, compareWithMultiple } from "./compare-ratio.ts";

describe(compareWithMultiple, () => {
  it.each([
    // 50,000 − 0.5 × 100,000 = 0 → equal
    { amount: 50_000, multiplier: 0.5, base: 100_000, expected: 0 },
    { amount: 50_001, multiplier: 0.5, base: 100_000, expected: 1 },
    { amount: 49_999, multiplier: 0.5, base: 100_000, expected: -1 },
    // 0.3 × 3 = 0.9 exactly (floating point: 0.8999999999999999)
    { amount: 0.9, multiplier: 0.3, base: 3, expected: 0 },
    // 0.1 × 3 = 0.3 exactly (floating point: 0.30000000000000004)
    { amount: 0.3, multiplier: 0.1, base: 3, expected: 0 },
    // −0.5 − 0.25 × (−2) = 0
    { amount: -0.5, multiplier: 0.25, base: -2, expected: 0 },
    // 1e21 − 1 × 1e21 = 0 (exponent notation); 1e-7 − 0 > 0
    { amount: 1e21, multiplier: 1, base: 1e21, expected: 0 },
    { amount: 1e-7, multiplier: 0, base: 5, expected: 1 },
  ])("compares $amount with $multiplier × $base as $expected", ({ amount, multiplier, base, expected }) => {
    expect(compareWithMultiple(amount, multiplier, base)).toBe(expected);
  });

  it("rejects a non-finite number", () => {
    expect(() => compareWithMultiple(Number.NaN, 1, 1)).toThrow(RangeError);
  });
});

describe(compareRatio, () => {
  it.each([
    // 200 / 100 = 2 → equal to the cut-off 2
    { numerator: 200, denominator: 100, cutOff: 2, expected: 0 },
    { numerator: 201, denominator: 100, cutOff: 2, expected: 1 },
    // negative denominator flips: 200 / −100 = −2 < 2
    { numerator: 200, denominator: -100, cutOff: 2, expected: -1 },
    // −200 / −100 = 2 → equal
    { numerator: -200, denominator: -100, cutOff: 2, expected: 0 },
  ])(
    "compares $numerator / $denominator with $cutOff as $expected",
    ({ numerator, denominator, cutOff, expected }) => {
      expect(compareRatio(numerator, denominator, cutOff)).toBe(expected);
    },
  );

  it("rejects a zero denominator", () => {
    expect(() => compareRatio(1, 0, 1)).toThrow(RangeError);
  });
});

describe(compareRatioWithPercent, () => {
  it.each([
    // 76 / 1000 = 7.6 % exactly
    { numerator: 76, denominator: 1000, percent: 7.6, expected: 0 },
    // 57 / 100 = 57 % exactly (floating point: 0.57 × 100 = 56.99999999999999)
    { numerator: 57, denominator: 100, percent: 57, expected: 0 },
    { numerator: 75, denominator: 1000, percent: 7.6, expected: -1 },
    // 28 / 1000 = 2.8 % (floating point 2.8 / 100 = 0.027999999999999997)
    { numerator: 28, denominator: 1000, percent: 2.8, expected: 0 },
    // 1080 / 1000 = 108 %
    { numerator: 1080, denominator: 1000, percent: 108.0, expected: 0 },
    // 1 / 3 = 33.33… % > 33.3 %
    { numerator: 1, denominator: 3, percent: 33.3, expected: 1 },
  ])(
    "compares $numerator / $denominator with $percent % as $expected",
    ({ numerator, denominator, percent, expected }) => {
      expect(compareRatioWithPercent(numerator, denominator, percent)).toBe(expected);
    },
  );

  it("rejects a zero denominator", () => {
    expect(() => compareRatioWithPercent(1, 0, 1)).toThrow(RangeError);
  });
});
