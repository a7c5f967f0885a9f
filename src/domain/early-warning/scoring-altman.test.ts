import { describe, expect, it } from "vitest";
import type { LineItemValues } from "../statements/line-items.ts";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";
import {
  classifyAltmanZone,
  computeAltmanZ,
  computeAltmanZDoublePrime,
  computeAltmanZPrime,
  findAltmanZoneCode,
  rateEmScore,
} from "./scoring-altman.ts";
import { type AltmanZone, toZoneCode } from "./scoring-models.ts";
import type { EmRating } from "./scoring-rule-set.ts";
import { euros, makeHealthyStatement, makeStatement } from "./scoring-test-statements.ts";

const version = ruleSet.version;
// Units of 1,000 euros, so that ratios are exact fractions of 1,000.
const thousands = (amount: number) => euros(amount * 1000);

type RatioParts = { wc: number; re: number; ebit: number; equity: number; sales: number; ta?: number };

/** In thousands of euros, TA 1,000 unless given; WC from inventories alone; RE from the legal reserve alone. */
function makeRatioStatement(parts: RatioParts) {
  const items: LineItemValues = {
    totalAssets: thousands(parts.ta ?? 1000),
    inventories: thousands(parts.wc),
    legalReserve: thousands(parts.re),
    operatingResult: thousands(parts.ebit),
    equity: thousands(parts.equity),
    revenue: thousands(parts.sales),
  };
  return makeStatement(items);
}

describe(computeAltmanZ, () => {
  it("scores the healthy statement with a market value of equity of 900,000 euros", () => {
    // Z = 1.2·0.1 + 1.4·0.18 + 3.3·0.08 + 0.6·(900,000/600,000) + 1.0·1.5
    //   = 0.12 + 0.252 + 0.264 + 0.9 + 1.5 = 3.036 > 2.99 → safe
    const result = computeAltmanZ(makeHealthyStatement(), euros(900_000), ruleSet);
    expect(result).toMatchObject({
      status: "computed",
      model: "altman_z",
      zone: "safe",
      ruleSetVersion: version,
    });
    expect(result.status === "computed" && result.value).toBeCloseTo(3.036, 12);
    expect(result.status === "computed" && result.inputs.marketValueOfEquity).toBe(euros(900_000));
  });

  it.each([
    ["not supplied", undefined],
    ["not a finite number", Number.NaN],
  ])("is not computable when the market value of equity is %s", (_case, marketValue) => {
    expect(computeAltmanZ(makeHealthyStatement(), marketValue, ruleSet)).toEqual({
      status: "not_computable",
      model: "altman_z",
      ruleSetVersion: version,
      missing: ["marketValueOfEquity"],
      reason: "missing_inputs",
    });
  });
});

