import { describe, expect, it } from "vitest";
import { computeStlSpans, decomposeStl, findStlParameters, type StlParameters } from "./decompose-stl.ts";
import { districtSignalsRuleSet2026 } from "./rule-sets/district-signals-2026.ts";

const monthly = findStlParameters(districtSignalsRuleSet2026, "monthly");
const quarterly = findStlParameters(districtSignalsRuleSet2026, "quarterly");
if (monthly === null || quarterly === null)
  throw new Error("the rule set must define monthly and quarterly STL");

const decompose = (values: readonly (number | null)[], parameters: StlParameters) => {
  const result = decomposeStl(values, parameters);
  if (result.status !== "decomposed") throw new Error(`STL skipped: ${result.reason}`);
  return result;
};

const expectAllClose = (actual: readonly number[], expected: readonly number[], tolerance: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, index) => {
    expect(Math.abs(value - (expected[index] ?? Number.NaN)), `position ${index}`).toBeLessThanOrEqual(
      tolerance,
    );
  });
};

describe(computeStlSpans, () => {
  it.each([
    { period: 12, seasonalSpan: 7, expected: { seasonal: 7, lowPass: 13, trend: 23 } },
    { period: 4, seasonalSpan: 7, expected: { seasonal: 7, lowPass: 5, trend: 9 } },
    { period: 7, seasonalSpan: 7, expected: { seasonal: 7, lowPass: 7, trend: 15 } },
  ])("applies the paper's defaults for period $period", ({ period, seasonalSpan, expected }) => {
    expect(computeStlSpans(period, seasonalSpan)).toEqual(expected);
  });

  it.each(["monthly", "quarterly"] as const)("agrees with the rule set's %s spans", (frequency) => {
    const { stl } = districtSignalsRuleSet2026;
    const { spansByFrequency } = stl;
    const period = districtSignalsRuleSet2026.seasonalPeriodByFrequency[frequency].value;
    expect(spansByFrequency[frequency].value).toEqual(computeStlSpans(period, 7));
    expect(stl.innerIterations.value).toBe(1);
    expect(stl.outerIterations.value).toBe(15);
  });

  it("has no STL for annual series", () => {
    expect(findStlParameters(districtSignalsRuleSet2026, "annual")).toBeNull();
  });
});

