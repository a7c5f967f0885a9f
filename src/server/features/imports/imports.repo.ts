import { and, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { companies, sectors } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

export async function findCompanyByTaxCode(db: Executor, countryCode: string, taxCode: string) {
  const rows = await db
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.countryCode, countryCode), eq(companies.taxCode, taxCode)))
    .limit(1);
  return rows[0];
}

export async function isKnownSector(db: Executor, code: string): Promise<boolean> {
  const rows = await db.select({ code: sectors.code }).from(sectors).where(eq(sectors.code, code)).limit(1);
  return rows.length > 0;
}

export async function insertImportedCompany(
  db: Executor,
  company: {
    taxCode: string;
    name: string;
    legalForm: string;
    atecoCode: string | null;
    address: string | null;
  },
  at: Date,
): Promise<string> {
  const rows = await db
    .insert(companies)
    .values({ countryCode: "IT", ...company, createdAt: at, updatedAt: at })
    .returning({ id: companies.id });
  return rows[0]?.id as string;
}
