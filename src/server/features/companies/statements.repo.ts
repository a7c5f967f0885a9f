import { and, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { financialStatements } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

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
