import { describe, expect, it } from "vitest";
import type { LineItemValues } from "../statements/line-items.ts";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";
import { toZoneCode } from "./scoring-models.ts";
import {
  classifyOhlsonZone,
  computeOhlson,
  createPriceLevelIndexLookup,
  findOhlsonZoneCode,
  getPriceLevelIndex,
} from "./scoring-ohlson.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";
import { euros, healthyItems, makeHealthyStatement, makeStatement } from "./scoring-test-statements.ts";

const previousYear = (netResult: number, items: LineItemValues = healthyItems) =>
  makeStatement({ ...items, netResult }, "ordinary", "2023-12-31");

const withIndex = (byYear: Record<number, number>, defaultIndex = 1): DistressModelsRuleSet => {
  const index = (value: number) => ({ value, source: "test series", tag: "R" as const });
  return {
    ...ruleSet,
    ohlson: {
      ...ruleSet.ohlson,
      priceLevelIndexByYear: Object.fromEntries(
        Object.entries(byYear).map(([year, value]) => [year, index(value)]),
      ),
      defaultPriceLevelIndex: index(defaultIndex),
    },
  };
};

// Healthy statement, previous NI −10,000: SIZE = ln(1,000,000 € in millions ÷ 1.0) = ln 1 = 0; X = 0 (TL < TA);
// Y = 0; NI change = (30,000 + 10,000)/(30,000 + 10,000) = 1.
// T = −1.32 − 0.407·0 + 6.03·0.6 − 1.43·0.1 + 0.0757·(260/360) − 1.72·0 − 2.37·0.03 − 1.83·(80/600)
//     + 0.285·0 − 0.521·1
//   = −1.32 + 3.618 − 0.143 + 0.0546722222 − 0.0711 − 0.244 − 0.521 = 1.3735722222
// P = 1/(1 + e^−1.3735722222) = 0.7979566867 > 0.5 → distress (the model is indicative: US firms, 1970s).
const healthyScore = 1.3735722222222222;

