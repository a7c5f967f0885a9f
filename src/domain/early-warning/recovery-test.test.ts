import { describe, expect, it } from "vitest";
import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import type { StatementInput } from "./model-result.ts";
import { computeEbitdaProxy, computeRecoveryTest, type RecoveryTestInputs } from "./recovery-test.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";

// Amounts in thousands of euro, converted to cents.
const k = 100_000;

// A = 300 + 100 + 50 + 150 + 100 − 50 − 100 − 50 + 0 + 0 = 500; B = 700 − 100 − 100 = 500; ratio = 1.
const baseInputs = {
  overdueDebtCents: 300,
  rescheduledOrSuspendedDebtCents: 100,
  creditLinesNotRenewedCents: 50,
  loanInstalmentsDueWithinTwoYearsCents: 150,
  plannedInvestmentsCents: 100,
  nonStrategicAssetDisposalProceedsCents: 50,
  plannedNewEquityAndShareholderLoansCents: 100,
  availableCashCents: 50,
  workforceReorganisationFundingCents: 0,
  firstYearGrossOperatingMarginCents: 0,
  normalisedEbitdaCents: 700,
  maintenanceCapitalExpenditureCents: 100,
  incomeTaxesCents: 100,
} satisfies Required<RecoveryTestInputs>;

function compute(overrides: RecoveryTestInputs) {
  const inThousands = { ...baseInputs, ...overrides };
  const inCents = Object.fromEntries(
    Object.entries(inThousands).map(([name, value]) => [name, value === undefined ? undefined : value * k]),
  );
  return computeRecoveryTest(inCents, crisisCodeRuleSet2019);
}

describe(computeRecoveryTest, () => {
  it.each([
    {
      case: "A 500 / B 500 = 1, the cut-off, in the lower band",
      input: {},
      ratio: 1,
      band: "contained_difficulties",
    },
    // overdue 301 → A = 501; 501 / 500 = 1.002
    { case: "501 / 500 = 1.002", input: { overdueDebtCents: 301 }, ratio: 1.002, band: "still_contained" },
    // overdue 800 → A = 1000; 1000 / 500 = 2
    {
      case: "1000 / 500 = 2, the cut-off",
      input: { overdueDebtCents: 800 },
      ratio: 2,
      band: "still_contained",
    },
    {
      case: "1001 / 500 = 2.002",
      input: { overdueDebtCents: 801 },
      ratio: 2.002,
      band: "depends_on_industrial_initiatives",
    },
    // overdue 2300 → A = 2500; 2500 / 500 = 5
    {
      case: "2500 / 500 = 5, the cut-off",
      input: { overdueDebtCents: 2_300 },
      ratio: 5,
      band: "depends_on_industrial_initiatives",
    },
    {
      case: "2501 / 500 = 5.002",
      input: { overdueDebtCents: 2_301 },
      ratio: 5.002,
      band: "margin_cannot_carry_debt",
    },
    // A negative first-year margin adds its size: A = 500 + 200 = 700; 700 / 500 = 1.4
    {
      case: "a first-year margin of −200 adds 200",
      input: { firstYearGrossOperatingMarginCents: -200 },
      ratio: 1.4,
      band: "still_contained",
    },
    // A positive one is not deducted: A = 500; 500 / 500 = 1
    {
      case: "a first-year margin of +200 is not deducted",
      input: { firstYearGrossOperatingMarginCents: 200 },
      ratio: 1,
      band: "contained_difficulties",
    },
    // Cash 250 instead of 50: A = 500 − 200 = 300; 300 / 500 = 0.6
    {
      case: "available cash is deducted",
      input: { availableCashCents: 250 },
      ratio: 0.6,
      band: "contained_difficulties",
    },
    // Workforce funding 100: A = 600; 600 / 500 = 1.2
    {
      case: "workforce funding is added",
      input: { workforceReorganisationFundingCents: 100 },
      ratio: 1.2,
      band: "still_contained",
    },
    // Disposals 150 and new equity 200: A = 500 − 100 − 100 = 300; 0.6
    {
      case: "disposals and new equity are deducted",
      input: { nonStrategicAssetDisposalProceedsCents: 150, plannedNewEquityAndShareholderLoansCents: 200 },
      ratio: 0.6,
      band: "contained_difficulties",
    },
    // Cash 1050: A = 500 − 1000 = −500; −500 / 500 = −1 (no debt left to restructure)
    {
      case: "cash above the debt gives a negative ratio",
      input: { availableCashCents: 1_050 },
      ratio: -1,
      band: "contained_difficulties",
    },
  ])("bands $case", ({ input, ratio, band }) => {
    const result = compute(input);
    expect(result).toMatchObject({ status: "computed", zone: band });
    expect(result.status === "computed" && result.value).toBeCloseTo(ratio, 12);
  });

  it.each([
    // B = 200 − 100 − 100 = 0
    { case: "B = 0", input: { normalisedEbitdaCents: 200 }, flow: 0 },
    // B = 100 − 100 − 100 = −100
    { case: "B = −100", input: { normalisedEbitdaCents: 100 }, flow: -100 },
    // B = 700 − 400 − 300 = 0 through capex and taxes
    {
      case: "B = 0 after capex and taxes",
      input: { maintenanceCapitalExpenditureCents: 400, incomeTaxesCents: 300 },
      flow: 0,
    },
  ])("finds an economic imbalance with no ratio when $case", ({ input, flow }) => {
    const result = compute(input);
    expect(result).toMatchObject({ status: "computed", zone: "economic_imbalance", value: undefined });
    expect(result.status === "computed" && result.inputs.yearlyFlowCents).toBe(flow * k);
  });

  it.each([
    { input: { normalisedEbitdaCents: undefined }, missing: ["normalisedEbitdaCents"] },
    {
      input: { firstYearGrossOperatingMarginCents: undefined },
      missing: ["firstYearGrossOperatingMarginCents"],
    },
    {
      input: { availableCashCents: undefined, incomeTaxesCents: undefined },
      missing: ["availableCashCents", "incomeTaxesCents"],
    },
  ])("is not computable without $missing", ({ input, missing }) => {
    expect(compute(input)).toMatchObject({ status: "not_computable", model: "recovery_test", missing });
  });

  it("records A, B, the inputs and the decree version", () => {
    expect(compute({})).toMatchObject({
      model: "recovery_test",
      ruleSetVersion: "crisis-code-2019.1",
      decreeVersion: { value: "D.M. Giustizia 21-03-2023" },
      inputs: { debtToRestructureCents: 500 * k, yearlyFlowCents: 500 * k, overdueDebtCents: 300 * k },
    });
  });
});

