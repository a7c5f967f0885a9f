import type { LegalFormCode } from "../companies/normalise-legal-form.ts";
import type { DemoActivity, DemoIndustryProfile, Range } from "./industry-profiles.ts";
import type { Random } from "./prng.ts";

export type SizeClass = "micro" | "small" | "medium" | "large";

/** Target size mix of Italian district firms (Istat structural business statistics, rounded). */
export const demoSizeClassShares: Readonly<Record<SizeClass, number>> = {
  micro: 0.8,
  small: 0.16,
  medium: 0.035,
  large: 0.005,
};

// Upper bounds of revenue per class (2003/361/EC turnover ceilings), so the drawn size stays the real one.
const revenueCeilingEuros: Readonly<Record<SizeClass, number>> = {
  micro: 1_900_000,
  small: 9_500_000,
  medium: 48_000_000,
  large: Number.POSITIVE_INFINITY,
};

/** A company's fixed economic parameters: amounts in euros, shares of revenue, days of revenue or purchases. */
export interface CompanyEconomics {
  firstYearRevenueEuros: number;
  firstYearHeadcount: number;
  personnelCostPerEmployeeEuros: number;
  fixedAssetsToRevenue: number;
  depreciationRate: number;
  intangibleShareOfDepreciation: number;
  inventoryDays: number;
  receivableDays: number;
  receivablesWithinOneYearShare: number;
  payableDays: number;
  rawMaterialsShareOfPurchases: number;
  otherRevenueShare: number;
  useOfThirdPartyAssetsShare: number;
  sundryExpensesShare: number;
  otherProvisionsShare: number;
  minimumCashShare: number;
  currentFinancialAssetsShare: number;
  accruedIncomeShare: number;
  accruedLiabilitiesShare: number;
  openingProvisionsShare: number;
  severanceIndemnityPerEmployeeEuros: number;
  bankInterestRate: number;
  shortTermBankDebtShare: number;
  dividendPayoutRatio: number;
  statutoryReserveShare: number;
  hasFinancialWriteDowns: boolean;
  shareCapitalEuros: number;
  subscribedCapitalUnpaidEuros: number;
  openingEquityEuros: number;
  openingResultEuros: number;
}

export interface EconomicsInput {
  profile: DemoIndustryProfile;
  activity: DemoActivity;
  sizeClass: SizeClass;
  legalForm: LegalFormCode;
  country: string;
  trajectory: "stable" | "declining" | "recovering";
  isSevereDecline: boolean;
  baseEbitdaMargin: number;
}

/** Draws a company's headcount in its first year, from the size class (EU staff bands, skewed to the small end). */
export function drawFirstYearHeadcount(random: Random, sizeClass: SizeClass): number {
  const skewed = random.next() * random.next();
  switch (sizeClass) {
    case "micro":
      return random.pickWeighted([1, 2, 3, 4, 5, 6, 7, 8, 9].map((item) => ({ item, weight: 12 - item })));
    case "small":
      return 10 + Math.floor(skewed * 40);
    case "medium":
      return 50 + Math.floor(skewed * 200);
    case "large":
      return 250 + Math.floor(skewed * 500);
  }
}