describe(computeOhlson, () => {
  it("scores the healthy statement against a loss the year before", () => {
    const result = computeOhlson(makeHealthyStatement(), previousYear(euros(-10_000)), ruleSet);
    expect(result).toMatchObject({ status: "computed", model: "ohlson", zone: "distress" });
    expect(result.status === "computed" && result.score).toBeCloseTo(healthyScore, 12);
    expect(result.status === "computed" && result.value).toBeCloseTo(0.79795668674144, 12);
    expect(result.status === "computed" && result.inputs.previousNetIncome).toBe(euros(-10_000));
    expect(result.status === "computed" && result.priceLevelIndex).toEqual(
      ruleSet.ohlson.defaultPriceLevelIndex,
    );
  });

  it("sets X = 1 when liabilities exceed assets", () => {
    // Equity −100,000: TL = 1,100,000, TL/TA = 1.1, FFO/TL = 80/1,100, X = 1:
    // T = −1.32 + 6.03·1.1 − 0.143 + 0.0546722222 − 1.72 − 0.0711 − 1.83·0.0727272727 − 0.521
    //   = −1.32 + 6.633 − 0.143 + 0.0546722222 − 1.72 − 0.0711 − 0.1330909091 − 0.521 = 2.7794813131
    const result = computeOhlson(
      makeHealthyStatement({ equity: euros(-100_000) }),
      previousYear(euros(-10_000)),
      ruleSet,
    );
    expect(result.status === "computed" && result.score).toBeCloseTo(2.779481313131313, 12);
  });

  it("sets Y = 1 after a net loss in each of the last two years", () => {
    // NI −30,000 (FFO = −30,000 + 50,000 = 20,000), previous NI −10,000: Y = 1,
    // NI change = (−30,000 + 10,000)/(30,000 + 10,000) = −0.5:
    // T = −1.32 + 3.618 − 0.143 + 0.0546722222 − 2.37·(−0.03) − 1.83·(20/600) + 0.285 − 0.521·(−0.5)
    //   = −1.32 + 3.618 − 0.143 + 0.0546722222 + 0.0711 − 0.061 + 0.285 + 0.2605 = 2.7652722222
    const result = computeOhlson(
      makeHealthyStatement({ netResult: euros(-30_000) }),
      previousYear(euros(-10_000)),
      ruleSet,
    );
    expect(result.status === "computed" && result.score).toBeCloseTo(2.7652722222222224, 12);
  });

  it.each([
    // SIZE = ln(1 ÷ 2) = −0.6931471806 → T = 1.3735722222 − 0.407·(−0.6931471806)
    //   = 1.3735722222 + 0.2821109025 = 1.6556831247
    ["the index of the period-end year", { 2024: 2 }, 1, 1.6556831247101198],
    // 2024 not listed: default 1.0, SIZE = 0 → T as for the healthy statement
    ["the default for a year not listed", { 2023: 2 }, 1, healthyScore],
  ])("divides total assets by %s", (_case, byYear, defaultIndex, score) => {
    const result = computeOhlson(
      makeHealthyStatement(),
      previousYear(euros(-10_000)),
      withIndex(byYear, defaultIndex),
    );
    expect(result.status === "computed" && result.score).toBeCloseTo(score, 12);
  });

  it("measures size in millions of euros", () => {
    // Every amount × 10: ratios unchanged, SIZE = ln 10 = 2.302585093 → T = 1.3735722222 − 0.407·2.302585093
    //   = 1.3735722222 − 0.9371521328 = 0.4364200894
    const scaled = Object.fromEntries(Object.entries(healthyItems).map(([id, value]) => [id, value * 10]));
    const result = computeOhlson(makeStatement(scaled), previousYear(euros(-100_000), scaled), ruleSet);
    expect(result.status === "computed" && result.score).toBeCloseTo(0.4364200893736455, 12);
  });

  const { amortisationOfIntangibleAssets, depreciationOfTangibleAssets, ...abridgedItems } = healthyItems;
  it.each([
    [
      "an abridged statement (B.10.a, B.10.b grouped)",
      makeStatement(abridgedItems, "abridged"),
      true,
      ["amortisationOfIntangibleAssets", "depreciationOfTangibleAssets"],
    ],
    ["no previous year", makeHealthyStatement(), false, ["previousYear"]],
    [
      "both",
      makeStatement(abridgedItems, "micro"),
      false,
      ["amortisationOfIntangibleAssets", "depreciationOfTangibleAssets", "previousYear"],
    ],
  ])("is not computable with %s", (_case, statement, hasPrevious, missing) => {
    const previous = hasPrevious ? previousYear(euros(-10_000)) : undefined;
    expect(computeOhlson(statement, previous, ruleSet)).toEqual({
      status: "not_computable",
      model: "ohlson",
      ruleSetVersion: ruleSet.version,
      missing,
      reason: "missing_inputs",
    });
  });

  it.each([
    [
      "current assets are 0",
      {
        inventories: 0,
        receivablesDueWithinOneYear: 0,
        cashAndEquivalents: 0,
        accruedIncomeAndPrepaidExpenses: 0,
      },
      euros(-10_000),
      "zero_denominator: currentAssets",
    ],
    ["liabilities are 0", { equity: euros(1_000_000) }, euros(-10_000), "zero_denominator: totalLiabilities"],
    [
      "net income is 0 in both years",
      { netResult: 0 },
      0,
      "zero_denominator: |netIncome| + |previousNetIncome|",
    ],
    [
      "total assets are negative",
      { totalAssets: euros(-1_000), equity: euros(-2_000) },
      euros(-10_000),
      "non_positive_total_assets",
    ],
  ])("is not computable when %s", (_case, overrides, previousNetIncome, reason) => {
    const result = computeOhlson(makeHealthyStatement(overrides), previousYear(previousNetIncome), ruleSet);
    expect(result).toEqual({
      status: "not_computable",
      model: "ohlson",
      ruleSetVersion: ruleSet.version,
      missing: [],
      reason,
    });
  });

  it("is not computable with a price-level index that is not positive", () => {
    const result = computeOhlson(makeHealthyStatement(), previousYear(euros(-10_000)), withIndex({}, 0));
    expect(result).toMatchObject({ status: "not_computable", reason: "non_positive_price_level_index" });
  });
});

describe(getPriceLevelIndex, () => {
  it.each([
    [2024, 3],
    [2023, 1],
    [undefined, 1],
    [Number.NaN, 1],
  ])("finds the index of year %s: %s", (year, expected) => {
    expect(getPriceLevelIndex(withIndex({ 2024: 3 }).ohlson, year).value).toBe(expected);
  });
});

describe(createPriceLevelIndexLookup, () => {
  it.each([
    [2024, 3],
    [2022, 2],
    [2023, 1],
    [2025, 1],
    [2021, 1],
    [2022.5, 1],
    [undefined, 1],
    [Number.NaN, 1],
  ])("reads year %s as getPriceLevelIndex does: %s", (year, expected) => {
    const rule = withIndex({ 2022: 2, 2024: 3 }).ohlson;
    expect(createPriceLevelIndexLookup(rule)(year)).toBe(expected);
    expect(getPriceLevelIndex(rule, year).value).toBe(expected);
  });

  it("reads every year as the default when no year is listed", () => {
    expect(createPriceLevelIndexLookup(ruleSet.ohlson)(2024)).toBe(
      ruleSet.ohlson.defaultPriceLevelIndex.value,
    );
  });
});

describe(classifyOhlsonZone, () => {
  it.each([
    [0.4999999, "no_distress"],
    [0.5, "no_distress"],
    [0.5000001, "distress"],
  ] as const)("puts P = %s in %s (distress when P > 0.5)", (probability, zone) => {
    expect(classifyOhlsonZone(probability, ruleSet.ohlson)).toBe(zone);
    expect(findOhlsonZoneCode(probability, ruleSet.ohlson)).toBe(toZoneCode(zone));
  });
});
