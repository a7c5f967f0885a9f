import { allocateByShares } from "./allocate-by-shares.ts";
import type { SizeClass } from "./company-economics.ts";
import type { Random } from "./prng.ts";

/** The story a demo company's statements tell over the years. */
export type DemoTrajectory = "stable" | "declining" | "recovering" | "shocked";

/**
 * Shares of each district's companies that slide into crisis or recover; the rest are stable (or shocked).
 * A severe decline ends, as a rule, with negative equity and tax and social-security arrears.
 */
export const demoTrajectoryShares = {
  declining: 0.12,
  recovering: 0.05,
  severeShareOfDeclining: 0.4,
} as const;

/**
 * The district shock of the demo: in the 4th year most Prato textile firms lose 15–30 % of revenue (a lost
 * season, a collapse in orders) and get part of it back the year after. Margins fall with the volumes and
 * wage support (cassa integrazione) trims personnel costs while headcounts barely move.
 */
export const demoShock = {
  districtId: "prato-tessile",
  yearIndex: 3,
  shareOfCompaniesHit: 0.88,
  revenueDrop: { minimum: 0.15, maximum: 0.3 },
  ebitdaMarginDrop: 0.04,
  /** Share of the lost revenue won back in the year after the shock. */
  reboundShareOfDrop: { minimum: 0.3, maximum: 0.6 },
  reboundEbitdaMarginDrop: 0.015,
  personnelCostFactor: 0.92,
} as const;

export interface CompanyShock {
  revenueDrop: number;
  reboundShareOfDrop: number;
}

/** What moves one company in one year; the statement builder turns it into line items. */
export interface YearDrivers {
  /** Revenue change against the previous year (0.05 = +5 %); 0 in the first year. */
  revenueGrowth: number;
  ebitdaMargin: number;
  /** How much of the revenue change the headcount follows (sticky jobs). */
  headcountElasticity: number;
  personnelCostFactor: number;
  /** Overdue tax and social-security debts as shares of revenue (arrears on top of the current ones). */
  taxArrearsShare: number;
  socialSecurityArrearsShare: number;
  /** Extra days suppliers wait: a firm short of cash pays them late. */
  extraPayableDays: number;
  /** Investment as a multiple of the year's depreciation. */
  capitalExpenditureToDepreciation: number;
  /** B.12 risk provisions and B.10 receivable write-downs, as shares of revenue. */
  riskProvisionShare: number;
  receivableWriteDownShare: number;
  isDividendAllowed: boolean;
}

export interface TrajectoryInput {
  trajectory: "stable" | "declining" | "recovering";
  /** A severe decline ends, as a rule, with negative equity; a mild one erodes it. */
  isSevereDecline: boolean;
  years: number;
  /** The company's normal EBITDA margin. */
  baseEbitdaMargin: number;
  /** The district's common revenue change per year (index 0 unused). */
  districtGrowth: readonly number[];
  shock: CompanyShock | undefined;
}

const marginFloor = -0.18;
// The first statement year is the declining firms' last normal one.
const firstDeclineYear = 1;
const marginCeiling = 0.22;

/**
 * The yearly drivers of one company: stable firms wobble around their margin; declining firms lose 7–15 %
 * of revenue and 2–6 margin points a year from their 2nd year, stop paying taxes and suppliers on time;
 * recovering firms have two bad years, then improve. A district shock hits on top of any trajectory.
 */
