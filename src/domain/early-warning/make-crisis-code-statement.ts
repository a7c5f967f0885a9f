import type { LineItemValues, StatementFormat } from "../statements/line-items.ts";
import type { StatementInput } from "./model-result.ts";

// Test builder shared by the CNDCEC index and screen tests (house style: in-memory builders next to the tests).

/** Cents in €1,000: the test amounts are written in thousands of euro (ratios do not depend on the unit). */
export const thousandEuroCents = 100_000;

/**
 * A manufacturing company (CNDCEC group 2: I1 > 3.0, I2 < 7.6, I3 < 0.5, I4 < 93.7, I5 > 4.9) with no index
 * breached, in thousands of euro: I1 = 200/10000 = 2 %; I2 = 800/(9000+100) = 8.79 %; I3 = (50+100)/10000 =
 * 1.5 %; I4 = (3000+4000+0+1000+100)/(7000+100) = 114.08 %; I5 = (200+100)/10000 = 3 %.
 */
export const healthyManufacturingItems: LineItemValues = {
  totalAssets: 10_000,
  equity: 800,
  shareCapital: 100,
  debts: 9_000,
  accruedLiabilitiesAndDeferredIncome: 100,
  revenue: 10_000,
  interestAndOtherFinancialCharges: 200,
  netResult: 50,
  nonMonetaryAdjustments: 100,
  inventories: 3_000,
  receivablesDueWithinOneYear: 4_000,
  cashAndEquivalents: 1_000,
  accruedIncomeAndPrepaidExpenses: 100,
  debtsDueWithinOneYear: 7_000,
  taxDebts: 200,
  socialSecurityDebts: 100,
};

/** A statement whose items are given in thousands of euro (converted to cents). */
export function makeCrisisCodeStatement(
  items: LineItemValues,
  options: { format?: StatementFormat; legalForm?: string } = {},
): StatementInput {
  const inCents = Object.fromEntries(
    Object.entries(items).map(([id, value]) => [id, value * thousandEuroCents]),
  );
  return {
    format: options.format ?? "ordinary",
    legalForm: options.legalForm ?? "spa",
    periodStartOn: "2024-01-01",
    periodEndOn: "2024-12-31",
    items: inCents,
  };
}
