import type { LineItemId } from "../statements/line-items.ts";
import { compareRatio } from "./compare-ratio.ts";
import type { ModelResult, SourcedValue, StatementInput } from "./model-result.ts";
import { createItemReader } from "./read-items.ts";
import { crisisCodeRuleSet2019, type RuleSet } from "./rule-sets/crisis-code-2019.ts";

/** The items of the practical recovery test (D.M. 21-03-2023), entered by a user, in cents. */
export type RecoveryTestInputs = {
  overdueDebtCents?: number;
  rescheduledOrSuspendedDebtCents?: number;
  creditLinesNotRenewedCents?: number;
  loanInstalmentsDueWithinTwoYearsCents?: number;
  plannedInvestmentsCents?: number;
  nonStrategicAssetDisposalProceedsCents?: number;
  plannedNewEquityAndShareholderLoansCents?: number;
  availableCashCents?: number;
  workforceReorganisationFundingCents?: number;
  /** Signed: a negative first-year margin adds its size to the debt; a positive one is not deducted. */
  firstYearGrossOperatingMarginCents?: number;
  normalisedEbitdaCents?: number;
  maintenanceCapitalExpenditureCents?: number;
  incomeTaxesCents?: number;
};

type RecoveryTestInputName = keyof RecoveryTestInputs;

/** The decree's bands, lowest ratio first; economic_imbalance when the yearly flow B ≤ 0. */
export type RecoveryTestBand =
  | "economic_imbalance"
  | "contained_difficulties"
  | "still_contained"
  | "depends_on_industrial_initiatives"
  | "margin_cannot_carry_debt";

export type RecoveryTest = ModelResult<number | undefined, RecoveryTestBand> & {
  decreeVersion: SourcedValue<string>;
};

// A, the debt to restructure (early-warning.md §3): the sign of each item in the sum.
const debtTerms: readonly { name: RecoveryTestInputName; sign: 1 | -1 }[] = [
  { name: "overdueDebtCents", sign: 1 },
  { name: "rescheduledOrSuspendedDebtCents", sign: 1 },
  { name: "creditLinesNotRenewedCents", sign: 1 },
  { name: "loanInstalmentsDueWithinTwoYearsCents", sign: 1 },
  { name: "plannedInvestmentsCents", sign: 1 },
  { name: "nonStrategicAssetDisposalProceedsCents", sign: -1 },
  { name: "plannedNewEquityAndShareholderLoansCents", sign: -1 },
  { name: "availableCashCents", sign: -1 },
  { name: "workforceReorganisationFundingCents", sign: 1 },
];

// B, the yearly flow at steady state.
const flowTerms: readonly { name: RecoveryTestInputName; sign: 1 | -1 }[] = [
  { name: "normalisedEbitdaCents", sign: 1 },
  { name: "maintenanceCapitalExpenditureCents", sign: -1 },
  { name: "incomeTaxesCents", sign: -1 },
];

/**
 * The practical recovery test of the Ministry of Justice decree 21-03-2023 (early-warning.md §3): ratio =
 * A debt to restructure ÷ B yearly flow at steady state; B ≤ 0 is an economic imbalance (no ratio); bands by
 * the rule set's cut-offs 1, 2, 5, a ratio equal to a cut-off in the lower band. A prognostic aid, not an alert.
 */
export function computeRecoveryTest(inputs: RecoveryTestInputs, ruleSet: RuleSet): RecoveryTest {
  const { decreeVersion, containedUpTo, stillContainedUpTo, dependsOnInitiativesUpTo } = ruleSet.recoveryTest;
  const base = { model: "recovery_test" as const, ruleSetVersion: ruleSet.version, decreeVersion };
  const used: Record<string, number> = {};
  const missing: string[] = [];
  const sum = (terms: readonly { name: RecoveryTestInputName; sign: 1 | -1 }[]) =>
    terms.reduce((total, term) => {
      const value = inputs[term.name];
      if (value === undefined) {
        missing.push(term.name);
        return total;
      }
      used[term.name] = value;
      return total + term.sign * value;
    }, 0);

  const margin = inputs.firstYearGrossOperatingMarginCents;
  if (margin === undefined) missing.push("firstYearGrossOperatingMarginCents");
  else used.firstYearGrossOperatingMarginCents = margin;
  const negativeMarginCents = margin !== undefined && margin < 0 ? -margin : 0;
  const debtToRestructureCents = sum(debtTerms) + negativeMarginCents;
  const yearlyFlowCents = sum(flowTerms);
  if (missing.length > 0) {
    const reason = `the recovery test needs ${missing.join(", ")}`;
    return { ...base, status: "not_computable", missing, reason };
  }

  const values = { ...used, debtToRestructureCents, yearlyFlowCents };
  if (yearlyFlowCents <= 0) {
    return { ...base, status: "computed", value: undefined, zone: "economic_imbalance", inputs: values };
  }
  const isAtMost = (cutOff: SourcedValue) =>
    compareRatio(debtToRestructureCents, yearlyFlowCents, cutOff.value) <= 0;
  let zone: RecoveryTestBand = "margin_cannot_carry_debt";
  if (isAtMost(containedUpTo)) zone = "contained_difficulties";
  else if (isAtMost(stillContainedUpTo)) zone = "still_contained";
  else if (isAtMost(dependsOnInitiativesUpTo)) zone = "depends_on_industrial_initiatives";
  const ratio = debtToRestructureCents / yearlyFlowCents;
  return { ...base, status: "computed", value: ratio, zone, inputs: values };
}

const ebitdaCostItems: readonly LineItemId[] = [
  "rawMaterialsCosts",
  "servicesCosts",
  "useOfThirdPartyAssetsCosts",
  "personnelCosts",
  "changeInRawMaterialsInventories",
  "sundryOperatingExpenses",
];

/**
 * EBITDA proxy from a filed statement, in cents: A value of production − (B.6 + B.7 + B.8 + B.9 + B.11 +
 * B.14), items as filed (early-warning.md §3). Not computable when the format lacks an item.
 */
export function computeEbitdaProxy(
  statement: StatementInput,
  ruleSet: RuleSet = crisisCodeRuleSet2019,
): ModelResult<number, "ebitda_proxy"> {
  const read = createItemReader(statement);
  const inputs: Record<string, number> = {};
  const missing: string[] = [];
  for (const item of ["valueOfProduction", ...ebitdaCostItems] as const) {
    const value = read(item);
    if (value === undefined) missing.push(item);
    else inputs[item] = value;
  }
  const base = { model: "recovery_test" as const, ruleSetVersion: ruleSet.version };
  if (missing.length > 0) {
    const reason = `the EBITDA proxy needs ${missing.join(", ")}, which the statement's format does not contain`;
    return { ...base, status: "not_computable", missing, reason };
  }
  const costs = ebitdaCostItems.reduce((total, item) => total + (inputs[item] ?? 0), 0);
  const value = (inputs.valueOfProduction ?? 0) - costs;
  return { ...base, status: "computed", value, zone: "ebitda_proxy", inputs };
}
