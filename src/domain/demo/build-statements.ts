import {
  getLineItem,
  isItemInFormat,
  type LineItemId,
  type LineItemValues,
  lineItemIds,
  type StatementFormat,
} from "../statements/line-items.ts";
import type { CompanyEconomics } from "./company-economics.ts";
import type { DemoIndustryProfile } from "./industry-profiles.ts";
import { type Equity, openingPosition, sumOf } from "./opening-position.ts";
import type { Random } from "./prng.ts";
import type { YearDrivers } from "./trajectories.ts";

/** One year of a demo company: line items in integer cents (only the format's items) and the year's payout. */
export interface BuiltYear {
  year: number;
  headcount: number;
  items: LineItemValues;
  dividendsDistributedCents: number;
}

export interface BuildStatementsInput {
  economics: CompanyEconomics;
  profile: DemoIndustryProfile;
  drivers: readonly YearDrivers[];
  firstYear: number;
  format: StatementFormat;
}

const severanceAccrualShareOfPersonnelCosts = 0.052;
const rawMaterialsShareOfInventories = 0.4;
const wageGrowthPerYear = 0.02;

/**
 * Builds a company's yearly statements from its economics and drivers. Every amount is computed in whole euros
 * (as Italian statements are drawn up) and every total is the sum of its parts, so the balance sheet balances
 * exactly: cash absorbs a funding surplus, bank debt a shortfall. Equity rolls forward by result less dividends.
 */
