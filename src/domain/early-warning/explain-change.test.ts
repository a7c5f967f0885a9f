import { describe, expect, it } from "vitest";
import { createRandom } from "../demo/prng.ts";
import { explainScoreChange, type LinearScoreResult } from "./explain-change.ts";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";
import { computeAltmanZ, computeAltmanZDoublePrime, computeAltmanZPrime } from "./scoring-altman.ts";
import { computeOhlson } from "./scoring-ohlson.ts";
import { computeSpringate } from "./scoring-springate.ts";
import { euros, healthyItems, makeHealthyStatement, makeStatement } from "./scoring-test-statements.ts";
import { computeZmijewski } from "./scoring-zmijewski.ts";

// The previous year of the healthy statement: no cash (CA 310,000, WC 50,000), no result in equity
// (RE 150,000), EBIT 60,000, equity 370,000 (TL 630,000), S 1,400,000, TA 1,000,000 as now.
const previous = makeHealthyStatement({
  cashAndEquivalents: 0,
  resultOfTheYear: 0,
  operatingResult: euros(60_000),
  equity: euros(370_000),
  revenue: euros(1_400_000),
});
const current = makeHealthyStatement();

const sumOfChanges = (terms: { change: number }[]) => terms.reduce((sum, term) => sum + term.change, 0);

describe(explainScoreChange, () => {
  it("splits the change of Z′ into its terms", () => {
    const explanation = explainScoreChange(
      computeAltmanZPrime(current, ruleSet),
      computeAltmanZPrime(previous, ruleSet),
      ruleSet,
    );
    if (explanation.status !== "explained") throw new Error(explanation.reason);
    expect(explanation.terms.map((term) => [term.numerator, term.denominator])).toEqual([
      ["workingCapital", "totalAssets"],
      ["earnedReserves", "totalAssets"],
      ["earningsBeforeInterestAndTaxes", "totalAssets"],
      ["bookValueOfEquity", "totalLiabilities"],
      ["sales", "totalAssets"],
    ]);
    const expectedChanges = [
      0.717 * (0.1 - 0.05), // WC/TA 0.05 → 0.10: 0.03585
      0.847 * (0.18 - 0.15), // RE/TA 0.15 → 0.18: 0.02541
      3.107 * (0.08 - 0.06), // EBIT/TA 0.06 → 0.08: 0.06214
      0.42 * (400 / 600 - 370 / 630), // BVE/TL 0.5873016 → 0.6666667: 0.0333333
      0.998 * (1.5 - 1.4), // S/TA 1.4 → 1.5: 0.0998
    ];
    explanation.terms.forEach((term, index) => {
      expect(term.change).toBeCloseTo(expectedChanges[index] ?? Number.NaN, 12);
    });
    // Σ = 0.03585 + 0.02541 + 0.06214 + 0.0333333 + 0.0998 = 0.2565333; Z′ from 1.9931867 to 2.24972.
    expect(explanation.scoreChange).toBeCloseTo(0.25653333333333334, 12);
    expect(Math.abs(sumOfChanges(explanation.terms) - explanation.scoreChange)).toBeLessThan(1e-15);
  });

  it("explains Zmijewski's X, not its probability", () => {
    const explanation = explainScoreChange(
      computeZmijewski(current, ruleSet),
      computeZmijewski(previous, ruleSet),
      ruleSet,
    );
    if (explanation.status !== "explained") throw new Error(explanation.reason);
    // X now −1.0584515385 (see scoring-zmijewski.test.ts)
    expect(explanation.currentScore).toBeCloseTo(-1.0584515384615387, 12);
    expect(explanation.terms.map((term) => term.coefficient)).toEqual([-4.513, 5.679, 0.004]);
  });

  const models = [
    ["Z", (statement: typeof current) => computeAltmanZ(statement, statement.items.equity, ruleSet)],
    ["Z′", (statement: typeof current) => computeAltmanZPrime(statement, ruleSet)],
    ["Z″", (statement: typeof current) => computeAltmanZDoublePrime(statement, ruleSet)],
    ["Zmijewski X", (statement: typeof current) => computeZmijewski(statement, ruleSet)],
    ["Springate", (statement: typeof current) => computeSpringate(statement, ruleSet)],
  ] as const;

  it.each(models)(
    "makes the terms of %s add up to the change of the score over 200 random pairs",
    (_name, score) => {
      const random = createRandom(20_250_101);
      const randomStatement = () =>
        makeStatement(
          Object.fromEntries(
            Object.entries(healthyItems).map(([id, value]) => [
              id,
              Math.round(value * random.between(-0.5, 2.5)),
            ]),
          ),
        );
      let explained = 0;
      for (let pair = 0; pair < 200; pair += 1) {
        const now = score(randomStatement()) as LinearScoreResult;
        const before = score(randomStatement()) as LinearScoreResult;
        const explanation = explainScoreChange(now, before, ruleSet);
        if (now.status !== "computed" || before.status !== "computed" || explanation.status !== "explained")
          continue;
        const scoreOf = (result: typeof now) => ("score" in result ? result.score : result.value);
        expect(explanation.scoreChange).toBe(scoreOf(now) - scoreOf(before));
        // Only floating-point rounding separates the two: a few units in the last place of the terms.
        const magnitude = explanation.terms.reduce((sum, term) => sum + Math.abs(term.change), 1);
        expect(Math.abs(sumOfChanges(explanation.terms) - explanation.scoreChange)).toBeLessThan(
          1e-14 * magnitude,
        );
        explained += 1;
      }
      expect(explained).toBeGreaterThan(150);
    },
  );

  it.each([
    [
      "a result is not computable",
      computeAltmanZPrime(makeHealthyStatement({ totalAssets: 0 }), ruleSet),
      computeAltmanZPrime(previous, ruleSet),
      "not_computed",
    ],
    [
      "the results are of different models",
      computeAltmanZPrime(current, ruleSet),
      computeSpringate(previous, ruleSet),
      "different_models",
    ],
    [
      "the rule set has changed",
      computeAltmanZPrime(current, { ...ruleSet, version: "other" }),
      computeAltmanZPrime(previous, ruleSet),
      "rule_set_version_mismatch",
    ],
    [
      "an input was not recorded",
      { ...(computeSpringate(current, ruleSet) as LinearScoreResult & { status: "computed" }), inputs: {} },
      computeSpringate(previous, ruleSet),
      "inputs_incomplete",
    ],
  ])("does not explain when %s", (_case, now, before, reason) => {
    expect(explainScoreChange(now, before, ruleSet)).toMatchObject({ status: "not_explainable", reason });
  });

  it("does not explain Ohlson, whose score is not linear", () => {
    const ohlson = computeOhlson(
      current,
      makeStatement({ ...healthyItems }, "ordinary", "2023-12-31"),
      ruleSet,
    );
    const explanation = explainScoreChange(
      ohlson as unknown as LinearScoreResult,
      ohlson as unknown as LinearScoreResult,
      ruleSet,
    );
    expect(explanation).toMatchObject({ status: "not_explainable", reason: "not_a_linear_score" });
  });
});