describe(decomposeStl, () => {
  // Zero-mean pattern: every locally linear fit reproduces trend + pattern, so STL recovers it exactly.
  const pattern = [-30, -20, -5, 0, 5, 10, 40, 35, 15, 0, -20, -30];

  it.each([
    { name: "monthly, robust", parameters: monthly },
    { name: "monthly, not robust", parameters: { ...monthly, innerIterations: 2, outerIterations: 0 } },
  ])("recovers a linear trend plus an exact seasonal pattern ($name)", ({ parameters }) => {
    const trend = Array.from({ length: 48 }, (_, index) => 1000 + 3.5 * index);
    const values = trend.map((level, index) => level + (pattern[index % 12] ?? 0));
    const result = decompose(values, parameters);
    expectAllClose(
      result.seasonal,
      values.map((_, index) => pattern[index % 12] ?? 0),
      1e-9,
    );
    expectAllClose(result.trend, trend, 1e-9);
    expectAllClose(result.remainder, Array(48).fill(0), 1e-9);
  });

  // Locally linear fits leak part of a curved trend into the other components; bound the leak.
  it("recovers the seasonal pattern under a curved trend within 5 % of its amplitude", () => {
    const trend = Array.from({ length: 60 }, (_, index) => 500 + 40 * Math.sin(index / 30));
    const values = trend.map((level, index) => level + (pattern[index % 12] ?? 0));
    const result = decompose(values, monthly);
    expectAllClose(
      result.seasonal,
      values.map((_, index) => pattern[index % 12] ?? 0),
      0.05 * 40,
    );
    expectAllClose(result.remainder, Array(60).fill(0), 0.075 * 40);
  });

  it("adds up: value = trend + seasonal + remainder", () => {
    const values = Array.from({ length: 30 }, (_, index) => 100 + index + ((index * 7919) % 13));
    const result = decompose(values, quarterly);
    values.forEach((value, index) => {
      const sum = (result.trend[index] ?? 0) + (result.seasonal[index] ?? 0) + (result.remainder[index] ?? 0);
      expect(sum).toBeCloseTo(value, 9);
    });
  });

  it("puts an isolated outlier in the remainder and gives it zero robustness weight", () => {
    const values = Array.from({ length: 48 }, (_, index) => 200 + 2 * index + (pattern[index % 12] ?? 0));
    values[30] = (values[30] ?? 0) + 500;
    const result = decompose(values, monthly);
    expect(result.robustnessWeights[30]).toBe(0);
    expect(Math.abs((result.remainder[30] ?? 0) - 500)).toBeLessThan(0.01);
    expect(Math.abs((result.seasonal[30] ?? 0) - (pattern[30 % 12] ?? 0))).toBeLessThan(0.01);
    const others = result.remainder.filter((_, index) => index !== 30).map(Math.abs);
    expect(Math.max(...others)).toBeLessThan(0.01);
  });

  // Reference values: statsmodels 0.13.5 (Python port of the netlib Fortran),
  // STL(y, period=4, seasonal=7, seasonal_deg=1, trend_deg=1, low_pass_deg=1, robust=R)
  // .fit(inner_iter=1 if R else 2, outer_iter=15 if R else 0), rounded to 8 decimals.
  const quarterlySeries = [112, 118, 132, 129, 121, 135, 148, 148, 136, 119, 104, 118, 115, 126, 141, 135];
  it.each([
    {
      name: "not robust",
      parameters: { ...quarterly, innerIterations: 2, outerIterations: 0 },
      trend: [
        119.51940794, 122.17966609, 125.0836667, 128.17650558, 131.49767795, 135.62010994, 138.13987923,
        136.67799739, 130.99641548, 124.33631297, 119.17387701, 117.56868439, 122.26693501, 127.01848421,
        132.19533633, 137.72954283,
      ],
      seasonal: [
        -10.35485433, -4.14871693, 7.88738775, 4.50635556, -6.04482887, -3.20032802, 2.87529054, 4.26195045,
        -3.61735747, -2.0484969, 1.52352808, 2.71803873, -2.16454846, -1.0699992, 2.15437101, -0.51981766,
      ],
      weights: Array(16).fill(1),
    },
    {
      name: "robust",
      parameters: quarterly,
      trend: [
        116.64296749, 120.95731404, 125.30956289, 129.71285895, 134.16851367, 138.62989239, 147.59988808,
        147.59988808, 140.25156838, 134.05498168, 127.86844506, 118.20264233, 122.60457825, 127.00840376,
        131.41243582, 135.81669017,
      ],
      seasonal: [
        -4.72777444, -2.92862159, 6.82510114, 1.00092958, -5.68556529, -2.28925305, 7.74344231, 0.40011192,
        -6.64233901, -1.64857301, 8.66334204, -0.20660927, -7.59743597, -1.00634898, 9.5846194, -0.81689592,
      ],
      weights: [
        0.97165571, 0.99971895, 0.91062007, 0, 0, 0, 0, 1, 0, 0, 0, 0.99948736, 0.99806484, 0.99988232,
        0.99969011, 0.99991638,
      ],
    },
  ])("matches statsmodels on a 16-quarter series ($name)", ({ parameters, trend, seasonal, weights }) => {
    const result = decompose(quarterlySeries, parameters);
    expectAllClose(result.trend, trend, 1e-6);
    expectAllClose(result.seasonal, seasonal, 1e-6);
    expectAllClose(result.robustnessWeights, weights, 1e-6);
  });

  it.each([
    {
      name: "fewer than two full years",
      values: Array(23).fill(1),
      reason: "too_short",
      required: 24,
      available: 23,
    },
    {
      name: "a missing value",
      values: [...Array(30).fill(1), null],
      reason: "missing_values",
      required: 24,
      available: 31,
    },
  ])("skips STL with $name", ({ values, reason, required, available }) => {
    expect(decomposeStl(values, monthly)).toEqual({
      status: "skipped",
      reason,
      requiredObservations: required,
      availableObservations: available,
    });
  });

  it("decomposes exactly two full periods", () => {
    expect(
      decomposeStl(
        Array.from({ length: 8 }, (_, index) => index),
        quarterly,
      ).status,
    ).toBe("decomposed");
  });

  it.each([
    { name: "period 1", parameters: { ...quarterly, period: 1 } },
    { name: "an even span", parameters: { ...quarterly, spans: { ...quarterly.spans, seasonal: 8 } } },
  ])("rejects $name", ({ parameters }) => {
    expect(() => decomposeStl(Array(20).fill(1), parameters)).toThrow(RangeError);
  });
});
