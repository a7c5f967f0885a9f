import type { AlertLevel } from "./alert-level.ts";

/** A company of a group (district, sector, year) with its alert level and the weights of the shares. */
export type CompanyInDistressCount = {
  level: AlertLevel;
  /** Average employees; undefined when not known (micro filings carry no headcount). */
  employees?: number | undefined;
  /** Revenue A.1 in euro cents; undefined when not known. */
  revenueCents?: number | undefined;
};

/** red ÷ assessable, with both sides; `share` is undefined when nothing assessable carries the weight. */
export type DistressShare = {
  share: number | undefined;
  inDistress: number;
  assessable: number;
  /** Assessable companies left out because their weight is unknown (or negative). */
  companiesWithoutWeight: number;
  /** Companies at red whose weight is in the numerator. */
  companiesInDistress: number;
  /** Assessable companies not at red whose weight is in the rest of the denominator. */
  companiesNotInDistress: number;
};

export type ShareInDistress = {
  byCount: DistressShare;
  byEmployees: DistressShare;
  byRevenue: DistressShare;
};

function computeShare(
  companies: readonly CompanyInDistressCount[],
  weightOf: (company: CompanyInDistressCount) => number | undefined,
): DistressShare {
  let inDistress = 0;
  let assessable = 0;
  let companiesWithoutWeight = 0;
  let companiesInDistress = 0;
  let companiesNotInDistress = 0;
  for (const company of companies) {
    if (company.level === "grey") continue;
    const weight = weightOf(company);
    if (weight === undefined || !Number.isFinite(weight) || weight < 0) {
      companiesWithoutWeight += 1;
      continue;
    }
    assessable += weight;
    if (company.level === "red") {
      inDistress += weight;
      companiesInDistress += 1;
    } else {
      companiesNotInDistress += 1;
    }
  }
  const share = assessable > 0 ? inDistress / assessable : undefined;
  return {
    share,
    inDistress,
    assessable,
    companiesWithoutWeight,
    companiesInDistress,
    companiesNotInDistress,
  };
}

/**
 * Share in distress of a group (early-warning.md §7): companies at red ÷ companies assessable (grey left
 * out), by count, weighted by employees and weighted by revenue.
 */
export function computeShareInDistress(companies: readonly CompanyInDistressCount[]): ShareInDistress {
  return {
    byCount: computeShare(companies, () => 1),
    byEmployees: computeShare(companies, (company) => company.employees),
    byRevenue: computeShare(companies, (company) => company.revenueCents),
  };
}
