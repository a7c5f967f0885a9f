import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { StoredModelResult } from "../../../domain/early-warning/score-company-year.ts";
import type { Database } from "../../db/client.ts";
import { companies, financialStatements, scores, sectors } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "selectDistinct" | "update">;

export type ScoringRow = {
  companyId: string;
  atecoCode: string | null;
  legalForm: string;
  cndcecGroup: number | null;
  cndcecStatus: string | null;
  statementId: string;
  format: string;
  statementLegalForm: string | null;
  periodStartOn: string;
  periodEndOn: string;
  items: Record<string, number>;
};

/** Current statements of the given companies (all when `companyIds` is undefined), oldest first. */
export async function findScoringRows(db: Executor, companyIds: string[] | undefined): Promise<ScoringRow[]> {
  const rows = await db
    .select({
      companyId: companies.id,
      atecoCode: companies.atecoCode,
      legalForm: companies.legalForm,
      cndcecGroup: sectors.cndcecGroup,
      cndcecStatus: sectors.cndcecStatus,
      statementId: financialStatements.id,
      format: financialStatements.format,
      statementLegalForm: financialStatements.legalForm,
      periodStartOn: financialStatements.periodStartOn,
      periodEndOn: financialStatements.periodEndOn,
      items: financialStatements.items,
    })
    .from(financialStatements)
    .innerJoin(companies, eq(companies.id, financialStatements.companyId))
    .leftJoin(sectors, eq(sectors.code, companies.atecoCode))
    .where(
      and(
        eq(financialStatements.isCurrent, true),
        companyIds ? inArray(financialStatements.companyId, companyIds) : undefined,
      ),
    )
    .orderBy(asc(financialStatements.companyId), asc(financialStatements.periodEndOn));
  return rows.map((row) => ({ ...row, items: row.items as Record<string, number> }));
}

export type ScoreRowInput = StoredModelResult & {
  companyId: string;
  statementId: string;
  periodEndOn: string;
};

/** Results per statement sent in one JSON parameter: building a 10-column insert per row costs more than storing it. */
const scoresPerStatement = 5000;

/** Stores results; the same statement, model and rule-set version is overwritten (idempotent). */
export async function upsertScores(
  db: Executor & Pick<Database, "execute">,
  rows: ScoreRowInput[],
  at: Date,
) {
  for (let start = 0; start < rows.length; start += scoresPerStatement) {
    const json = JSON.stringify(
      rows.slice(start, start + scoresPerStatement).map((row) => ({
        c: row.companyId,
        s: row.statementId,
        p: row.periodEndOn,
        m: row.model,
        v: row.ruleSetVersion,
        st: row.status,
        x: row.value !== null && Number.isFinite(row.value) ? row.value : null,
        z: row.zone,
        i: row.inputs,
        d: row.details,
      })),
    );
    await db.execute(sql`
      insert into scores (company_id, statement_id, period_end_on, model, rule_set_version, status, value, zone,
        inputs, details, computed_at)
      select r.c, r.s, r.p, r.m, r.v, r.st, r.x, r.z, r.i, r.d, ${at.toISOString()}::timestamptz
      from jsonb_to_recordset(${json}::jsonb)
        as r(c uuid, s uuid, p date, m text, v text, st text, x float8, z text, i jsonb, d jsonb)
      on conflict (statement_id, model, rule_set_version) do update set
        status = excluded.status, value = excluded.value, zone = excluded.zone, inputs = excluded.inputs,
        details = excluded.details, computed_at = excluded.computed_at`);
  }
}

export async function countScores(db: Executor): Promise<number> {
  const rows = await db.select({ total: count() }).from(scores);
  return Number(rows[0]?.total ?? 0);
}

/** The results stored for a company's current statements, newest rule-set versions included. */
export async function findCompanyScores(db: Executor, companyId: string) {
  return db
    .select({
      statementId: scores.statementId,
      periodEndOn: scores.periodEndOn,
      model: scores.model,
      ruleSetVersion: scores.ruleSetVersion,
      status: scores.status,
      value: scores.value,
      zone: scores.zone,
      inputs: scores.inputs,
      details: scores.details,
      computedAt: scores.computedAt,
    })
    .from(scores)
    .innerJoin(financialStatements, eq(financialStatements.id, scores.statementId))
    .where(and(eq(scores.companyId, companyId), eq(financialStatements.isCurrent, true)))
    .orderBy(asc(scores.periodEndOn), asc(scores.model));
}

/** Companies with a current statement that has no alert level under the given rule-set version. */
export async function findUnscoredCompanyIds(db: Executor, alertRuleSetVersion: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ companyId: financialStatements.companyId })
    .from(financialStatements)
    .where(
      and(
        eq(financialStatements.isCurrent, true),
        sql`not exists (select 1 from ${scores} where ${scores.statementId} = ${financialStatements.id}
              and ${scores.model} = 'alert_level' and ${scores.ruleSetVersion} = ${alertRuleSetVersion})`,
      ),
    );
  return rows.map((row) => row.companyId);
}

/** Every company with at least one current statement, in a stable order. */
export async function findCompanyIdsWithCurrentStatements(db: Executor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ companyId: financialStatements.companyId })
    .from(financialStatements)
    .where(eq(financialStatements.isCurrent, true))
    .orderBy(asc(financialStatements.companyId));
  return rows.map((row) => row.companyId);
}
