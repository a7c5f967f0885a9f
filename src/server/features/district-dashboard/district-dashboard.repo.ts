import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { DistressShareCompanyCounts } from "../../../domain/district-dashboard/compute-district-risk-aggregates.ts";
import type { DistrictCompanyPlacement } from "../../../domain/district-dashboard/is-district-in-scope.ts";
import { type Database, queryRows } from "../../db/client.ts";
import {
  companies,
  companyRiskYears,
  districtRiskAggregates,
  sectors,
  territories,
} from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "selectDistinct" | "delete" | "execute">;

/** One scored company-year of a company placed in a district, with its index values. */
export type DistrictCompanyYearRow = {
  districtCode: string;
  sectorCode: string | null;
  fiscalYear: number;
  ruleSetVersion: string;
  alertLevel: string;
  employees: number | null;
  revenueCents: number | null;
  i1: number | null;
  i2: number | null;
  i3: number | null;
  i4: number | null;
  i5: number | null;
  zDoublePrime: number | null;
};

/** Fiscal years in the risk projection for companies placed in a district. */
export async function findDistrictFiscalYears(db: Executor): Promise<number[]> {
  const rows = await queryRows<{ fiscal_year: number }>(
    db,
    sql`select distinct r.fiscal_year from company_risk_years r
        join companies c on c.id = r.company_id
        where c.district_code is not null order by r.fiscal_year`,
  );
  return rows.map((row) => Number(row.fiscal_year));
}

/** The fiscal years of the given companies' rows in the risk projection. */
export async function findRiskFiscalYearsOfCompanies(
  db: Executor,
  companyIds: readonly string[],
): Promise<number[]> {
  if (companyIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ fiscalYear: companyRiskYears.fiscalYear })
    .from(companyRiskYears)
    .where(inArray(companyRiskYears.companyId, [...companyIds]));
  return rows.map((row) => Number(row.fiscalYear));
}

/**
 * The distinct placements (country, NUTS 3 region) of the companies placed in a district, or in any
 * district when `districtCode` is undefined: what a user's scope must cover to see raw figures.
 */
export async function findDistrictCompanyPlacements(
  db: Executor,
  districtCode?: string,
): Promise<DistrictCompanyPlacement[]> {
  const rows = await db
    .selectDistinct({
      districtCode: companies.districtCode,
      countryCode: companies.countryCode,
      nuts3Code: companies.nuts3Code,
    })
    .from(companies)
    .where(
      districtCode === undefined
        ? sql`${companies.districtCode} is not null`
        : eq(companies.districtCode, districtCode),
    );
  return rows.map((row) => ({
    districtCode: row.districtCode ?? "",
    countryCode: row.countryCode,
    nuts3Code: row.nuts3Code,
  }));
}

const indexPercent = (index: string) =>
  sql.raw(`case when screen.details -> 'indices' -> '${index}' ->> 'status' = 'computed'
    then (screen.details -> 'indices' -> '${index}' ->> 'percent')::float8 end`);

/**
 * The risk projection of one fiscal year joined to the companies' district and ATECO division, with the
 * CNDCEC index percentages and Z″ stored for the same statement under the same rule sets.
 */
