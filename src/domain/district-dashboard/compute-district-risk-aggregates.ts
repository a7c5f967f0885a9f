import { computeMedian } from "../district-signals/robust-statistics.ts";
import type { AlertLevel } from "../early-warning/alert-level.ts";
import { computeShareInDistress } from "../early-warning/alert-level-share.ts";

/** Indices whose medians are kept: the five CNDCEC indices (percent) and Altman Z″. */
export const aggregatedIndexIds = ["I1", "I2", "I3", "I4", "I5", "altman_z_double_prime"] as const;
export type AggregatedIndexId = (typeof aggregatedIndexIds)[number];

/** Medians also kept for the weights, so their company counts are known for disclosure control. */
export type AggregatedMedianId = AggregatedIndexId | "revenue" | "employees";

/** The code that stands for "all districts" or "all sectors" in an aggregate's key. */
export const allCode = "*";

/** The sector of companies without an ATECO code, so that sector rows always add up to the total. */
export const unclassifiedSectorCode = "none";

/** One scored company-year of a district, as the aggregation needs it. */
export type DistrictCompanyYear = {
  districtCode: string;
  /** ATECO division (2 digits); undefined when the company has no sector (`unclassifiedSectorCode`). */
  sectorCode: string | undefined;
  fiscalYear: number;
  ruleSetVersion: string;
  level: AlertLevel;
  employees: number | undefined;
  revenueCents: number | undefined;
  /** Index id → value; absent when not computable. */
  indices: Partial<Record<AggregatedIndexId, number>>;
};

export type MedianFigure = { median: number | null; companyCount: number };

/** How many companies' weights are behind a weighted share: at red, and assessable but not at red. */
export type WeightedShareCompanies = { inDistress: number; notInDistress: number };

/** The companies behind the shares in distress weighted by employees and by revenue. */
export type DistressShareCompanyCounts = {
  byEmployees: WeightedShareCompanies;
  byRevenue: WeightedShareCompanies;
};

/** One cell of the dashboard: a district (or `*`) × sector (or `*`) × fiscal year. */
export type DistrictRiskAggregate = {
  districtCode: string;
  sectorCode: string;
  fiscalYear: number;
  /** Rule-set versions of the levels counted, comma-separated when they differ. */
  ruleSetVersion: string;
  companyCount: number;
  redCount: number;
  orangeCount: number;
  greenCount: number;
  greyCount: number;
  distressShareByCount: number | null;
  distressShareByEmployees: number | null;
  distressShareByRevenue: number | null;
  /** Companies behind the weighted shares, for disclosure control. */
  distressShareCompanyCounts: DistressShareCompanyCounts;
  revenueCents: number;
  employees: number;
  medians: Record<AggregatedMedianId, MedianFigure>;
};

const medianIds: readonly AggregatedMedianId[] = [...aggregatedIndexIds, "revenue", "employees"];

function keysOf(row: DistrictCompanyYear): string[] {
  const districts = [row.districtCode, allCode];
  const sectors = [row.sectorCode ?? unclassifiedSectorCode, allCode];
  return districts.flatMap((district) => sectors.map((sector) => `${district}\u0000${sector}`));
}

function isKnownWeight(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value) && value >= 0;
}

function medianOf(values: number[]): MedianFigure {
  return { median: values.length > 0 ? computeMedian(values) : null, companyCount: values.length };
}

function summarise(
  districtCode: string,
  sectorCode: string,
  fiscalYear: number,
  rows: readonly DistrictCompanyYear[],
): DistrictRiskAggregate {
  const counts = { red: 0, orange: 0, green: 0, grey: 0 };
  let revenueCents = 0;
  let employees = 0;
  const versions = new Set<string>();
  const values = Object.fromEntries(medianIds.map((id) => [id, [] as number[]])) as Record<
    AggregatedMedianId,
    number[]
  >;
  for (const row of rows) {
    counts[row.level] += 1;
    versions.add(row.ruleSetVersion);
    if (isKnownWeight(row.revenueCents)) {
      revenueCents += row.revenueCents;
      values.revenue.push(row.revenueCents);
    }
    if (isKnownWeight(row.employees)) {
      employees += row.employees;
      values.employees.push(row.employees);
    }
    for (const id of aggregatedIndexIds) {
      const value = row.indices[id];
      if (value !== undefined && Number.isFinite(value)) values[id].push(value);
    }
  }
  const share = computeShareInDistress(
    rows.map((row) => ({ level: row.level, employees: row.employees, revenueCents: row.revenueCents })),
  );
  return {
    districtCode,
    sectorCode,
    fiscalYear,
    ruleSetVersion: [...versions].sort().join(","),
    companyCount: rows.length,
    redCount: counts.red,
    orangeCount: counts.orange,
    greenCount: counts.green,
    greyCount: counts.grey,
    distressShareByCount: share.byCount.share ?? null,
    distressShareByEmployees: share.byEmployees.share ?? null,
    distressShareByRevenue: share.byRevenue.share ?? null,
    distressShareCompanyCounts: {
      byEmployees: {
        inDistress: share.byEmployees.companiesInDistress,
        notInDistress: share.byEmployees.companiesNotInDistress,
      },
      byRevenue: {
        inDistress: share.byRevenue.companiesInDistress,
        notInDistress: share.byRevenue.companiesNotInDistress,
      },
    },
    revenueCents,
    employees,
    medians: Object.fromEntries(medianIds.map((id) => [id, medianOf(values[id])])) as Record<
      AggregatedMedianId,
      MedianFigure
    >,
  };
}

/**
 * The dashboard cells of one fiscal year's company-years: each district × sector, each district over
 * all sectors (`*`), all districts (`*`) by sector and over all sectors. Counts per alert level, share
 * in distress by count, employees and revenue (early-warning.md §7), revenue and employees covered, and
 * medians of the key indices with the number of companies behind each.
 */
export function computeDistrictRiskAggregates(rows: readonly DistrictCompanyYear[]): DistrictRiskAggregate[] {
  const groups = new Map<string, { fiscalYear: number; rows: DistrictCompanyYear[] }[]>();
  for (const row of rows) {
    for (const key of keysOf(row)) {
      const byYear = groups.get(key) ?? [];
      let group = byYear.find((item) => item.fiscalYear === row.fiscalYear);
      if (!group) {
        group = { fiscalYear: row.fiscalYear, rows: [] };
        byYear.push(group);
      }
      group.rows.push(row);
      groups.set(key, byYear);
    }
  }
  const aggregates: DistrictRiskAggregate[] = [];
  for (const [key, byYear] of groups) {
    const [districtCode = "", sectorCode = ""] = key.split("\u0000");
    for (const group of byYear)
      aggregates.push(summarise(districtCode, sectorCode, group.fiscalYear, group.rows));
  }
  return aggregates.sort(
    (left, right) =>
      left.fiscalYear - right.fiscalYear ||
      left.districtCode.localeCompare(right.districtCode) ||
      left.sectorCode.localeCompare(right.sectorCode),
  );
}
