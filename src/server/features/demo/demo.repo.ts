import { count, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { companies, financialStatements, installations, municipalities } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

export async function countCompaniesAll(db: Executor): Promise<number> {
  const rows = await db.select({ total: count() }).from(companies);
  return Number(rows[0]?.total ?? 0);
}

export async function findDemoLoadedAt(db: Executor): Promise<Date | null> {
  const rows = await db.select({ at: installations.demoLoadedAt }).from(installations).limit(1);
  return rows[0]?.at ?? null;
}

export async function markDemoLoaded(db: Executor, at: Date) {
  await db.update(installations).set({ demoLoadedAt: at }).where(eq(installations.id, 1));
}

export async function findMunicipalitiesOfRegions(db: Executor, nuts3Codes: string[]) {
  return db
    .select({
      istatCode: municipalities.istatCode,
      name: municipalities.name,
      nuts3: municipalities.nuts3Code,
    })
    .from(municipalities)
    .where(inArray(municipalities.nuts3Code, nuts3Codes))
    .orderBy(municipalities.istatCode);
}

export type DemoCompanyRow = typeof companies.$inferInsert;
export type DemoStatementRow = typeof financialStatements.$inferInsert;

export async function insertDemoRows(
  db: Executor,
  companyRows: DemoCompanyRow[],
  statementRows: DemoStatementRow[],
) {
  for (let start = 0; start < companyRows.length; start += 500) {
    await db.insert(companies).values(companyRows.slice(start, start + 500));
  }
  for (let start = 0; start < statementRows.length; start += 500) {
    await db.insert(financialStatements).values(statementRows.slice(start, start + 500));
  }
}
