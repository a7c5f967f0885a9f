import { describe, expect, it } from "vitest";
import type { SourcedValue } from "../model-result.ts";
import type { LinearScoreRule } from "../scoring-rule-set.ts";
import { distressModels2025 as ruleSet } from "./distress-models-2025.ts";

/** Every SourcedValue in the rule set, with its path. */
function collectSourcedValues(node: unknown, path: string, found: [string, SourcedValue][] = []) {
  if (node && typeof node === "object") {
    if ("value" in node && "source" in node && "tag" in node) found.push([path, node as SourcedValue]);
    else
      for (const [key, child] of Object.entries(node)) collectSourcedValues(child, `${path}.${key}`, found);
  }
  return found;
}

const termsOf = (rule: LinearScoreRule) =>
  rule.terms.map((term) => `${term.coefficient.value}·${term.numerator}/${term.denominator}`);

describe("distressModels2025", () => {
  it("carries a version", () => {
    expect(ruleSet.version).toBe("distress-models-2025.1");
  });

  it("gives every value a source; Ohlson's are [R], the other models' [V] (§4 flags only Ohlson)", () => {
    const values = collectSourcedValues(ruleSet, "ruleSet");
    expect(values.length).toBeGreaterThan(60);
    for (const [path, sourced] of values) {
      expect(sourced.source, path).not.toBe("");
      expect(Number.isFinite(sourced.value), path).toBe(true);
      expect(sourced.tag, path).toBe(path.startsWith("ruleSet.ohlson") ? "R" : "V");
    }
    expect(ruleSet.zmijewski.intercept?.source).toMatch(/Zmijewski.*1984/);
    expect(ruleSet.springate.failingBelow.source).toMatch(/Springate.*1978/);
    expect(ruleSet.altmanZ.distressBelow.source).toMatch(/Altman.*1968/);
    expect(ruleSet.altmanZDoublePrime.emScoreConstant.source).toMatch(/1995/);
    expect(ruleSet.ohlson.distressProbabilityAbove.source).toMatch(/Ohlson.*1980/);
  });

  // Guards against a mistyped coefficient: each row restates early-warning.md §4.
  it.each([
    [
      "Z",
      ruleSet.altmanZ,
      [
        "1.2·workingCapital/totalAssets",
        "1.4·earnedReserves/totalAssets",
        "3.3·earningsBeforeInterestAndTaxes/totalAssets",
        "0.6·marketValueOfEquity/totalLiabilities",
        "1·sales/totalAssets",
      ],
    ],
    [
      "Z′",
      ruleSet.altmanZPrime,
      [
        "0.717·workingCapital/totalAssets",
        "0.847·earnedReserves/totalAssets",
        "3.107·earningsBeforeInterestAndTaxes/totalAssets",
        "0.42·bookValueOfEquity/totalLiabilities",
        "0.998·sales/totalAssets",
      ],
    ],
    [
      "Z″",
      ruleSet.altmanZDoublePrime,
      [
        "6.56·workingCapital/totalAssets",
        "3.26·earnedReserves/totalAssets",
        "6.72·earningsBeforeInterestAndTaxes/totalAssets",
        "1.05·bookValueOfEquity/totalLiabilities",
      ],
    ],
    [
      "Zmijewski",
      ruleSet.zmijewski,
      [
        "-4.513·netIncome/totalAssets",
        "5.679·totalLiabilities/totalAssets",
        "0.004·currentAssets/currentLiabilities",
      ],
    ],
    [
      "Springate",
      ruleSet.springate,
      [
        "1.03·workingCapital/totalAssets",
        "3.07·earningsBeforeInterestAndTaxes/totalAssets",
        "0.66·earningsBeforeTaxes/currentLiabilities",
        "0.4·sales/totalAssets",
      ],
    ],
  ])("writes %s as in §4", (_model, rule, terms) => {
    expect(termsOf(rule)).toEqual(terms);
  });

  it.each([
    ["Z", ruleSet.altmanZ, 1.81, 2.99],
    ["Z′", ruleSet.altmanZPrime, 1.23, 2.9],
    ["Z″", ruleSet.altmanZDoublePrime, 1.1, 2.6],
  ])("sets the %s cut-offs at %s and %s", (_model, rule, lower, upper) => {
    expect([rule.distressBelow.value, rule.safeAbove.value]).toEqual([lower, upper]);
  });

  it("sets the other cut-offs and constants of §4", () => {
    expect(ruleSet.zmijewski.intercept?.value).toBe(-4.336);
    expect(ruleSet.zmijewski.distressProbabilityAtLeast.value).toBe(0.5);
    expect(ruleSet.springate.failingBelow.value).toBe(0.862);
    expect(ruleSet.altmanZDoublePrime.emScoreConstant.value).toBe(3.25);
    const ohlson = ruleSet.ohlson;
    expect(
      [
        ohlson.intercept,
        ohlson.size,
        ohlson.totalLiabilitiesToTotalAssets,
        ohlson.workingCapitalToTotalAssets,
        ohlson.currentLiabilitiesToCurrentAssets,
        ohlson.liabilitiesExceedAssets,
        ohlson.netIncomeToTotalAssets,
        ohlson.fundsFromOperationsToTotalLiabilities,
        ohlson.netLossInBothYears,
        ohlson.netIncomeChange,
      ].map((coefficient) => coefficient.value),
    ).toEqual([-1.32, -0.407, 6.03, -1.43, 0.0757, -1.72, -2.37, -1.83, 0.285, -0.521]);
    expect([ohlson.distressProbabilityAbove.value, ohlson.defaultPriceLevelIndex.value]).toEqual([0.5, 1]);
  });

  it("lists the EM rating bounds best first, strictly decreasing, CCC− at 1.75", () => {
    const bounds = ruleSet.altmanZDoublePrime.emRatingLowerBounds.map((bound) => bound.lowerBound.value);
    expect(bounds).toEqual([...bounds].sort((left, right) => right - left));
    expect(new Set(bounds).size).toBe(bounds.length);
    expect(ruleSet.altmanZDoublePrime.emRatingLowerBounds.at(-1)).toMatchObject({
      rating: "CCC-",
      lowerBound: { value: 1.75 },
    });
  });

  it("holds the §7 thresholds", () => {
    const rules = ruleSet.alertLevel;
    expect({
      red: [rules.minimumDistressModelsForRed.value, rules.minimumBreachedIndicesForRed.value],
      orange: [rules.minimumDistressModelsForOrange.value, rules.minimumBreachedIndicesForOrange.value],
      equityFall: rules.equityFallShareAbove.value,
      green: rules.minimumComputableIndicesForGreen.value,
      notches: rules.deterioratingEmRatingNotches.value,
    }).toEqual({ red: [2, 1], orange: [1, 2], equityFall: 1 / 3, green: 3, notches: 2 });
  });
});