function makeStatement(items: LineItemValues, format: StatementFormat = "ordinary"): StatementInput {
  return { format, legalForm: "srl", periodStartOn: "2024-01-01", periodEndOn: "2024-12-31", items };
}

// VoP 10000; B.6 3000; B.7 2000; B.8 500; B.9 2500; B.11 −200 (inventories grew); B.14 300.
const incomeStatement: LineItemValues = {
  valueOfProduction: 10_000,
  rawMaterialsCosts: 3_000,
  servicesCosts: 2_000,
  useOfThirdPartyAssetsCosts: 500,
  personnelCosts: 2_500,
  changeInRawMaterialsInventories: -200,
  sundryOperatingExpenses: 300,
};

describe(computeEbitdaProxy, () => {
  it.each([
    // 10000 − (3000 + 2000 + 500 + 2500 − 200 + 300) = 10000 − 8100 = 1900
    { case: "an ordinary statement", items: incomeStatement, format: "ordinary", value: 1_900 },
    { case: "a micro statement", items: incomeStatement, format: "micro", value: 1_900 },
    // B.14 absent but in the schema → 0: 10000 − 7800 = 2200
    {
      case: "an omitted B.14 counted as 0",
      items: { ...incomeStatement, sundryOperatingExpenses: undefined },
      format: "abridged",
      value: 2_200,
    },
  ] as const)(
    "computes value of production minus B.6–B.9, B.11, B.14 for $case",
    ({ items, format, value }) => {
      const present = Object.fromEntries(Object.entries(items).filter(([, amount]) => amount !== undefined));
      expect(computeEbitdaProxy(makeStatement(present, format))).toMatchObject({
        status: "computed",
        value,
        ruleSetVersion: "crisis-code-2019.1",
      });
    },
  );

  it("names the items a format without them lacks", () => {
    // Every current schema has these items; a format outside the catalogue stands for one that does not.
    const statement = makeStatement(incomeStatement, "foreign" as StatementFormat);
    expect(computeEbitdaProxy({ ...statement, items: {} })).toMatchObject({
      status: "not_computable",
      missing: [
        "valueOfProduction",
        "rawMaterialsCosts",
        "servicesCosts",
        "useOfThirdPartyAssetsCosts",
        "personnelCosts",
        "changeInRawMaterialsInventories",
        "sundryOperatingExpenses",
      ],
    });
  });
});
