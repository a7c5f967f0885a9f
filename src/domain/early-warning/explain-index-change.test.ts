import { describe, expect, it } from "vitest";
import { computeCndcecIndices } from "./cndcec-indices.ts";
import { explainIndexChange } from "./explain-index-change.ts";
import { crisisCodeRuleSet2019 as ruleSet } from "./rule-sets/crisis-code-2019.ts";
import { euros, makeHealthyStatement } from "./scoring-test-statements.ts";

const options = { declaredDividendsCents: 0, sectorGroup: 2 };
const indicesOf = (overrides: Parameters<typeof makeHealthyStatement>[0]) =>
  computeCndcecIndices(makeHealthyStatement(overrides), options, ruleSet);
const incomeStatementRule = { current: "income_statement", previous: "income_statement" } as const;

describe(explainIndexChange, () => {
  it.each([
    // I1 = financial charges ÷ revenue: 10,000 / 1,400,000 → 15,000 / 1,500,000 (0.714 % → 1 %).
    {
      index: "I1" as const,
      previous: { interestAndOtherFinancialCharges: euros(10_000), revenue: euros(1_400_000) },
      current: { interestAndOtherFinancialCharges: euros(15_000), revenue: euros(1_500_000) },
      // numerator: 100 × 5,000 / 1,500,000; denominator: −100 × 10,000 × 100,000 / (1,400,000 × 1,500,000).
      expected: [
        ["interestAndOtherFinancialCharges", "numerator", (100 * 5_000) / 1_500_000],
        ["revenue", "denominator", (-100 * 10_000 * 100_000) / (1_400_000 * 1_500_000)],
      ],
    },
    // I5 = (tax + social-security debts) ÷ TA: only the tax debts move, 20,000 → 50,000 on TA 1,000,000.
    {
      index: "I5" as const,
      previous: { taxDebts: euros(20_000), socialSecurityDebts: euros(5_000) },
      current: { taxDebts: euros(50_000), socialSecurityDebts: euros(5_000) },
      expected: [
        ["taxDebts", "numerator", 3],
        ["socialSecurityDebts", "numerator", 0],
        ["totalAssets", "denominator", 0],
      ],
    },
  ])(
    "splits the change of $index into its items, adding up to the change",
    ({ index, previous, current, expected }) => {
      const explanation = explainIndexChange(
        indicesOf(current)[index],
        indicesOf(previous)[index],
        incomeStatementRule,
      );
      if (explanation.status !== "explained") throw new Error("not explained");
      expect(explanation.items.map((item) => [item.item, item.side])).toEqual(
        expected.map(([item, side]) => [item, side]),
      );
      explanation.items.forEach((item, position) => {
        expect(item.contributionPoints).toBeCloseTo(expected[position]?.[2] as number, 12);
      });
      const sum = explanation.items.reduce((total, item) => total + item.contributionPoints, 0);
      expect(sum).toBeCloseTo(explanation.changePoints, 12);
      expect(explanation.numeratorEffectPoints + explanation.denominatorEffectPoints).toBeCloseTo(
        explanation.changePoints,
        12,
      );
    },
  );

  it("counts a subtracted item with its sign (I2: unpaid subscribed capital lowers equity)", () => {
    const explanation = explainIndexChange(
      indicesOf({ subscribedCapitalUnpaid: euros(40_000) }).I2,
      indicesOf({ subscribedCapitalUnpaid: 0 }).I2,
      incomeStatementRule,
    );
    if (explanation.status !== "explained") throw new Error("not explained");
    const unpaid = explanation.items.find((item) => item.item === "subscribedCapitalUnpaid");
    // I2 denominator = debts 500,000 + accrued 10,000: −40,000 / 510,000 = −7.843 points.
    expect(unpaid?.sign).toBe(-1);
    expect(unpaid?.contributionPoints).toBeCloseTo((-100 * 40_000) / 510_000, 12);
    expect(explanation.changePoints).toBeCloseTo((-100 * 40_000) / 510_000, 12);
  });

  it("keeps the sum exact when I3 switches from the income-statement rule to the cash-flow statement", () => {
    const previous = indicesOf({});
    const current = indicesOf({ nonMonetaryAdjustments: euros(70_000) });
    const explanation = explainIndexChange(current.I3, previous.I3, {
      current: current.cashFlowRule,
      previous: previous.cashFlowRule,
    });
    if (explanation.status !== "explained") throw new Error("not explained");
    expect(current.cashFlowRule).toBe("cash_flow_statement");
    const sum = explanation.items.reduce((total, item) => total + item.contributionPoints, 0);
    expect(sum).toBeCloseTo(explanation.changePoints, 12);
    expect(explanation.items.map((item) => item.item)).toContain("nonMonetaryAdjustments");
    expect(explanation.items.map((item) => item.item)).toContain("depreciationAndWriteDowns");
  });

  it("does not explain an index that is not computable in either year", () => {
    const computable = indicesOf({}).I1;
    const zeroRevenue = indicesOf({ revenue: 0 }).I1;
    expect(explainIndexChange(computable, zeroRevenue, incomeStatementRule)).toEqual({
      status: "not_explainable",
      index: "I1",
      reason: "not_computed",
    });
  });
});
