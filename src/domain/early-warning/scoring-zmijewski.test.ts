import { describe, expect, it } from "vitest";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";
import { toZoneCode } from "./scoring-models.ts";
import { euros, makeHealthyStatement, makeStatement } from "./scoring-test-statements.ts";
import { classifyZmijewskiZone, computeZmijewski, findZmijewskiZoneCode } from "./scoring-zmijewski.ts";

const thousands = (amount: number) => euros(amount * 1000);

/** In thousands of euros: TA 1,000, CA from inventories alone, CL from debts due within one year alone. */
const makeZmijewskiStatement = (parts: { netIncome: number; equity: number; ca: number; cl: number }) =>
  makeStatement({
    totalAssets: thousands(1000),
    equity: thousands(parts.equity),
    netResult: thousands(parts.netIncome),
    inventories: thousands(parts.ca),
    debtsDueWithinOneYear: thousands(parts.cl),
  });

describe(computeZmijewski, () => {
  it("scores the healthy statement", () => {
    // X = −4.336 − 4.513·0.03 + 5.679·0.6 + 0.004·(360,000/260,000)
    //   = −4.336 − 0.13539 + 3.4074 + 0.0055384615 = −1.0584515385; P = Φ(−1.0584515385) = 0.1449248167
    const result = computeZmijewski(makeHealthyStatement(), ruleSet);
    expect(result).toMatchObject({ status: "computed", model: "zmijewski", zone: "no_distress" });
    expect(result.status === "computed" && result.score).toBeCloseTo(-1.0584515384615387, 12);
    expect(result.status === "computed" && result.value).toBeCloseTo(0.1449248167263089, 12);
  });

  it("puts a loss-making, indebted company in distress", () => {
    // NI −200, TL 900, CA 100, CL 200 per 1,000: X = −4.336 + 4.513·0.2 + 5.679·0.9 + 0.004·0.5
    //   = −4.336 + 0.9026 + 5.1111 + 0.002 = 1.6797; P = Φ(1.6797) = 0.9534921501
    const result = computeZmijewski(
      makeZmijewskiStatement({ netIncome: -200, equity: 100, ca: 100, cl: 200 }),
      ruleSet,
    );
    expect(result).toMatchObject({ status: "computed", zone: "distress" });
    expect(result.status === "computed" && result.value).toBeCloseTo(0.9534921501001431, 12);
  });

  // NI −91, TL 691 (equity 309), CA 141, CL 500 per 1,000: X = −4.336 + 4.513·0.091 + 5.679·0.691 +
  // 0.004·0.282 = −4.336 + 0.410683 + 3.924189 + 0.001128 = 0 exactly (−4.6e−16 in doubles), so P = Φ(0) = ½
  // → distress (P ≥ 0.5). 1 euro more equity lowers X by 5.679/1,000,000 → P just below ½ → no distress.
  it.each([
    ["X = 0 exactly, P = 0.5 → distress", 309, 0.5, "distress"],
    ["1 euro more equity, P < 0.5 → no distress", 309.001, 0.4999977344, "no_distress"],
  ])("decides the boundary: %s", (_case, equity, probability, zone) => {
    const result = computeZmijewski(
      makeZmijewskiStatement({ netIncome: -91, equity, ca: 141, cl: 500 }),
      ruleSet,
    );
    expect(result).toMatchObject({ status: "computed", zone });
    expect(result.status === "computed" && result.value).toBeCloseTo(probability, 9);
    if (zone === "distress") expect(result.status === "computed" && result.value).toBe(0.5);
  });

  it.each([
    [
      "current liabilities are 0",
      { debtsDueWithinOneYear: 0, accruedLiabilitiesAndDeferredIncome: 0 },
      "zero_denominator: currentLiabilities",
    ],
    ["total assets are 0", { totalAssets: 0 }, "zero_denominator: totalAssets"],
  ])("is not computable when %s", (_case, overrides, reason) => {
    expect(computeZmijewski(makeHealthyStatement(overrides), ruleSet)).toEqual({
      status: "not_computable",
      model: "zmijewski",
      ruleSetVersion: ruleSet.version,
      missing: [],
      reason,
    });
  });

  it("is computable without liabilities (TL is only a numerator)", () => {
    // X = −4.336 − 4.513·0.03 + 5.679·0 + 0.004·(360/260) = −4.4658515385 → P ≈ 4e−6
    const result = computeZmijewski(makeHealthyStatement({ equity: euros(1_000_000) }), ruleSet);
    expect(result).toMatchObject({ status: "computed", zone: "no_distress" });
    expect(result.status === "computed" && result.score).toBeCloseTo(-4.465851538461539, 12);
  });

  it("names a missing item", () => {
    expect(
      computeZmijewski(makeHealthyStatement({ netResult: Number.POSITIVE_INFINITY }), ruleSet),
    ).toMatchObject({
      status: "not_computable",
      missing: ["netResult"],
    });
  });
});

describe(classifyZmijewskiZone, () => {
  it.each([
    [0.4999999, "no_distress"],
    [0.5, "distress"],
    [0.5000001, "distress"],
    [0, "no_distress"],
    [1, "distress"],
  ] as const)("puts P = %s in %s (distress when P ≥ 0.5)", (probability, zone) => {
    expect(classifyZmijewskiZone(probability, ruleSet.zmijewski)).toBe(zone);
    expect(findZmijewskiZoneCode(probability, ruleSet.zmijewski)).toBe(toZoneCode(zone));
  });
});