export function buildStatements(random: Random, input: BuildStatementsInput): BuiltYear[] {
  const { economics, profile, drivers } = input;
  let carried = openingPosition(economics, profile);
  const years: BuiltYear[] = [];

  for (const [index, driver] of drivers.entries()) {
    const revenue = Math.round(carried.revenue * (1 + driver.revenueGrowth));
    // The unrounded headcount is carried, so a small firm's staff can shrink by a person over several years.
    const exactHeadcount =
      index === 0
        ? economics.firstYearHeadcount
        : carried.headcount * (1 + driver.headcountElasticity * driver.revenueGrowth);
    const headcount = Math.max(1, Math.round(exactHeadcount));
    const valueOfProduction = revenue + Math.round(revenue * economics.otherRevenueShare);
    const personnelCosts = Math.round(
      headcount *
        economics.personnelCostPerEmployeeEuros *
        (1 + wageGrowthPerYear) ** index *
        driver.personnelCostFactor,
    );
    const severanceIndemnityAccrual = profile.hasSeveranceIndemnity
      ? Math.round(personnelCosts * severanceAccrualShareOfPersonnelCosts)
      : 0;
    const useOfThirdPartyAssetsCosts = Math.round(revenue * economics.useOfThirdPartyAssetsShare);
    const sundryOperatingExpenses = Math.round(revenue * economics.sundryExpensesShare);
    const inventories = Math.round((revenue * economics.inventoryDays) / 365);
    const changeInRawMaterialsInventories = Math.round(
      (carried.inventories - inventories) * rawMaterialsShareOfInventories,
    );
    // Purchases are what is left once the target margin is set; a floor keeps them plausible when the
    // personnel costs of a shrinking firm eat the margin (the loss then shows, as it would).
    const purchases = Math.max(
      Math.round(revenue * 0.2),
      valueOfProduction -
        Math.round(valueOfProduction * driver.ebitdaMargin) -
        useOfThirdPartyAssetsCosts -
        personnelCosts -
        changeInRawMaterialsInventories -
        sundryOperatingExpenses,
    );
    const rawMaterialsCosts = Math.round(purchases * economics.rawMaterialsShareOfPurchases);
    const servicesCosts = purchases - rawMaterialsCosts;
    const depreciation = Math.round(carried.fixedAssets * economics.depreciationRate);
    const amortisationOfIntangibleAssets = Math.round(depreciation * economics.intangibleShareOfDepreciation);
    const depreciationOfTangibleAssets = depreciation - amortisationOfIntangibleAssets;
    const depreciationAndWriteDowns = depreciation + Math.round(revenue * driver.receivableWriteDownShare);
    const provisionsForRisksExpense = Math.round(revenue * driver.riskProvisionShare);
    const otherProvisionsExpense = Math.round(revenue * economics.otherProvisionsShare);
    const costsOfProduction =
      rawMaterialsCosts +
      servicesCosts +
      useOfThirdPartyAssetsCosts +
      personnelCosts +
      depreciationAndWriteDowns +
      changeInRawMaterialsInventories +
      provisionsForRisksExpense +
      otherProvisionsExpense +
      sundryOperatingExpenses;
    const operatingResult = valueOfProduction - costsOfProduction;

    // Interest on last year's debts avoids a circular dependency with this year's funding need.
    const interestAndOtherFinancialCharges = Math.round(
      carried.bankDebt * economics.bankInterestRate + carried.arrears * 0.04,
    );
    const financialIncome = Math.round(carried.cash * 0.003);
    const financialIncomeAndCharges = financialIncome - interestAndOtherFinancialCharges;
    const financialValueAdjustments =
      economics.hasFinancialWriteDowns && random.chance(0.3)
        ? -Math.round(revenue * random.between(0.001, 0.004))
        : 0;
    const resultBeforeTaxes = operatingResult + financialIncomeAndCharges + financialValueAdjustments;
    const incomeTaxes = Math.round(
      Math.max(0, resultBeforeTaxes) * profile.incomeTaxRate +
        Math.max(0, operatingResult) * profile.regionalTaxRate,
    );
    const netResult = resultBeforeTaxes - incomeTaxes;

    const { equity, dividends } = rollEquityForward(carried.equity, netResult, driver, economics);
    const equityTotal = sumOf(Object.values(equity));

    const fixedAssets = Math.max(
      0,
      carried.fixedAssets + Math.round(depreciation * driver.capitalExpenditureToDepreciation) - depreciation,
    );
    const receivables = Math.round((revenue * economics.receivableDays) / 365);
    const currentFinancialAssets = Math.round(revenue * economics.currentFinancialAssetsShare);
    const accruedIncomeAndPrepaidExpenses = Math.round(revenue * economics.accruedIncomeShare);
    const provisionsForRisksAndCharges = Math.max(
      0,
      carried.provisions +
        provisionsForRisksExpense +
        otherProvisionsExpense -
        Math.round(carried.provisions * 0.1),
    );
    const employeeSeveranceIndemnity = Math.round(
      headcount * economics.severanceIndemnityPerEmployeeEuros * 1.03 ** index,
    );
    const accruedLiabilitiesAndDeferredIncome = Math.round(revenue * economics.accruedLiabilitiesShare);
    const tradePayables = Math.round(
      ((rawMaterialsCosts + servicesCosts) * (economics.payableDays + driver.extraPayableDays)) / 365,
    );
    const taxArrears = Math.round(revenue * driver.taxArrearsShare);
    const socialSecurityArrears = Math.round(revenue * driver.socialSecurityArrearsShare);
    const taxDebts = Math.round(revenue * 0.012) + taxArrears;
    const socialSecurityDebts = Math.round(personnelCosts * 0.03) + socialSecurityArrears;
    const otherDebts = Math.round(personnelCosts * 0.06);

    const nonCashAssets =
      economics.subscribedCapitalUnpaidEuros +
      fixedAssets +
      inventories +
      receivables +
      currentFinancialAssets +
      accruedIncomeAndPrepaidExpenses;
    const operatingDebts = tradePayables + taxDebts + socialSecurityDebts + otherDebts;
    const fundingOtherThanBanks =
      equityTotal +
      provisionsForRisksAndCharges +
      employeeSeveranceIndemnity +
      operatingDebts +
      accruedLiabilitiesAndDeferredIncome;
    const minimumCash = Math.round(revenue * economics.minimumCashShare);
    const fundingGap = nonCashAssets + minimumCash - fundingOtherThanBanks;
    const bankDebt = Math.max(0, fundingGap);
    const cashAndEquivalents = minimumCash + Math.max(0, -fundingGap);

    const euros: Record<LineItemId, number> = {
      subscribedCapitalUnpaid: economics.subscribedCapitalUnpaidEuros,
      fixedAssets,
      inventories,
      receivables,
      receivablesDueWithinOneYear: Math.round(receivables * economics.receivablesWithinOneYearShare),
      currentFinancialAssets,
      cashAndEquivalents,
      accruedIncomeAndPrepaidExpenses,
      totalAssets: nonCashAssets + cashAndEquivalents,
      equity: equityTotal,
      ...equity,
      provisionsForRisksAndCharges,
      employeeSeveranceIndemnity,
      debts: operatingDebts + bankDebt,
      debtsDueWithinOneYear: operatingDebts + Math.round(bankDebt * economics.shortTermBankDebtShare),
      taxDebts,
      socialSecurityDebts,
      accruedLiabilitiesAndDeferredIncome,
      revenue,
      valueOfProduction,
      rawMaterialsCosts,
      servicesCosts,
      useOfThirdPartyAssetsCosts,
      personnelCosts,
      severanceIndemnityAccrual,
      depreciationAndWriteDowns,
      amortisationOfIntangibleAssets,
      depreciationOfTangibleAssets,
      changeInRawMaterialsInventories,
      provisionsForRisksExpense,
      otherProvisionsExpense,
      sundryOperatingExpenses,
      costsOfProduction,
      operatingResult,
      financialIncomeAndCharges,
      interestAndOtherFinancialCharges,
      financialValueAdjustments,
      resultBeforeTaxes,
      incomeTaxes,
      netResult,
      nonMonetaryAdjustments:
        depreciationAndWriteDowns +
        provisionsForRisksExpense +
        otherProvisionsExpense +
        severanceIndemnityAccrual -
        financialValueAdjustments,
      averageEmployees: headcount,
    };

    years.push({
      year: input.firstYear + index,
      headcount,
      items: toFormatValues(euros, input.format),
      dividendsDistributedCents: dividends * 100,
    });
    carried = {
      revenue,
      headcount: exactHeadcount,
      fixedAssets,
      inventories,
      provisions: provisionsForRisksAndCharges,
      bankDebt,
      arrears: taxArrears + socialSecurityArrears,
      cash: cashAndEquivalents,
      equity,
    };
  }
  return years;
}

