import { describe, expect, it } from "vitest";
import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import { computeCndcecIndices } from "./cndcec-indices.ts";
import {
  healthyManufacturingItems,
  makeCrisisCodeStatement,
  thousandEuroCents,
} from "./make-crisis-code-statement.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";

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
  it("counts an item the format has but the filing omits as 0", () => {
    // I5 = (0 + 100)/10000 = 1 %: taxDebts absent from an ordinary filing
    const { taxDebts: _ignored, ...items } = healthyItems;
    expect(compute(items, {}).I5).toMatchObject({ status: "computed", percent: 1, inputs: { taxDebts: 0 } });
  });

  it("names the items an abridged filing lacks", () => {
    const {
      nonMonetaryAdjustments: _cashFlow,
      taxDebts: _tax,
      socialSecurityDebts: _social,
      ...items
    } = healthyItems;
    const indices = compute(items, { format: "abridged" });
    expect(indices.I5).toMatchObject({
      status: "not_computable",
      cause: "missing_items",
      missing: ["taxDebts", "socialSecurityDebts"],
    });
    expect(indices.I3).toMatchObject({
      status: "not_computable",
      cause: "missing_items",
      missing: ["severanceIndemnityAccrual"],
    });
    // I1 = 200/10000 = 2 % is still computable
    expect(indices.I1).toMatchObject({ status: "computed", percent: 2 });
  });

  it("uses a cash-flow total an abridged filing does carry", () => {
    const { taxDebts: _tax, socialSecurityDebts: _social, ...items } = healthyItems;
    // I3 = (50 + 100)/10000 = 1.5 %
    expect(compute(items, { format: "abridged" }).I3).toMatchObject({ status: "computed", percent: 1.5 });
  });

  it.each([
    { index: "I1", items: { revenue: 0 }, denominator: "revenue" },
    {
      index: "I2",
      items: { debts: 0, accruedLiabilitiesAndDeferredIncome: 0 },
      denominator: "debts + accruedLiabilitiesAndDeferredIncome",
    },
    { index: "I3", items: { totalAssets: 0 }, denominator: "totalAssets" },
    {
      index: "I4",
      items: { debtsDueWithinOneYear: 0, accruedLiabilitiesAndDeferredIncome: 0 },
      denominator: "debtsDueWithinOneYear + accruedLiabilitiesAndDeferredIncome",
    },
    { index: "I5", items: { totalAssets: 0 }, denominator: "totalAssets" },
  ] as const)(
    "makes $index not computable, not 0 or infinite, with a zero denominator",
    ({ index, items, denominator }) => {
      const result = compute({ ...healthyItems, ...items }, {})[index];
      expect(result).toMatchObject({ status: "not_computable", cause: "zero_denominator", missing: [] });
      expect(result.status === "not_computable" && result.reason).toContain(denominator);
    },
  );
});
