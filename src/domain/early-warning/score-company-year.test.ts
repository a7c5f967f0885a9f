import { describe, expect, it } from "vitest";
import type { StatementInput } from "./model-result.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "./rule-sets/distress-models-2025.ts";
import { scoreCompanyYear } from "./score-company-year.ts";

const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };

// An abridged S.r.l. with equity eroded to a deficit: the screen's equity step presumes a crisis.
const deficit: StatementInput = {
  format: "abridged",
  legalForm: "srl",
  periodStartOn: "2024-01-01",
  periodEndOn: "2024-12-31",
  items: {
    totalAssets: 100_000_00,
    equity: -5_000_00,
    shareCapital: 10_000_00,
    debts: 105_000_00,
    debtsDueWithinOneYear: 90_000_00,
    receivablesDueWithinOneYear: 30_000_00,
    revenue: 80_000_00,
    valueOfProduction: 80_000_00,
    operatingResult: -10_000_00,
    resultBeforeTaxes: -12_000_00,
    netResult: -12_000_00,
  },
};

describe(scoreCompanyYear, () => {
  const results = scoreCompanyYear(
    {
      statement: deficit,
      previous: undefined,
      atecoCode: "13.20.00",
      sectorGroup: { status: "mapped", group: 2 },
    },
    ruleSets,
  );
  const byModel = new Map(results.map((result) => [result.model, result]));

  it("returns every model once, with the alert level last", () => {
    expect(results.map((result) => result.model)).toEqual([
      "cndcec_screen",
      "altman_z",
      "altman_z_prime",
      "altman_z_double_prime",
      "zmijewski",
      "springate",
      "ohlson",
      "alert_level",
    ]);
  });

  it("presumes a crisis from negative equity and puts the company at red", () => {
    expect(byModel.get("cndcec_screen")?.zone).toBe("crisis_presumed");
    expect(byModel.get("alert_level")).toMatchObject({
      zone: "red",
      details: { reasons: expect.arrayContaining(["cndcec_crisis_presumed"]) },
    });
  });

  it("leaves Altman Z without a market value and Ohlson without a previous year not computable, naming why", () => {
    expect(byModel.get("altman_z")).toMatchObject({ status: "not_computable", value: null });
    expect(byModel.get("ohlson")).toMatchObject({ status: "not_computable" });
    expect(JSON.stringify(byModel.get("ohlson")?.details)).toMatch(/previous/i);
  });

  it("stores Z″ with its EM rating", () => {
    // Z″ = 6.56·WC/TA + 3.26·RE/TA + 6.72·EBIT/TA + 1.05·BVE/TL: computable from the abridged items.
    expect(byModel.get("altman_z_double_prime")?.status).toBe("computed");
    expect(byModel.get("altman_z_double_prime")?.details).toHaveProperty("emRating");
  });
});