describe(computeAltmanZPrime, () => {
  it("scores the healthy statement", () => {
    // Z′ = 0.717·0.1 + 0.847·0.18 + 3.107·0.08 + 0.420·(400,000/600,000) + 0.998·1.5
    //    = 0.0717 + 0.15246 + 0.24856 + 0.28 + 1.497 = 2.24972, between 1.23 and 2.90 → grey
    const result = computeAltmanZPrime(makeHealthyStatement(), ruleSet);
    expect(result).toMatchObject({ status: "computed", zone: "grey" });
    expect(result.status === "computed" && result.value).toBeCloseTo(2.24972, 12);
    expect(result.status === "computed" && result.inputs).toEqual({
      workingCapital: euros(100_000),
      totalAssets: euros(1_000_000),
      earnedReserves: euros(180_000),
      earningsBeforeInterestAndTaxes: euros(80_000),
      bookValueOfEquity: euros(400_000),
      totalLiabilities: euros(600_000),
      sales: euros(1_500_000),
    });
  });

  // Exact boundaries: WC 17, RE 283, EBIT 108, equity 500 (TL 500), S 223 per 1,000 of TA gives
  // Z′ = (0.717·17 + 0.847·283 + 3.107·108 + 0.998·223)/1000 + 0.42·1 = (12.189 + 239.701 + 335.556 +
  // 222.554)/1000 + 0.42 = 0.81 + 0.42 = 1.23 exactly (summed in doubles it is 1.2299999999999998);
  // 1 euro less of sales: Z′ = 1.23 − 0.998·1/1,000,000 = 1.229999002.
  it.each([
    [
      "exactly 1.23 (lower cut-off) → grey",
      { wc: 17, re: 283, ebit: 108, equity: 500, sales: 223 },
      1.23,
      "grey",
    ],
    [
      "1 euro of sales less → distress",
      { wc: 17, re: 283, ebit: 108, equity: 500, sales: 222.999 },
      1.23,
      "distress",
    ],
    // Equity 0 (BVE/TL = 0), Z′ = 0.998·S/TA with S/TA = 2,900/998 = 1,450/499: TA 499, S 1,450 → 2.9
    // exactly; 1 euro more of sales: Z′ = 2.9 + 0.998·1/499,000 = 2.900002.
    [
      "exactly 2.90 (upper cut-off) → grey",
      { wc: 0, re: 0, ebit: 0, equity: 0, sales: 1450, ta: 499 },
      2.9,
      "grey",
    ],
    [
      "1 euro of sales more → safe",
      { wc: 0, re: 0, ebit: 0, equity: 0, sales: 1450.001, ta: 499 },
      2.9,
      "safe",
    ],
  ])("puts a score %s", (_case, parts, nearValue, zone) => {
    const result = computeAltmanZPrime(makeRatioStatement(parts), ruleSet);
    expect(result).toMatchObject({ status: "computed", zone });
    expect(result.status === "computed" && result.value).toBeCloseTo(nearValue, 5);
    if (zone === "grey") expect(result.status === "computed" && result.value).toBe(nearValue);
  });

  it.each([
    ["total assets are 0", { totalAssets: 0, equity: 0 }, "zero_denominator: totalAssets, totalLiabilities"],
    [
      "equity equals total assets (TL = 0)",
      { equity: euros(1_000_000) },
      "zero_denominator: totalLiabilities",
    ],
  ])("is not computable when %s", (_case, overrides, reason) => {
    expect(computeAltmanZPrime(makeHealthyStatement(overrides), ruleSet)).toEqual({
      status: "not_computable",
      model: "altman_z_prime",
      ruleSetVersion: version,
      missing: [],
      reason,
    });
  });

  it("names an item that is not a number as missing", () => {
    expect(computeAltmanZPrime(makeHealthyStatement({ revenue: Number.NaN }), ruleSet)).toMatchObject({
      status: "not_computable",
      missing: ["revenue"],
      reason: "missing_inputs",
    });
  });
});

describe(computeAltmanZDoublePrime, () => {
  it("scores the healthy statement with its EM score and rating", () => {
    // Z″ = 6.56·0.1 + 3.26·0.18 + 6.72·0.08 + 1.05·(2/3) = 0.656 + 0.5868 + 0.5376 + 0.7 = 2.4804 → grey;
    // EM = 3.25 + 2.4804 = 5.7304, at least 5.65 and below 5.85 → BBB−
    const result = computeAltmanZDoublePrime(makeHealthyStatement(), ruleSet);
    expect(result).toMatchObject({ status: "computed", zone: "grey", emRating: "BBB-" });
    expect(result.status === "computed" && result.value).toBeCloseTo(2.4804, 12);
    expect(result.status === "computed" && result.emScore).toBeCloseTo(5.7304, 12);
  });

  // WC 34, RE 372, EBIT 17, equity 500 per 1,000 of TA: Z″ = (6.56·34 + 3.26·372 + 6.72·17)/1000 + 1.05·1
  // = (223.04 + 1212.72 + 114.24)/1000 + 1.05 = 1.55 + 1.05 = 2.6 exactly (2.6000000000000005 in doubles),
  // so EM = 3.25 + 2.6 = 5.85 exactly → BBB. 1 euro of EBIT more or less moves Z″ by 6.72/1,000,000:
  // 2.60000672 → safe, EM 5.85000672 → BBB; 2.59999328 → grey, EM 5.84999328 → BBB−.
  it.each([
    [
      "exactly 2.60 → grey, EM 5.85 → BBB",
      { wc: 34, re: 372, ebit: 17, equity: 500, sales: 0 },
      "grey",
      "BBB",
    ],
    [
      "1 euro of EBIT more → safe, BBB",
      { wc: 34, re: 372, ebit: 17.001, equity: 500, sales: 0 },
      "safe",
      "BBB",
    ],
    [
      "1 euro of EBIT less → grey, BBB−",
      { wc: 34, re: 372, ebit: 16.999, equity: 500, sales: 0 },
      "grey",
      "BBB-",
    ],
    // RE 15 and equity 500 per 1,000: Z″ = 3.26·0.015 + 1.05·1 = 0.0489 + 1.05 = 1.0989 → distress;
    // EM = 3.25 + 1.0989 = 4.3489, at least 4.15 and below 4.50 → B
    ["below 1.10 → distress", { wc: 0, re: 15, ebit: 0, equity: 500, sales: 0 }, "distress", "B"],
  ])("puts a score %s", (_case, parts, zone, emRating) => {
    expect(computeAltmanZDoublePrime(makeRatioStatement(parts), ruleSet)).toMatchObject({
      status: "computed",
      zone,
      emRating,
    });
  });

  it.each([
    // equity 22, TL 21 (TA 43): Z″ = 1.05·22/21 = 1.1 exactly → grey; EM 4.35 → B
    ["exactly 1.10 → grey", 22, 21, 1.1, "grey"],
    // equity 21.999, TL 21: Z″ = 1.05·21.999/21 = 1.09995 → distress
    ["just below 1.10 → distress", 21.999, 21, 1.09995, "distress"],
  ])("puts a score %s", (_case, equity, liabilities, value, zone) => {
    const statement = makeStatement({
      totalAssets: thousands(equity + liabilities),
      equity: thousands(equity),
    });
    const result = computeAltmanZDoublePrime(statement, ruleSet);
    expect(result).toMatchObject({ status: "computed", zone });
    expect(result.status === "computed" && result.value).toBeCloseTo(value, 12);
  });

  it("is not computable without liabilities", () => {
    expect(
      computeAltmanZDoublePrime(makeHealthyStatement({ equity: euros(1_000_000) }), ruleSet),
    ).toMatchObject({
      status: "not_computable",
      reason: "zero_denominator: totalLiabilities",
    });
  });
});