/** Draws the company's economics within its industry profile, consistent with its size class. */
export function drawCompanyEconomics(random: Random, input: EconomicsInput): CompanyEconomics {
  const { profile, sizeClass } = input;
  const firstYearHeadcount = drawFirstYearHeadcount(random, sizeClass);
  const revenuePerEmployee =
    within(random, profile.revenuePerEmployeeEuros) * input.activity.revenuePerEmployeeFactor;
  const firstYearRevenueEuros = Math.round(
    Math.min(
      firstYearHeadcount * revenuePerEmployee,
      revenueCeilingEuros[sizeClass] * random.between(0.8, 1),
    ),
  );
  const shareCapitalEuros = drawShareCapital(random, input.legalForm, sizeClass, input.country);
  const isCapitalPartlyUnpaid = input.legalForm !== "srls" && random.chance(0.03);
  const equityToRevenue =
    input.trajectory === "recovering"
      ? random.between(0.15, 0.25)
      : input.trajectory === "declining"
        ? random.between(input.isSevereDecline ? 0.12 : 0.25, input.isSevereDecline ? 0.25 : 0.45)
        : random.between(0.12, 0.38);
  const openingResultShare =
    input.trajectory === "recovering"
      ? random.between(-0.05, -0.02)
      : Math.max(0.004, input.baseEbitdaMargin - 0.045);

  return {
    firstYearRevenueEuros,
    firstYearHeadcount,
    personnelCostPerEmployeeEuros: within(random, profile.personnelCostPerEmployeeEuros),
    fixedAssetsToRevenue: within(random, profile.fixedAssetsToRevenue),
    depreciationRate: random.between(0.07, 0.11),
    intangibleShareOfDepreciation: random.between(0.04, 0.2),
    inventoryDays: within(random, profile.inventoryDays),
    receivableDays: within(random, profile.receivableDays),
    receivablesWithinOneYearShare: random.between(0.93, 1),
    payableDays: within(random, profile.payableDays),
    rawMaterialsShareOfPurchases: within(random, profile.rawMaterialsShareOfPurchases),
    otherRevenueShare: random.between(0.003, 0.02),
    useOfThirdPartyAssetsShare: random.between(0.01, 0.04),
    sundryExpensesShare: random.between(0.004, 0.012),
    otherProvisionsShare: sizeClass !== "micro" && random.chance(0.15) ? random.between(0.0005, 0.002) : 0,
    minimumCashShare: random.between(0.03, 0.1),
    currentFinancialAssetsShare: random.chance(0.12) ? random.between(0.01, 0.05) : 0,
    accruedIncomeShare: random.between(0.002, 0.008),
    accruedLiabilitiesShare: random.between(0.002, 0.006),
    openingProvisionsShare: sizeClass === "micro" ? 0 : random.between(0, 0.015),
    severanceIndemnityPerEmployeeEuros: profile.hasSeveranceIndemnity ? random.between(4_000, 14_000) : 0,
    bankInterestRate: random.between(0.02, 0.045),
    shortTermBankDebtShare: random.between(0.4, 0.75),
    dividendPayoutRatio: random.chance(0.5) ? 0 : random.between(0.2, 0.6),
    statutoryReserveShare: random.chance(0.2) ? 0.1 : 0,
    hasFinancialWriteDowns: (sizeClass === "medium" || sizeClass === "large") && random.chance(0.3),
    shareCapitalEuros,
    subscribedCapitalUnpaidEuros: isCapitalPartlyUnpaid ? Math.round(shareCapitalEuros * 0.75) : 0,
    // Healthy and declining firms start with equity above their share capital; recovering ones may not.
    openingEquityEuros: Math.max(
      Math.round(firstYearRevenueEuros * equityToRevenue),
      input.trajectory === "recovering" ? 0 : Math.round(shareCapitalEuros * random.between(1.05, 1.6)),
    ),
    openingResultEuros: Math.round(firstYearRevenueEuros * openingResultShare),
  };
}

/** Draws the legal form: S.r.l. dominates small Italian firms, S.p.A. the larger ones; Lda/S.A. in Portugal. */
export function drawLegalForm(random: Random, country: string, sizeClass: SizeClass): LegalFormCode {
  if (country === "PT") {
    const shareOfSpa = { micro: 0.03, small: 0.1, medium: 0.5, large: 0.9 }[sizeClass];
    return random.chance(shareOfSpa) ? "spa" : "srl";
  }
  const weights: Record<SizeClass, { item: LegalFormCode; weight: number }[]> = {
    micro: [
      { item: "srl", weight: 78 },
      { item: "srls", weight: 14 },
      { item: "cooperative", weight: 2 },
      { item: "spa", weight: 6 },
    ],
    small: [
      { item: "srl", weight: 82 },
      { item: "spa", weight: 15 },
      { item: "cooperative", weight: 3 },
    ],
    medium: [
      { item: "spa", weight: 55 },
      { item: "srl", weight: 43 },
      { item: "sapa", weight: 2 },
    ],
    large: [
      { item: "spa", weight: 85 },
      { item: "sapa", weight: 5 },
      { item: "srl", weight: 10 },
    ],
  };
  return random.pickWeighted(weights[sizeClass]);
}

// Legal minima: S.p.A. and S.a.p.A. €50,000 (c.c. 2327); S.r.l.s. €1–9,999; Portuguese S.A. €50,000.
function drawShareCapital(
  random: Random,
  legalForm: LegalFormCode,
  sizeClass: SizeClass,
  country: string,
): number {
  const isLarger = sizeClass === "medium" || sizeClass === "large";
  if (legalForm === "srls") return random.pick([1_000, 2_000, 3_000, 5_000, 8_000]);
  if (legalForm === "cooperative") return random.pick([2_500, 5_000, 10_000, 25_000]);
  if (legalForm === "spa" || legalForm === "sapa") {
    if (sizeClass === "large") return random.pick([1_000_000, 2_000_000, 5_000_000]);
    return random.pick(isLarger ? [120_000, 500_000, 1_000_000] : [50_000, 100_000, 120_000]);
  }
  if (country === "PT")
    return random.pick(isLarger ? [50_000, 100_000, 250_000] : [5_000, 5_000, 10_000, 25_000]);
  if (isLarger) return random.pick([100_000, 200_000, 500_000, 1_000_000]);
  return random.pick(
    sizeClass === "small"
      ? [10_000, 20_000, 50_000, 100_000]
      : [10_000, 10_000, 10_000, 15_000, 20_000, 50_000],
  );
}

function within(random: Random, range: Range): number {
  return random.between(range.minimum, range.maximum);
}
