import { and, eq, inArray, notInArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.ts";
import { companies, companyRiskYears, financialStatements, scores } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "delete" | "selectDistinct" | "execute">;

/** What scoring stored for one current statement, with the statement's revenue and headcount. */
export type StoredRiskYear = {
  companyId: string;
  statementId: string;
  periodEndOn: string;
  ruleSetVersion: string;
  level: string;
  distressModels: string[];
  emRating: string | null;
  cndcecOutcome: string | null;
  breachedIndexCount: number | null;
  revenueCents: number | null;
  statementEmployees: number | null;
  companyHeadcount: number | null;
};

/**
 * The stored alert levels of the companies' current statements under one rule-set version, with the
 * Z″ EM rating and the CNDCEC screen outcome stored beside them.
 */
export async function findStoredRiskYears(
  db: Executor,
  companyIds: string[],
  versions: { alertLevel: string; crisisCode: string; distress: string },
): Promise<StoredRiskYear[]> {
  if (companyIds.length === 0) return [];
  const alert = alias(scores, "alert");
  const zDoublePrime = alias(scores, "z_double_prime");
  const screen = alias(scores, "screen");
  const rows = await db
    .select({
      companyId: financialStatements.companyId,
      statementId: financialStatements.id,
      periodEndOn: financialStatements.periodEndOn,
      ruleSetVersion: alert.ruleSetVersion,
      level: alert.zone,
      distressModels: sql<string[] | null>`${alert.details} -> 'distressModels'`,
      emRating: sql<string | null>`${zDoublePrime.details} ->> 'emRating'`,
      cndcecOutcome: screen.zone,
      breachedIndexCount: screen.value,
      revenueCents: sql<string | null>`${financialStatements.items} ->> 'revenue'`,
      statementEmployees: sql<string | null>`${financialStatements.items} ->> 'averageEmployees'`,
      companyHeadcount: companies.headcount,
    })
    .from(financialStatements)
    .innerJoin(companies, eq(companies.id, financialStatements.companyId))
    .innerJoin(
      alert,
      and(
        eq(alert.statementId, financialStatements.id),
        eq(alert.model, "alert_level"),
        eq(alert.ruleSetVersion, versions.alertLevel),
      ),
    )
    .leftJoin(
      zDoublePrime,
      and(
        eq(zDoublePrime.statementId, financialStatements.id),
        eq(zDoublePrime.model, "altman_z_double_prime"),
        eq(zDoublePrime.ruleSetVersion, versions.distress),
      ),
    )
    .leftJoin(
      screen,
      and(
        eq(screen.statementId, financialStatements.id),
        eq(screen.model, "cndcec_screen"),
        eq(screen.ruleSetVersion, versions.crisisCode),
      ),
    )
    .where(and(eq(financialStatements.isCurrent, true), inArray(financialStatements.companyId, companyIds)));
  const toNumber = (value: string | number | null) =>
    value === null || value === "" || !Number.isFinite(Number(value)) ? null : Number(value);
  return rows.map((row) => ({
    ...row,
    level: row.level ?? "grey",
    distressModels: Array.isArray(row.distressModels) ? row.distressModels : [],
    breachedIndexCount: toNumber(row.breachedIndexCount),
    revenueCents: toNumber(row.revenueCents),
    statementEmployees: toNumber(row.statementEmployees),
  }));
}

/** The levels in the projection now, by company and period end. */
export async function findProjectedLevels(db: Executor, companyIds: string[]) {
  if (companyIds.length === 0) return [];
  return db
    .select({
      companyId: companyRiskYears.companyId,
      periodEndOn: companyRiskYears.periodEndOn,
      level: companyRiskYears.alertLevel,
    })
    .from(companyRiskYears)
    .where(inArray(companyRiskYears.companyId, companyIds));
}

export type RiskYearRecord = {
  companyId: string;
  periodEndOn: string;
  fiscalYear: number;
  statementId: string;
  ruleSetVersion: string;
  alertLevel: string;
  previousAlertLevel: string | null;
  isDeteriorating: boolean;
  isFirstAlert: boolean;
  isLatest: boolean;
  emRating: string | null;
  distressModels: string[];
  cndcecOutcome: string | null;
  breachedIndexCount: number;
  revenueCents: number | null;
  employees: number | null;
};

/**
 * Replaces the projection of the given companies: upserts `rows` and deletes their other years (a
 * statement no longer current, or no longer scored under the active rule sets).
 */
export async function replaceRiskYears(
  db: Executor,
  companyIds: string[],
  rows: RiskYearRecord[],
  at: Date,
): Promise<void> {
  if (companyIds.length === 0) return;
  await db.delete(companyRiskYears).where(
    and(
      inArray(companyRiskYears.companyId, companyIds),
      notInArray(
        companyRiskYears.statementId,
        rows.map((row) => row.statementId),
      ),
    ),
  );
  // One JSON parameter per 5,000 rows: cheaper to build than a 17-column insert per row.
  for (let start = 0; start < rows.length; start += 5000) {
    const json = JSON.stringify(rows.slice(start, start + 5000));
    await db.execute(sql`
      insert into company_risk_years (company_id, period_end_on, fiscal_year, statement_id, rule_set_version,
        alert_level, previous_alert_level, is_deteriorating, is_first_alert, is_latest, em_rating,
        distress_models, cndcec_outcome, breached_index_count, revenue_cents, employees, computed_at)
      select r."companyId", r."periodEndOn", r."fiscalYear", r."statementId", r."ruleSetVersion", r."alertLevel",
        r."previousAlertLevel", r."isDeteriorating", r."isFirstAlert", r."isLatest", r."emRating",
        array(select jsonb_array_elements_text(r."distressModels")), r."cndcecOutcome", r."breachedIndexCount",
        r."revenueCents", r."employees", ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${json}::jsonb) as r("companyId" uuid, "periodEndOn" date, "fiscalYear" smallint,
        "statementId" uuid, "ruleSetVersion" text, "alertLevel" text, "previousAlertLevel" text,
        "isDeteriorating" boolean, "isFirstAlert" boolean, "isLatest" boolean, "emRating" text,
        "distressModels" jsonb, "cndcecOutcome" text, "breachedIndexCount" smallint, "revenueCents" bigint,
        "employees" integer)
      on conflict (company_id, period_end_on) do update set
        fiscal_year = excluded.fiscal_year, statement_id = excluded.statement_id,
        rule_set_version = excluded.rule_set_version, alert_level = excluded.alert_level,
        previous_alert_level = excluded.previous_alert_level, is_deteriorating = excluded.is_deteriorating,
        is_first_alert = excluded.is_first_alert, is_latest = excluded.is_latest, em_rating = excluded.em_rating,
        distress_models = excluded.distress_models, cndcec_outcome = excluded.cndcec_outcome,
        breached_index_count = excluded.breached_index_count, revenue_cents = excluded.revenue_cents,
        employees = excluded.employees, computed_at = excluded.computed_at`);
  }
}

/** Whether the projection is empty while alert levels are stored (a database from before it existed). */
export async function isRiskProjectionMissing(db: Executor, alertRuleSetVersion: string): Promise<boolean> {
  const projected = await db
    .select({ companyId: companyRiskYears.companyId })
    .from(companyRiskYears)
    .limit(1);
  if (projected.length > 0) return false;
  const scored = await db
    .select({ id: scores.id })
    .from(scores)
    .where(and(eq(scores.model, "alert_level"), eq(scores.ruleSetVersion, alertRuleSetVersion)))
    .limit(1);
  return scored.length > 0;
}

/** Companies with an alert level stored under the version, in a stable order. */
export async function findScoredCompanyIds(db: Executor, alertRuleSetVersion: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ companyId: scores.companyId })
    .from(scores)
    .where(and(eq(scores.model, "alert_level"), eq(scores.ruleSetVersion, alertRuleSetVersion)))
    .orderBy(scores.companyId);
  return rows.map((row) => row.companyId);
}