describe(classifyAltmanZone, () => {
  it.each([
    ["Z", ruleSet.altmanZ, 1.8099, "distress"],
    ["Z", ruleSet.altmanZ, 1.81, "grey"],
    ["Z", ruleSet.altmanZ, 2.99, "grey"],
    ["Z", ruleSet.altmanZ, 2.9901, "safe"],
    ["Z′", ruleSet.altmanZPrime, 1.2299, "distress"],
    ["Z′", ruleSet.altmanZPrime, 1.23, "grey"],
    ["Z′", ruleSet.altmanZPrime, 2.9, "grey"],
    ["Z′", ruleSet.altmanZPrime, 2.9001, "safe"],
    ["Z″", ruleSet.altmanZDoublePrime, 1.0999, "distress"],
    ["Z″", ruleSet.altmanZDoublePrime, 1.1, "grey"],
    ["Z″", ruleSet.altmanZDoublePrime, 2.6, "grey"],
    ["Z″", ruleSet.altmanZDoublePrime, 2.6001, "safe"],
    ["Z″", ruleSet.altmanZDoublePrime, -3, "distress"],
  ])("puts %s = %s in the %s zone", (_model, rule, score, zone) => {
    expect(classifyAltmanZone(score, rule)).toBe(zone);
    expect(findAltmanZoneCode(score, rule)).toBe(toZoneCode(zone as AltmanZone));
  });
});

describe(rateEmScore, () => {
  const rule = ruleSet.altmanZDoublePrime;
  // [bound, rating at the bound, rating just below it]
  const table: [number, EmRating, EmRating][] = [
    [8.15, "AAA", "AA+"],
    [7.6, "AA+", "AA"],
    [7.3, "AA", "AA-"],
    [7.0, "AA-", "A+"],
    [6.85, "A+", "A"],
    [6.65, "A", "A-"],
    [6.4, "A-", "BBB+"],
    [6.25, "BBB+", "BBB"],
    [5.85, "BBB", "BBB-"],
    [5.65, "BBB-", "BB+"],
    [5.25, "BB+", "BB"],
    [4.95, "BB", "BB-"],
    [4.75, "BB-", "B+"],
    [4.5, "B+", "B"],
    [4.15, "B", "B-"],
    [3.75, "B-", "CCC+"],
    [3.2, "CCC+", "CCC"],
    [2.5, "CCC", "CCC-"],
    [1.75, "CCC-", "D"],
  ];
  it.each(table)("rates EM = %s as %s and EM just below it as %s", (bound, atBound, below) => {
    expect(rateEmScore(bound, rule)).toBe(atBound);
    expect(rateEmScore(bound - 1e-9, rule)).toBe(below);
  });

  it.each([
    [12, "AAA"],
    [0, "D"],
    [-4, "D"],
  ] as const)("rates EM = %s as %s", (emScore, rating) => {
    expect(rateEmScore(emScore, rule)).toBe(rating);
  });
});