export function computeYearDrivers(random: Random, input: TrajectoryInput): YearDrivers[] {
  const declineRate = random.between(0.07, 0.15);
  const marginDropPerYear = input.isSevereDecline ? random.between(0.045, 0.06) : random.between(0.02, 0.03);
  const badYearMargin = random.between(-0.02, 0.015);
  const recoveryGrowth = random.between(0.03, 0.07);
  const drivers: YearDrivers[] = [];

  for (let year = 0; year < input.years; year += 1) {
    const firmNoise = Math.max(-0.12, Math.min(0.12, random.normal(0, 0.04)));
    const driver: YearDrivers = {
      revenueGrowth: year === 0 ? 0 : (input.districtGrowth[year] ?? 0) + firmNoise,
      ebitdaMargin: input.baseEbitdaMargin + random.normal(0, 0.008),
      headcountElasticity: 0.5,
      personnelCostFactor: 1,
      taxArrearsShare: 0,
      socialSecurityArrearsShare: 0,
      extraPayableDays: 0,
      capitalExpenditureToDepreciation: random.between(0.85, 1.25),
      riskProvisionShare: 0,
      receivableWriteDownShare: 0,
      isDividendAllowed: true,
    };

    if (input.trajectory === "declining" && year >= firstDeclineYear) {
      const yearsInDecline = year - firstDeclineYear + 1;
      // A firm in decline follows its own path more than the district's: half the noise.
      driver.revenueGrowth -= declineRate + firmNoise / 2;
      driver.ebitdaMargin =
        input.baseEbitdaMargin - marginDropPerYear * yearsInDecline + random.normal(0, 0.004);
      driver.headcountElasticity = 0.6;
      driver.taxArrearsShare = (input.isSevereDecline ? 0.018 : 0.006) * yearsInDecline;
      driver.socialSecurityArrearsShare = (input.isSevereDecline ? 0.012 : 0.004) * yearsInDecline;
      driver.extraPayableDays = (input.isSevereDecline ? 20 : 10) * yearsInDecline;
      driver.capitalExpenditureToDepreciation = random.between(0.2, 0.6);
      driver.riskProvisionShare = yearsInDecline >= 2 && random.chance(0.5) ? 0.004 : 0;
      driver.receivableWriteDownShare = yearsInDecline >= 2 ? 0.004 : 0;
      driver.isDividendAllowed = false;
    }

    if (input.trajectory === "recovering") {
      const isBadYear = year < 2;
      const yearsOfRecovery = year - 1;
      driver.revenueGrowth += isBadYear ? -0.04 : recoveryGrowth;
      driver.ebitdaMargin = isBadYear
        ? badYearMargin + random.normal(0, 0.005)
        : Math.min(input.baseEbitdaMargin, badYearMargin + 0.045 * yearsOfRecovery);
      driver.taxArrearsShare = isBadYear ? 0.012 : 0.012 * 0.4 ** yearsOfRecovery;
      driver.socialSecurityArrearsShare = isBadYear ? 0.008 : 0.008 * 0.4 ** yearsOfRecovery;
      driver.extraPayableDays = isBadYear ? 25 : 10;
      driver.capitalExpenditureToDepreciation = isBadYear ? random.between(0.3, 0.6) : random.between(1, 1.4);
      driver.isDividendAllowed = false;
    }

    if (input.shock && year === demoShock.yearIndex) {
      driver.revenueGrowth = (1 + driver.revenueGrowth) * (1 - input.shock.revenueDrop) - 1;
      driver.ebitdaMargin -= demoShock.ebitdaMarginDrop;
      driver.headcountElasticity = 0.2;
      driver.personnelCostFactor = demoShock.personnelCostFactor;
    }
    if (input.shock && year === demoShock.yearIndex + 1) {
      const { revenueDrop, reboundShareOfDrop } = input.shock;
      const reboundFactor = (1 - revenueDrop * (1 - reboundShareOfDrop)) / (1 - revenueDrop);
      driver.revenueGrowth = (1 + driver.revenueGrowth) * reboundFactor - 1;
      driver.ebitdaMargin -= demoShock.reboundEbitdaMarginDrop;
      driver.headcountElasticity = 0.2;
    }

    driver.ebitdaMargin = Math.max(marginFloor, Math.min(marginCeiling, driver.ebitdaMargin));
    drivers.push(driver);
  }
  return drivers;
}

/** The shock one company suffers, drawn within `demoShock`'s ranges. */
export function drawCompanyShock(random: Random): CompanyShock {
  return {
    revenueDrop: random.between(demoShock.revenueDrop.minimum, demoShock.revenueDrop.maximum),
    reboundShareOfDrop: random.between(
      demoShock.reboundShareOfDrop.minimum,
      demoShock.reboundShareOfDrop.maximum,
    ),
  };
}

/** A trajectory with the severity of a decline, as allocated to companies. */
export type CompanyPath = "stable" | "mild_decline" | "severe_decline" | "recovering";

const pathShares: Readonly<Record<CompanyPath, number>> = {
  severe_decline: demoTrajectoryShares.declining * demoTrajectoryShares.severeShareOfDeclining,
  mild_decline: demoTrajectoryShares.declining * (1 - demoTrajectoryShares.severeShareOfDeclining),
  recovering: demoTrajectoryShares.recovering,
  stable: 1 - demoTrajectoryShares.declining - demoTrajectoryShares.recovering,
};

// Paths are allocated separately among ordinary filers (medium and large firms) and the rest, so that the
// few full-schema statements, the only ones with D.12/D.13 and a cash-flow statement, tell every story too.
export function allocatePaths(random: Random, sizeClasses: readonly SizeClass[]): CompanyPath[] {
  const paths: CompanyPath[] = [];
  for (const isOrdinaryFiler of [true, false]) {
    const indexes = sizeClasses.flatMap((sizeClass, index) =>
      (sizeClass === "medium" || sizeClass === "large") === isOrdinaryFiler ? [index] : [],
    );
    const groupPaths = random.shuffle(allocateByShares(indexes.length, pathShares));
    for (const [position, index] of indexes.entries()) paths[index] = groupPaths[position] ?? "stable";
  }
  return paths;
}
