import { describe, expect, it } from "vitest";
import { standardNormalCdf, standardNormalDensity } from "./normal-distribution.ts";

// Expected values: Abramowitz and Stegun (1964), Handbook of Mathematical Functions, Table 26.1 (P(x) to 15
// decimals) for |x| ≤ 3, and 30-digit values of ½·erfc(−x/√2) (mpmath) for the tails, both rounded to 17
// significant digits. Φ(−x) = 1 − Φ(x), so A&S's P(1) = 0.841344746068543 gives Φ(−1) = 0.158655253931457.
describe(standardNormalCdf, () => {
  it.each([
    [0, 0.5],
    [0.1, 0.539827837277029],
    [0.5, 0.6914624612740131],
    [1, 0.8413447460685429],
    [1.5, 0.9331927987311419],
    [1.96, 0.9750021048517795],
    [2, 0.9772498680518208],
    [2.5, 0.9937903346742238],
    [3, 0.9986501019683699],
    [4, 0.9999683287581669],
    [6, 0.9999999990134123],
    [-0.5, 0.3085375387259869],
    [-1, 0.15865525393145705],
    [-1.96, 0.024997895148220435],
    [-2.5, 0.006209665325776135],
    [-3, 0.0013498980316300946],
  ])("Φ(%s) = %s within an absolute 1e-15", (x, expected) => {
    expect(Math.abs(standardNormalCdf(x) - expected)).toBeLessThan(1e-15);
  });

  it.each([
    [-3, 0.0013498980316300946, 1e-15],
    [-3.5, 0.00023262907903552504, 1e-15],
    [-5, 2.866515718791939e-7, 1e-15],
    [-8, 6.220960574271784e-16, 1e-15],
    [-10, 7.619853024160525e-24, 1e-15],
    [-20, 2.7536241186062337e-89, 1e-15],
    [-37, 5.725571222524577e-300, 1e-15],
  ])("keeps relative precision in the lower tail: Φ(%s) = %s (relative error < %s)", (x, expected, bound) => {
    expect(Math.abs(standardNormalCdf(x) - expected) / expected).toBeLessThan(bound);
  });

  it.each([0.3, 0.66291, 1.2, 2.9999, 3.0001, 4.5, 5.656854249492381, 7])(
    "is symmetric: Φ(%s) + Φ(−x) = 1",
    (x) => {
      expect(standardNormalCdf(x) + standardNormalCdf(-x)).toBeCloseTo(1, 15);
    },
  );

  // 50-digit values of Φ (mpmath.ncdf) at the doubles on both sides of the switches between Cody's
  // intervals (|x| = 0.66291 and √32) and where an earlier version of this function was least precise,
  // rounded to the nearest double.
  it.each([
    [0.66291, 0.7463059016102601],
    [0.6629100000000001, 0.7463059016102601],
    [-0.66291, 0.25369409838973994],
    [-0.6629100000000001, 0.2536940983897399],
    [5.656854249492381, 0.999999992291371],
    [5.6568542494923815, 0.999999992291371],
    [-5.656854249492381, 7.708628950139992e-9],
    [-5.6568542494923815, 7.708628950139952e-9],
    [-2.03, 0.021178269642672276],
    [-4.574, 2.392499184701427e-6],
    [-12.5, 3.732564298877713e-36],
    [-35.249, 1.7770698921853423e-272],
  ])(
    "is precise where the approximation changes interval: Φ(%s) = %s (relative error < 1e-15)",
    (x, expected) => {
      expect(Math.abs(standardNormalCdf(x) - expected) / expected).toBeLessThan(1e-15);
    },
  );

  it.each([
    ["a tiny negative x", -1e-17, "below"],
    ["the smallest negative double", -5e-324, "below"],
    ["a tiny positive x", 1e-17, "above"],
    ["the smallest positive double", 5e-324, "above"],
  ] as const)("stays on the right side of ½ for %s", (_case, x, side) => {
    if (side === "below") expect(standardNormalCdf(x)).toBeLessThan(0.5);
    else expect(standardNormalCdf(x)).toBeGreaterThan(0.5);
  });

  it.each([
    [Number.NEGATIVE_INFINITY, 0],
    [-40, 0],
    [40, 1],
    [Number.POSITIVE_INFINITY, 1],
  ])("saturates: Φ(%s) = %s", (x, expected) => {
    expect(standardNormalCdf(x)).toBe(expected);
  });

  it("returns NaN for NaN", () => {
    expect(standardNormalCdf(Number.NaN)).toBeNaN();
  });
});

describe(standardNormalDensity, () => {
  it.each([
    // φ(0) = 1/√(2π) = 0.398942280401432678; φ(1) = e^−½/√(2π) = 0.241970724519143; φ(−7) = e^−24.5/√(2π).
    [0, 0.3989422804014327],
    [1, 0.24197072451914334],
    [-7, 9.134720408364594e-12],
  ])("φ(%s) = %s", (x, expected) => {
    expect(Math.abs(standardNormalDensity(x) - expected) / expected).toBeLessThan(1e-15);
  });
});