export async function findDistrictCompanyYears(
  db: Executor,
  fiscalYear: number,
): Promise<DistrictCompanyYearRow[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select c.district_code, nullif(left(regexp_replace(coalesce(c.ateco_code, ''), '[^0-9]', '', 'g'), 2), '') as sector_code,
          r.fiscal_year, r.rule_set_version, r.alert_level, r.employees, r.revenue_cents,
          ${indexPercent("I1")} as i1, ${indexPercent("I2")} as i2, ${indexPercent("I3")} as i3,
          ${indexPercent("I4")} as i4, ${indexPercent("I5")} as i5,
          case when zdp.status = 'computed' then zdp.value end as z_double_prime
        from company_risk_years r
        join companies c on c.id = r.company_id
        left join scores screen on screen.statement_id = r.statement_id and screen.model = 'cndcec_screen'
          and screen.rule_set_version = split_part(r.rule_set_version, '+', 1)
        left join scores zdp on zdp.statement_id = r.statement_id and zdp.model = 'altman_z_double_prime'
          and zdp.rule_set_version = split_part(r.rule_set_version, '+', 2)
        where c.district_code is not null and r.fiscal_year = ${fiscalYear}`,
  );
  const numberOrNull = (value: unknown) =>
    value === null || value === undefined || !Number.isFinite(Number(value)) ? null : Number(value);
  return rows.map((row) => ({
    districtCode: String(row.district_code),
    sectorCode: row.sector_code === null ? null : String(row.sector_code),
    fiscalYear: Number(row.fiscal_year),
    ruleSetVersion: String(row.rule_set_version),
    alertLevel: String(row.alert_level),
    employees: numberOrNull(row.employees),
    revenueCents: numberOrNull(row.revenue_cents),
    i1: numberOrNull(row.i1),
    i2: numberOrNull(row.i2),
    i3: numberOrNull(row.i3),
    i4: numberOrNull(row.i4),
    i5: numberOrNull(row.i5),
    zDoublePrime: numberOrNull(row.z_double_prime),
  }));
}

export type DistrictAggregateRecord = {
  districtCode: string;
  sectorCode: string;
  fiscalYear: number;
  ruleSetVersion: string;
  companyCount: number;
  redCount: number;
  orangeCount: number;
  greenCount: number;
  greyCount: number;
  distressShareByCount: number | null;
  distressShareByEmployees: number | null;
  distressShareByRevenue: number | null;
  /**
   * Companies behind the weighted shares, stored in the `medians` jsonb under
   * `distressShareCompanyCounts`; zero (so the shares are withheld in public) in rows built without it.
   */
  distressShareCompanyCounts: DistressShareCompanyCounts;
  revenueCents: number;
  employees: number;
  medians: Record<string, { median: number | null; companyCount: number }>;
  computedAt: Date;
};

/** The `medians` jsonb key holding the companies behind the weighted shares in distress. */
const shareCountsKey = "distressShareCompanyCounts";

/**
 * Replaces the aggregates of the given fiscal years (every aggregate when undefined) with the given
 * ones, the all-districts `*` rows of those years included (call inside a transaction).
 */
export async function replaceDistrictAggregates(
  db: Executor,
  records: readonly Omit<DistrictAggregateRecord, "computedAt">[],
  at: Date,
  fiscalYears?: readonly number[],
): Promise<void> {
  if (fiscalYears === undefined) await db.delete(districtRiskAggregates);
  else if (fiscalYears.length > 0)
    await db
      .delete(districtRiskAggregates)
      .where(inArray(districtRiskAggregates.fiscalYear, [...fiscalYears]));
  for (let start = 0; start < records.length; start += 500) {
    await db.insert(districtRiskAggregates).values(
      records.slice(start, start + 500).map(({ distressShareCompanyCounts, ...record }) => ({
        ...record,
        medians: { ...record.medians, [shareCountsKey]: distressShareCompanyCounts },
        computedAt: at,
      })),
    );
  }
}

export async function countDistrictAggregates(db: Executor): Promise<number> {
  const rows = await db.select({ total: count() }).from(districtRiskAggregates);
  return Number(rows[0]?.total ?? 0);
}

/** Whether some aggregate was built before the companies behind the weighted shares were kept. */
export async function hasOutdatedDistrictAggregates(db: Executor): Promise<boolean> {
  const rows = await db.select({ total: count() }).from(
    db
      .select({ districtCode: districtRiskAggregates.districtCode })
      .from(districtRiskAggregates)
      .where(sql`${districtRiskAggregates.medians} -> ${sql.raw(`'${shareCountsKey}'`)} is null`)
      .limit(1)
      .as("outdated"),
  );
  return Number(rows[0]?.total ?? 0) > 0;
}

export async function countRiskYears(db: Executor): Promise<number> {
  const rows = await db.select({ total: count() }).from(companyRiskYears);
  return Number(rows[0]?.total ?? 0);
}

const aggregateColumns = {
  districtCode: districtRiskAggregates.districtCode,
  sectorCode: districtRiskAggregates.sectorCode,
  fiscalYear: districtRiskAggregates.fiscalYear,
  ruleSetVersion: districtRiskAggregates.ruleSetVersion,
  companyCount: districtRiskAggregates.companyCount,
  redCount: districtRiskAggregates.redCount,
  orangeCount: districtRiskAggregates.orangeCount,
  greenCount: districtRiskAggregates.greenCount,
  greyCount: districtRiskAggregates.greyCount,
  distressShareByCount: districtRiskAggregates.distressShareByCount,
  distressShareByEmployees: districtRiskAggregates.distressShareByEmployees,
  distressShareByRevenue: districtRiskAggregates.distressShareByRevenue,
  revenueCents: districtRiskAggregates.revenueCents,
  employees: districtRiskAggregates.employees,
  medians: districtRiskAggregates.medians,
  computedAt: districtRiskAggregates.computedAt,
};

const countOf = (value: unknown): number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : 0;

function weightedCompaniesOf(value: unknown): DistressShareCompanyCounts["byEmployees"] {
  const companies = (value ?? {}) as Record<string, unknown>;
  return { inDistress: countOf(companies.inDistress), notInDistress: countOf(companies.notInDistress) };
}

function toRecord(
  row: { medians: unknown } & Omit<DistrictAggregateRecord, "medians" | "distressShareCompanyCounts">,
): DistrictAggregateRecord {
  const { [shareCountsKey]: shareCounts, ...medians } = (row.medians ?? {}) as Record<string, unknown>;
  const counts = (shareCounts ?? {}) as Record<string, unknown>;
  return {
    ...row,
    medians: medians as DistrictAggregateRecord["medians"],
    distressShareCompanyCounts: {
      byEmployees: weightedCompaniesOf(counts.byEmployees),
      byRevenue: weightedCompaniesOf(counts.byRevenue),
    },
  };
}

/** Aggregates of one district (or `*`), every sector and year, with the ATECO division's titles. */
export async function findDistrictAggregates(
  db: Executor,
  districtCode: string,
): Promise<(DistrictAggregateRecord & { sectorTitleIt: string | null; sectorTitleEn: string | null })[]> {
  const rows = await db
    .select({ ...aggregateColumns, sectorTitleIt: sectors.titleIt, sectorTitleEn: sectors.titleEn })
    .from(districtRiskAggregates)
    .leftJoin(
      sectors,
      and(eq(sectors.code, districtRiskAggregates.sectorCode), eq(sectors.level, "division")),
    )
    .where(eq(districtRiskAggregates.districtCode, districtCode))
    .orderBy(asc(districtRiskAggregates.fiscalYear), asc(districtRiskAggregates.sectorCode));
  return rows.map((row) => ({
    ...toRecord(row),
    sectorTitleIt: row.sectorTitleIt,
    sectorTitleEn: row.sectorTitleEn,
  }));
}

/** Every aggregate of one fiscal year (all districts, `*` included, all sectors). */
export async function findYearAggregates(
  db: Executor,
  fiscalYear: number,
): Promise<DistrictAggregateRecord[]> {
  const rows = await db
    .select(aggregateColumns)
    .from(districtRiskAggregates)
    .where(eq(districtRiskAggregates.fiscalYear, fiscalYear))
    .orderBy(asc(districtRiskAggregates.districtCode), asc(districtRiskAggregates.sectorCode));
  return rows.map(toRecord);
}

/**
 * The latest fiscal year with most statements in: companies file a year's statement over the
 * following year, so a year with fewer than half the companies of the best-covered year is still
 * coming in and the comparison uses the latest year before it.
 */
export async function findLatestAggregateYear(
  db: Executor,
): Promise<{ fiscalYear: number; computedAt: Date } | undefined> {
  const rows = await queryRows<{ fiscal_year: number | null; computed_at: string | null }>(
    db,
    sql`with totals as (
          select fiscal_year, company_count from ${districtRiskAggregates}
          where district_code = '*' and sector_code = '*'
        )
        select (select max(fiscal_year) from totals
                  where company_count * 2 >= (select max(company_count) from totals)) as fiscal_year,
               (select max(computed_at) from ${districtRiskAggregates}) as computed_at`,
  );
  const row = rows[0];
  if (!row || row.fiscal_year === null || row.computed_at === null) return undefined;
  return { fiscalYear: Number(row.fiscal_year), computedAt: new Date(row.computed_at) };
}

export type DistrictTerritoryRecord = {
  code: string;
  parentCode: string | null;
  countryCode: string;
  nameIt: string;
  nameEn: string;
  nameLocal: string;
  centroidLatitude: number | null;
  centroidLongitude: number | null;
};

const districtColumns = {
  code: territories.code,
  parentCode: territories.parentCode,
  countryCode: territories.countryCode,
  nameIt: territories.nameIt,
  nameEn: territories.nameEn,
  nameLocal: territories.nameLocal,
  centroidLatitude: territories.centroidLatitude,
  centroidLongitude: territories.centroidLongitude,
};

export async function findDistrictTerritories(db: Executor): Promise<DistrictTerritoryRecord[]> {
  return db
    .select(districtColumns)
    .from(territories)
    .where(eq(territories.kind, "district"))
    .orderBy(asc(territories.countryCode), asc(territories.code));
}

export async function findDistrictTerritory(
  db: Executor,
  code: string,
): Promise<DistrictTerritoryRecord | undefined> {
  const rows = await db
    .select(districtColumns)
    .from(territories)
    .where(and(eq(territories.kind, "district"), eq(territories.code, code)))
    .limit(1);
  return rows[0];
}
