import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { financialStatements } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update" | "execute">;

export type StatementVersionInput = typeof financialStatements.$inferInsert;

/** Inserts a version unless the same source already gave it; returns the new row's id, if any. */
export async function insertStatementVersion(
  db: Executor,
  version: StatementVersionInput,
): Promise<string | undefined> {
  const rows = await db
    .insert(financialStatements)
    .values(version)
    .onConflictDoNothing()
    .returning({ id: financialStatements.id });
  return rows[0]?.id;
}

export async function findVersionsOfPeriod(db: Executor, companyId: string, periodEndOn: string) {
  return db
    .select({
      id: financialStatements.id,
      isOwnPeriod: financialStatements.isOwnPeriod,
      filedOn: financialStatements.filedOn,
      createdAt: financialStatements.createdAt,
    })
    .from(financialStatements)
    .where(
      and(eq(financialStatements.companyId, companyId), eq(financialStatements.periodEndOn, periodEndOn)),
    );
}

export async function setCurrentVersion(
  db: Executor,
  companyId: string,
  periodEndOn: string,
  currentId: string,
) {
  const period = and(
    eq(financialStatements.companyId, companyId),
    eq(financialStatements.periodEndOn, periodEndOn),
  );
  // One statement: the chosen version becomes current, every other version of the period not.
  await db
    .update(financialStatements)
    .set({ isCurrent: sql`${financialStatements.id} = ${currentId}` })
    .where(period);
}

/** The id of the version a source gave for a period (it exists: it was just stored or found). */
export async function findVersionId(
  db: Executor,
  key: { companyId: string; periodEndOn: string; sourceContentHash: string; isOwnPeriod: boolean },
): Promise<string> {
  const rows = await db
    .select({ id: financialStatements.id })
    .from(financialStatements)
    .where(
      and(
        eq(financialStatements.companyId, key.companyId),
        eq(financialStatements.periodEndOn, key.periodEndOn),
        eq(financialStatements.sourceContentHash, key.sourceContentHash),
        eq(financialStatements.isOwnPeriod, key.isOwnPeriod),
      ),
    )
    .limit(1);
  return rows[0]?.id as string;
}

/** What identifies a version: one source's statement of one period of a company. */
export type VersionKey = {
  companyId: string;
  periodEndOn: string;
  sourceContentHash: string;
  isOwnPeriod: boolean;
};

const versionKeyColumns = {
  id: financialStatements.id,
  companyId: financialStatements.companyId,
  periodEndOn: financialStatements.periodEndOn,
  sourceContentHash: financialStatements.sourceContentHash,
  isOwnPeriod: financialStatements.isOwnPeriod,
};

/** Inserts several versions in one statement, skipping those a source already gave; returns the new rows' keys. */
export async function insertStatementVersions(
  db: Executor,
  versions: StatementVersionInput[],
): Promise<(VersionKey & { id: string })[]> {
  if (versions.length === 0) return [];
  return db.insert(financialStatements).values(versions).onConflictDoNothing().returning(versionKeyColumns);
}

/** The ids of already stored versions, found by their keys in one query. */
export async function findVersionIds(
  db: Executor,
  keys: VersionKey[],
): Promise<(VersionKey & { id: string })[]> {
  if (keys.length === 0) return [];
  const tuples = keys.map(
    (key) =>
      sql`(${key.companyId}::uuid, ${key.periodEndOn}::date, ${key.sourceContentHash}::text, ${key.isOwnPeriod}::boolean)`,
  );
  return db
    .select(versionKeyColumns)
    .from(financialStatements)
    .where(
      sql`(${financialStatements.companyId}, ${financialStatements.periodEndOn}, ${financialStatements.sourceContentHash}, ${financialStatements.isOwnPeriod}) in (${sql.join(tuples, sql`, `)})`,
    );
}

/** Every version of the given periods (company and period end), in one query. */
export async function findVersionsOfPeriods(
  db: Executor,
  periods: { companyId: string; periodEndOn: string }[],
) {
  if (periods.length === 0) return [];
  const pairs = periods.map((period) => sql`(${period.companyId}::uuid, ${period.periodEndOn}::date)`);
  return db
    .select({
      id: financialStatements.id,
      companyId: financialStatements.companyId,
      periodEndOn: financialStatements.periodEndOn,
      isOwnPeriod: financialStatements.isOwnPeriod,
      filedOn: financialStatements.filedOn,
      createdAt: financialStatements.createdAt,
    })
    .from(financialStatements)
    .where(
      sql`(${financialStatements.companyId}, ${financialStatements.periodEndOn}) in (${sql.join(pairs, sql`, `)})`,
    );
}

/** For each period, its chosen version becomes current and every other version of it not: one statement. */
export async function setCurrentVersions(
  db: Executor,
  choices: { companyId: string; periodEndOn: string; currentId: string }[],
) {
  if (choices.length === 0) return;
  const values = choices.map(
    (choice) => sql`(${choice.companyId}::uuid, ${choice.periodEndOn}::date, ${choice.currentId}::uuid)`,
  );
  await db.execute(sql`update ${financialStatements} set is_current = (${financialStatements.id} = chosen.current_id)
    from (values ${sql.join(values, sql`, `)}) as chosen (company_id, period_end_on, current_id)
    where ${financialStatements.companyId} = chosen.company_id and ${financialStatements.periodEndOn} = chosen.period_end_on`);
}
