import { describe, expect, it } from "vitest";
import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import { computeCndcecIndices } from "./cndcec-indices.ts";
import {
  healthyManufacturingItems,
  makeCrisisCodeStatement,
  thousandEuroCents,
} from "./make-crisis-code-statement.ts";
import { type CndcecIndexId, crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";

const k = thousandEuroCents;
const healthyItems = healthyManufacturingItems;
const makeStatement = (items: LineItemValues, format?: StatementFormat) =>
  makeCrisisCodeStatement(items, { format });

function compute(
  items: LineItemValues,
  options: { format?: StatementFormat; dividends?: number; group?: number },
) {
  return computeCndcecIndices(
    makeStatement(items, options.format),
    { declaredDividendsCents: (options.dividends ?? 0) * k, sectorGroup: options.group ?? 2 },
    crisisCodeRuleSet2019,
  );
}

describe(computeCndcecIndices, () => {
  it.each<{
    case: string;
    index: CndcecIndexId;
    items: LineItemValues;
    dividends?: number;
    percent: number;
    isBreached: boolean;
  }>([
    // I1 = C.17 ÷ A.1, alert above 3.0
    {
      case: "I1 = 300/10000 = 3.0 %, equal to 3.0: not above",
      index: "I1",
      items: { interestAndOtherFinancialCharges: 300 },
      percent: 3,
      isBreached: false,
    },
    {
      case: "I1 = 301/10000 = 3.01 % > 3.0",
      index: "I1",
      items: { interestAndOtherFinancialCharges: 301 },
      percent: 3.01,
      isBreached: true,
    },
    // I2 = (equity − unpaid capital − dividends) ÷ (D + E), alert below 7.6
    {
      case: "I2 = 760/(9900+100) = 7.6 %, equal: not below",
      index: "I2",
      items: { equity: 760, debts: 9_900 },
      percent: 7.6,
      isBreached: false,
    },
    {
      case: "I2 = 759/10000 = 7.59 % < 7.6",
      index: "I2",
      items: { equity: 759, debts: 9_900 },
      percent: 7.59,
      isBreached: true,
    },
    {
      case: "I2 = (910 − 100 − 50)/10000 = 7.6 % with unpaid capital and dividends",
      index: "I2",
      items: { equity: 910, subscribedCapitalUnpaid: 100, debts: 9_900 },
      dividends: 50,
      percent: 7.6,
      isBreached: false,
    },
    {
      case: "I2 = (909 − 100 − 50)/10000 = 7.59 % < 7.6",
      index: "I2",
      items: { equity: 909, subscribedCapitalUnpaid: 100, debts: 9_900 },
      dividends: 50,
      percent: 7.59,
      isBreached: true,
    },
    {
      case: "I2 = −500/9100 = −5.49 % with negative equity",
      index: "I2",
      items: { equity: -500 },
      percent: (-500 / 9_100) * 100,
      isBreached: true,
    },
    // I3 = (NI + non-cash items) ÷ TA, alert below 0.5
    {
      case: "I3 = (20 + 30)/10000 = 0.5 % from the cash-flow statement, equal: not below",
      index: "I3",
      items: { netResult: 20, nonMonetaryAdjustments: 30 },
      percent: 0.5,
      isBreached: false,
    },
    {
      case: "I3 = (19 + 30)/10000 = 0.49 % < 0.5",
      index: "I3",
      items: { netResult: 19, nonMonetaryAdjustments: 30 },
      percent: 0.49,
      isBreached: true,
    },
    // I4 = (C.I + C.II within 1 y + C.III + C.IV + D) ÷ (D within 1 y + E), alert below 93.7
    {
      case: "I4 = (2000+3000+500+1896+100)/(7900+100) = 7496/8000 = 93.7 %, equal: not below",
      index: "I4",
      items: {
        inventories: 2_000,
        receivablesDueWithinOneYear: 3_000,
        currentFinancialAssets: 500,
        cashAndEquivalents: 1_896,
        debtsDueWithinOneYear: 7_900,
      },
      percent: 93.7,
      isBreached: false,
    },
    {
      case: "I4 = 7495/8000 = 93.6875 % < 93.7",
      index: "I4",
      items: {
        inventories: 2_000,
        receivablesDueWithinOneYear: 3_000,
        currentFinancialAssets: 500,
        cashAndEquivalents: 1_895,
        debtsDueWithinOneYear: 7_900,
      },
      percent: 93.6875,
      isBreached: true,
    },
    // I5 = (D.12 + D.13) ÷ TA, alert above 4.9
    {
      case: "I5 = (300+190)/10000 = 4.9 %, equal: not above",
      index: "I5",
      items: { taxDebts: 300, socialSecurityDebts: 190 },
      percent: 4.9,
      isBreached: false,
    },
    {
      case: "I5 = (300+191)/10000 = 4.91 % > 4.9",
      index: "I5",
      items: { taxDebts: 300, socialSecurityDebts: 191 },
      percent: 4.91,
      isBreached: true,
    },
  ])("computes $case", ({ index, items, dividends, percent, isBreached }) => {
    const result = compute({ ...healthyItems, ...items }, { dividends })[index];
    expect(result.status).toBe("computed");
    if (result.status !== "computed") return;
    expect(result.percent).toBeCloseTo(percent, 10);
    expect(result.ratio).toBeCloseTo(percent / 100, 12);
    expect(result.isBreached).toBe(isBreached);
  });

  it.each([
    // NI 10 + B.10 20 + B.12 5 + B.13 5 + B.9.c 15 − D 5 = 50 → 50/10000 = 0.5 %
    { case: "a net revaluation D = +5 is deducted", adjustments: 5, percent: 0.5 },
    // NI 10 + B.10 20 + B.12 5 + B.13 5 + B.9.c 15 − (−5) = 60 → 0.6 %
    { case: "a net write-down D = −5 is added back", adjustments: -5, percent: 0.6 },
  ])(
    "uses the income-statement items for I3 when there is no cash-flow statement: $case",
    ({ adjustments, percent }) => {
      const { nonMonetaryAdjustments: _ignored, ...withoutCashFlow } = healthyItems;
      const items = {
        ...withoutCashFlow,
        netResult: 10,
        depreciationAndWriteDowns: 20,
        provisionsForRisksExpense: 5,
        otherProvisionsExpense: 5,
        severanceIndemnityAccrual: 15,
        financialValueAdjustments: adjustments,
      };
      const indices = compute(items, {});
      expect(indices.cashFlowRule).toBe("income_statement");
      expect(indices.I3).toMatchObject({
        status: "computed",
        percent,
        inputs: { financialValueAdjustments: adjustments * k },
      });
    },
  );

  it("says it used the cash-flow statement's total when present", () => {
    expect(compute(healthyItems, {}).cashFlowRule).toBe("cash_flow_statement");
  });

  it("gives values without thresholds when the sector has no benchmark", () => {
    const indices = computeCndcecIndices(
      makeStatement(healthyItems),
      { declaredDividendsCents: 0, sectorGroup: undefined },
      crisisCodeRuleSet2019,
    );
    expect(indices.I1).toMatchObject({
      status: "computed",
      percent: 2,
      threshold: undefined,
      isBreached: undefined,
    });
  });

  it("uses the thresholds of the company's sector group", () => {
    // I1 = 200/10000 = 2 %: above 1.5 (group 7, retail) → breached; not above 3.0 (group 2) → not breached.
    expect(compute(healthyItems, { group: 7 }).I1).toMatchObject({
      isBreached: true,
      threshold: { percent: { value: 1.5 } },
    });
    expect(compute(healthyItems, { group: 2 }).I1).toMatchObject({
      isBreached: false,
      threshold: { percent: { value: 3 } },
    });
  });

  it("records the amounts it used, numerator and denominator", () => {
    // I2 numerator = 800 − 0 − 30 = 770; denominator = 9000 + 100 = 9100
    expect(compute(healthyItems, { dividends: 30 }).I2.inputs).toEqual({
      equity: 800 * k,
      subscribedCapitalUnpaid: 0,
      declaredDividends: 30 * k,
      debts: 9_000 * k,
      accruedLiabilitiesAndDeferredIncome: 100 * k,
      numerator: 770 * k,
      denominator: 9_100 * k,
    });
  });
});