/** Allocates last year's result (c.c. 2430: 5 % to the legal reserve up to a fifth of capital) and books this year's. */
function rollEquityForward(
  previous: Equity,
  netResult: number,
  driver: YearDrivers,
  economics: CompanyEconomics,
): { equity: Equity; dividends: number } {
  const equity = { ...previous, resultOfTheYear: netResult };
  const previousResult = previous.resultOfTheYear;
  if (previousResult <= 0) {
    equity.retainedEarnings += previousResult;
    return { equity, dividends: 0 };
  }
  const toLegalReserve = Math.min(
    Math.round(previousResult * 0.05),
    Math.max(0, Math.round(previous.shareCapital / 5) - previous.legalReserve),
  );
  let remaining = previousResult - toLegalReserve;
  equity.legalReserve += toLegalReserve;
  const lossesCovered = Math.min(remaining, Math.max(0, -previous.retainedEarnings));
  equity.retainedEarnings += lossesCovered;
  remaining -= lossesCovered;
  const canPay = driver.isDividendAllowed && equity.retainedEarnings >= 0;
  const dividends = canPay ? Math.floor(remaining * economics.dividendPayoutRatio) : 0;
  remaining -= dividends;
  const toStatutoryReserves = Math.round(remaining * economics.statutoryReserveShare);
  equity.statutoryReserves += toStatutoryReserves;
  equity.otherReserves += remaining - toStatutoryReserves;
  return { equity, dividends };
}

function toFormatValues(euros: Record<LineItemId, number>, format: StatementFormat): LineItemValues {
  const values: LineItemValues = {};
  for (const itemId of lineItemIds) {
    if (!isItemInFormat(itemId, format)) continue;
    const value = getLineItem(itemId).unit === "persons" ? euros[itemId] : euros[itemId] * 100;
    // Math.round turns small negative amounts into -0, which is not an amount anyone writes.
    values[itemId] = value === 0 ? 0 : value;
  }
  return values;
}
