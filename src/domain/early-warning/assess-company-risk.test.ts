import { describe, expect, it } from "vitest";
import { assessCompanyRisk, type RiskStatement } from "./assess-company-risk.ts";
import { findModelThresholds } from "./model-thresholds.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "./rule-sets/distress-models-2025.ts";
import { euros, healthyItems } from "./scoring-test-statements.ts";

const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };
const sectorGroup = { status: "mapped", group: 2 } as const;

function statementOf(year: number, overrides: Partial<typeof healthyItems> = {}): RiskStatement {
  return {
    statementId: `statement-${year}`,
    format: "ordinary",
    legalForm: "srl",
    periodStartOn: `${year}-01-01`,
    periodEndOn: `${year}-12-31`,
    items: { ...healthyItems, ...overrides },
  };
}

// A loss-making year: negative result and EBIT, equity down to 100,000 (from 400,000).
const distressed = {
  operatingResult: euros(-150_000),
  resultBeforeTaxes: euros(-200_000),
  netResult: euros(-300_000),
  resultOfTheYear: euros(-300_000),
  equity: euros(100_000),
  taxDebts: euros(120_000),
};

describe(assessCompanyRisk, () => {
  it("flags the first alert and a deterioration when a green year is followed by a worse one", () => {
    const years = assessCompanyRisk(
      {
        statements: [statementOf(2023), statementOf(2024, distressed)],
        atecoCode: "13.20.00",
        sectorGroup,
        marketDataByPeriod: {},
      },
      ruleSets,
    );
    expect(years.map((year) => year.fiscalYear)).toEqual([2023, 2024]);
    expect(years[0]?.level).toBe("green");
    expect(["red", "orange"]).toContain(years[1]?.level);
    expect(years[0]).toMatchObject({ isDeteriorating: false, isFirstAlert: false, changes: undefined });
    expect(years[1]).toMatchObject({ previousLevel: "green", isDeteriorating: true, isFirstAlert: true });
  });

  it("explains the change of each linear score and index since the previous year, adding up exactly", () => {
    const [, latest] = assessCompanyRisk(
      {
        statements: [statementOf(2023), statementOf(2024, distressed)],
        atecoCode: "13.20.00",
        sectorGroup,
        marketDataByPeriod: {},
      },
      ruleSets,
    );
    const changes = latest?.changes;
    expect(changes?.fromPeriodEndOn).toBe("2023-12-31");
    expect(changes?.scores.map((score) => [score.model, score.status])).toEqual([
      ["altman_z_prime", "explained"],
      ["altman_z_double_prime", "explained"],
      ["springate", "explained"],
      ["zmijewski", "explained"],
    ]);
    for (const score of changes?.scores ?? []) {
      if (score.status !== "explained") continue;
      const sum = score.terms.reduce((total, term) => total + term.change, 0);
      expect(sum).toBeCloseTo(score.scoreChange, 12);
    }
    const i5 = changes?.indices.find((index) => index.index === "I5");
    expect(i5?.status).toBe("explained");
    // Tax debts 0 → 120,000 on TA 1,000,000: +12 points.
    if (i5?.status === "explained") expect(i5.changePoints).toBeCloseTo(12, 12);
  });

  it("computes Altman Z only for the period with a market value of equity, and applies the DSCR to the screen", () => {
    const years = assessCompanyRisk(
      {
        statements: [statementOf(2023), statementOf(2024)],
        atecoCode: "13.20.00",
        sectorGroup,
        marketDataByPeriod: { "2024-12-31": { marketValueOfEquityCents: euros(900_000), dscr: 0.8 } },
      },
      ruleSets,
    );
    const altmanOf = (index: number) => years[index]?.results.find((result) => result.model === "altman_z");
    expect(altmanOf(0)?.status).toBe("not_computable");
    expect(altmanOf(1)?.status).toBe("computed");
    const screen = years[1]?.results.find((result) => result.model === "cndcec_screen");
    // DSCR 0.8 < the rule set's cut-off 1: crisis presumed by step 2.
    expect(screen?.zone).toBe("crisis_presumed");
    expect(years[1]?.level).toBe("red");
  });

  it("compares the level with the previous fiscal year only: across a gap no previous level, not deteriorating", () => {
    const years = assessCompanyRisk(
      {
        statements: [statementOf(2021), statementOf(2023, distressed), statementOf(2024, distressed)],
        atecoCode: "13.20.00",
        sectorGroup,
        marketDataByPeriod: {},
      },
      ruleSets,
    );
    expect(years[1]).toMatchObject({ fiscalYear: 2023, previousLevel: undefined, isDeteriorating: false });
    // Still the first alert: no red or orange in any earlier year on record.
    expect(years[1]?.isFirstAlert).toBe(true);
    expect(years[1]?.changes).toMatchObject({ fromPeriodEndOn: "2021-12-31", isPreviousFiscalYear: false });
    expect(years[2]).toMatchObject({ fiscalYear: 2024, previousLevel: years[1]?.level });
    expect(years[2]?.changes).toMatchObject({ fromPeriodEndOn: "2023-12-31", isPreviousFiscalYear: true });
  });

  it("does not compare years that are not consecutive for Ohlson, but still explains the change", () => {
    const years = assessCompanyRisk(
      {
        statements: [statementOf(2021), statementOf(2024)],
        atecoCode: undefined,
        sectorGroup: undefined,
        marketDataByPeriod: {},
      },
      ruleSets,
    );
    expect(years[1]?.results.find((result) => result.model === "ohlson")?.status).toBe("not_computable");
    expect(years[1]?.changes?.fromPeriodEndOn).toBe("2021-12-31");
  });
});

describe(findModelThresholds, () => {
  it.each([
    [
      "altman_z_prime",
      [
        ["distressBelow", 1.23],
        ["safeAbove", 2.9],
      ],
    ],
    [
      "altman_z_double_prime",
      [
        ["distressBelow", 1.1],
        ["safeAbove", 2.6],
      ],
    ],
    ["zmijewski", [["distressProbabilityAtLeast", 0.5]]],
    ["springate", [["failingBelow", 0.862]]],
    [
      "recovery_test",
      [
        ["containedUpTo", 1],
        ["stillContainedUpTo", 2],
        ["dependsOnInitiativesUpTo", 5],
      ],
    ],
    ["alert_level", []],
  ] as const)("reads the cut-offs of %s from the rule sets, with their source", (model, expected) => {
    const thresholds = findModelThresholds(model, ruleSets);
    expect(thresholds.map((threshold) => [threshold.name, threshold.value])).toEqual(expected);
    for (const threshold of thresholds) expect(threshold.source.length).toBeGreaterThan(10);
  });
});
