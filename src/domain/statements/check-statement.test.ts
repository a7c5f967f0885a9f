import { describe, expect, it } from "vitest";
import { balanceToleranceCents, checkStatement } from "./check-statement.ts";
import type { LineItemValues } from "./line-items.ts";

/** A balanced abridged statement: 1,000,000 euros of assets. */
function makeStatementValues(overrides: LineItemValues = {}): LineItemValues {
  return {
    totalAssets: 100_000_000,
    equity: 30_000_000,
    provisionsForRisksAndCharges: 2_000_000,
    employeeSeveranceIndemnity: 5_000_000,
    debts: 60_000_000,
    debtsDueWithinOneYear: 45_000_000,
    accruedLiabilitiesAndDeferredIncome: 3_000_000,
    receivables: 40_000_000,
    receivablesDueWithinOneYear: 38_000_000,
    revenue: 150_000_000,
    valueOfProduction: 152_000_000,
    costsOfProduction: 145_000_000,
    operatingResult: 7_000_000,
    resultBeforeTaxes: 5_000_000,
    netResult: 3_500_000,
    ...overrides,
  };
}

describe(checkStatement, () => {
  it("finds nothing in a complete balanced statement", () => {
    expect(checkStatement(makeStatementValues(), "abridged")).toEqual([]);
  });

  it.each([
    ["exactly balanced", 0, false],
    ["one euro over", balanceToleranceCents, false],
    ["one euro under", -balanceToleranceCents, false],
    ["one euro and a cent over", balanceToleranceCents + 1, true],
    ["a forgotten item of 2,000 euros", 200_000, true],
  ])("flags an unbalanced balance sheet: %s → %s", (_case, difference, isFlagged) => {
    const findings = checkStatement(
      makeStatementValues({ totalAssets: 100_000_000 + difference }),
      "abridged",
    );
    const unbalanced = findings.filter((finding) => finding.code === "balance_sheet_unbalanced");
    expect(unbalanced).toHaveLength(isFlagged ? 1 : 0);
    if (isFlagged) {
      expect(unbalanced[0]).toMatchObject({
        totalAssetsCents: 100_000_000 + difference,
        liabilitiesAndEquityCents: 100_000_000,
        differenceCents: difference,
      });
    }
  });

  it("counts absent liability items as zero when balancing", () => {
    const values = makeStatementValues({ totalAssets: 95_000_000 });
    delete values.employeeSeveranceIndemnity;
    expect(checkStatement(values, "abridged")).toEqual([]);
  });

  it("balances negative equity like any other", () => {
    const values = makeStatementValues({ equity: -10_000_000, debts: 100_000_000 });
    expect(checkStatement(values, "abridged").map((finding) => finding.code)).toEqual([]);
  });

  it.each([
    ["totalAssets", "abridged"],
    ["equity", "micro"],
    ["netResult", "ordinary"],
    ["revenue", "consolidated"],
  ] as const)("reports key item %s missing from a %s statement", (itemId, format) => {
    const values = makeStatementValues();
    delete values[itemId];
    expect(checkStatement(values, format)).toContainEqual({
      code: "key_item_missing",
      severity: "warning",
      itemId,
    });
  });

  it("does not balance a statement without total assets, and says it is missing", () => {
    const values = makeStatementValues();
    delete values.totalAssets;
    expect(checkStatement(values, "abridged")).toEqual([
      { code: "key_item_missing", severity: "warning", itemId: "totalAssets" },
    ]);
  });

  it.each([
    ["debtsDueWithinOneYear", "debts", 60_000_000, true],
    ["debtsDueWithinOneYear", "debts", 0, false],
    ["receivablesDueWithinOneYear", "receivables", 40_000_000, true],
    ["receivablesDueWithinOneYear", "receivables", 0, false],
  ] as const)(
    "reports split %s missing only when %s (%i) is not zero",
    (splitId, totalId, total, isReported) => {
      const values = makeStatementValues({ [totalId]: total });
      delete values[splitId];
      if (totalId === "debts") values.totalAssets = 40_000_000 + total;
      const missing = checkStatement(values, "micro").filter(
        (finding) => finding.code === "key_item_missing",
      );
      expect(missing).toEqual(
        isReported ? [{ code: "key_item_missing", severity: "warning", itemId: splitId }] : [],
      );
    },
  );

  it.each([
    [
      "receivables due within one year above receivables",
      { receivablesDueWithinOneYear: 40_000_101 },
      "receivables",
    ],
    ["debts due within one year above debts", { debtsDueWithinOneYear: 60_000_101 }, "debts"],
    [
      "tax plus social-security debts above debts",
      { taxDebts: 40_000_000, socialSecurityDebts: 20_000_101 },
      "debts",
    ],
  ] as const)("flags %s", (_case, overrides, totalItemId) => {
    const findings = checkStatement(makeStatementValues(overrides), "ordinary");
    expect(findings.filter((finding) => finding.code === "part_exceeds_total")).toEqual([
      expect.objectContaining({ totalItemId, severity: "error" }),
    ]);
  });

  it("accepts tax plus social-security debts equal to all debts", () => {
    const values = makeStatementValues({ taxDebts: 40_000_000, socialSecurityDebts: 20_000_000 });
    expect(checkStatement(values, "ordinary")).toEqual([]);
  });

  it.each([
    ["taxDebts", "abridged"],
    ["socialSecurityDebts", "micro"],
    ["nonMonetaryAdjustments", "abridged"],
    ["averageEmployees", "micro"],
  ] as const)("warns about %s given in a %s statement, whose schema lacks it", (itemId, format) => {
    const findings = checkStatement(makeStatementValues({ [itemId]: 100 }), format);
    expect(findings).toContainEqual({ code: "item_not_in_format", severity: "warning", itemId });
  });

  it("rejects amounts that are not whole cents", () => {
    expect(checkStatement(makeStatementValues({ revenue: 150_000_000.5 }), "abridged")).toEqual([
      { code: "value_not_integer", severity: "error", itemId: "revenue", value: 150_000_000.5 },
    ]);
  });
});
