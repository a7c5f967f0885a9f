import { describe, expect, it } from "vitest";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";
import { toZoneCode } from "./scoring-models.ts";
import { classifySpringateZone, computeSpringate, findSpringateZoneCode } from "./scoring-springate.ts";
import { euros, makeHealthyStatement, makeStatement } from "./scoring-test-statements.ts";

const thousands = (amount: number) => euros(amount * 1000);

describe(computeSpringate, () => {
  it("scores the healthy statement", () => {
    // S = 1.03·0.1 + 3.07·0.08 + 0.66·(50,000/260,000) + 0.40·1.5
    //   = 0.103 + 0.2456 + 0.1269230769 + 0.6 = 1.0755230769 ≥ 0.862 → not failing
    const result = computeSpringate(makeHealthyStatement(), ruleSet);
    expect(result).toMatchObject({ status: "computed", model: "springate", zone: "not_failing" });
    expect(result.status === "computed" && result.value).toBeCloseTo(1.0755230769230768, 12);
  });

  // Thousands: TA 1,000, CA 501 (WC 1), CL 500, EBIT 43, EBT 128, S 1,400:
  // S = 1.03·0.001 + 3.07·0.043 + 0.66·(128/500) + 0.40·1.4 = 0.00103 + 0.13201 + 0.16896 + 0.56 = 0.862
  // exactly (0.8619999999999999 in doubles) → not failing; 1 euro less revenue: S = 0.862 − 0.4/1,000,000
  // = 0.8619996 → failing.
  it.each([
    ["S = 0.862 exactly → not failing", 1400, 0.862, "not_failing"],
    ["S just below 0.862 → failing", 1399.999, 0.8619996, "failing"],
  ])("decides the boundary: %s", (_case, sales, value, zone) => {
    const statement = makeStatement({
      totalAssets: thousands(1000),
      equity: thousands(300),
      inventories: thousands(501),
      debtsDueWithinOneYear: thousands(500),
      operatingResult: thousands(43),
      resultBeforeTaxes: thousands(128),
      revenue: thousands(sales),
    });
    const result = computeSpringate(statement, ruleSet);
    expect(result).toMatchObject({ status: "computed", zone });
    expect(result.status === "computed" && result.value).toBeCloseTo(value, 12);
  });

  it("fails a company with losses and little turnover", () => {
    // WC −50, EBIT −30, EBT −40, CL 250, S 300 per TA 1,000:
    // S = 1.03·(−0.05) + 3.07·(−0.03) + 0.66·(−40/250) + 0.40·0.3 = −0.0515 − 0.0921 − 0.1056 + 0.12 = −0.1292
    const statement = makeStatement({
      totalAssets: thousands(1000),
      inventories: thousands(200),
      debtsDueWithinOneYear: thousands(250),
      operatingResult: thousands(-30),
      resultBeforeTaxes: thousands(-40),
      revenue: thousands(300),
    });
    const result = computeSpringate(statement, ruleSet);
    expect(result).toMatchObject({ status: "computed", zone: "failing" });
    expect(result.status === "computed" && result.value).toBeCloseTo(-0.1292, 12);
  });

  it.each([
    [
      "current liabilities are 0",
      { debtsDueWithinOneYear: 0, accruedLiabilitiesAndDeferredIncome: 0 },
      "zero_denominator: currentLiabilities",
    ],
    ["total assets are 0", { totalAssets: 0 }, "zero_denominator: totalAssets"],
  ])("is not computable when %s", (_case, overrides, reason) => {
    expect(computeSpringate(makeHealthyStatement(overrides), ruleSet)).toEqual({
      status: "not_computable",
      model: "springate",
      ruleSetVersion: ruleSet.version,
      missing: [],
      reason,
    });
  });

  it("names a missing item", () => {
    expect(computeSpringate(makeHealthyStatement({ resultBeforeTaxes: Number.NaN }), ruleSet)).toMatchObject({
      status: "not_computable",
      missing: ["resultBeforeTaxes"],
      reason: "missing_inputs",
    });
  });
});

describe(classifySpringateZone, () => {
  it.each([
    [0.8619999, "failing"],
    [0.862, "not_failing"],
    [0.8620001, "not_failing"],
    [-2, "failing"],
  ] as const)("puts S = %s in %s (failing when S < 0.862)", (score, zone) => {
    expect(classifySpringateZone(score, ruleSet.springate)).toBe(zone);
    expect(findSpringateZoneCode(score, ruleSet.springate)).toBe(toZoneCode(zone));
  });
});
