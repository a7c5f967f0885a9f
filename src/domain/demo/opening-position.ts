import type { CompanyEconomics } from "./company-economics.ts";
import type { DemoIndustryProfile } from "./industry-profiles.ts";

/** The equity items of c.c. 2424 Passivo A that the demo uses, in euros. */
export interface Equity {
  shareCapital: number;
  legalReserve: number;
  statutoryReserves: number;
  otherReserves: number;
  retainedEarnings: number;
  resultOfTheYear: number;
}

/** What one year hands to the next, in euros. */
export interface Carried {
  revenue: number;
  /** Unrounded: the filed average headcount is this, rounded. */
  headcount: number;
  fixedAssets: number;
  inventories: number;
  provisions: number;
  bankDebt: number;
  arrears: number;
  cash: number;
  equity: Equity;
}

// Rough cost shares of an opening year, only to size the opening trade payables and bank debt.
const openingPurchasesShareOfRevenue = 0.6;
const openingOtherDebtsShareOfPersonnelCosts = 0.09;
const openingTaxDebtsShareOfRevenue = 0.012;

/**
 * The position at the start of the first year: equity split into capital, reserves and last year's result;
 * bank debt and cash sized like the yearly balance sheet (bank debt covers what equity and suppliers do not),
 * so the first year's interest matches the debts of the following years.
 */
export function openingPosition(economics: CompanyEconomics, profile: DemoIndustryProfile): Carried {
  const revenue = economics.firstYearRevenueEuros;
  const headcount = economics.firstYearHeadcount;
  const capital = economics.shareCapitalEuros;
  const rest = economics.openingEquityEuros - capital - economics.openingResultEuros;
  const legalReserve = rest > 0 ? Math.min(Math.round(capital / 5), Math.round(rest * 0.3)) : 0;
  const statutoryReserves =
    rest > 0 ? Math.round((rest - legalReserve) * economics.statutoryReserveShare) : 0;

  const fixedAssets = Math.round(revenue * economics.fixedAssetsToRevenue);
  const inventories = Math.round((revenue * economics.inventoryDays) / 365);
  const provisions = Math.round(revenue * economics.openingProvisionsShare);
  const minimumCash = Math.round(revenue * economics.minimumCashShare);
  const personnelCosts = headcount * economics.personnelCostPerEmployeeEuros;
  const nonCashAssets =
    economics.subscribedCapitalUnpaidEuros +
    fixedAssets +
    inventories +
    (revenue * economics.receivableDays) / 365 +
    revenue * (economics.currentFinancialAssetsShare + economics.accruedIncomeShare);
  const otherFunding =
    economics.openingEquityEuros +
    provisions +
    (profile.hasSeveranceIndemnity ? headcount * economics.severanceIndemnityPerEmployeeEuros : 0) +
    (revenue * openingPurchasesShareOfRevenue * economics.payableDays) / 365 +
    revenue * (openingTaxDebtsShareOfRevenue + economics.accruedLiabilitiesShare) +
    personnelCosts * openingOtherDebtsShareOfPersonnelCosts;
  const fundingGap = Math.round(nonCashAssets + minimumCash - otherFunding);

  return {
    revenue,
    headcount,
    fixedAssets,
    inventories,
    provisions,
    bankDebt: Math.max(0, fundingGap),
    arrears: 0,
    cash: minimumCash + Math.max(0, -fundingGap),
    equity: {
      shareCapital: capital,
      legalReserve,
      statutoryReserves,
      otherReserves: rest > 0 ? rest - legalReserve - statutoryReserves : 0,
      retainedEarnings: Math.min(0, rest),
      resultOfTheYear: economics.openingResultEuros,
    },
  };
}

export function sumOf(amounts: readonly number[]): number {
  return amounts.reduce((sum, amount) => sum + amount, 0);
}
