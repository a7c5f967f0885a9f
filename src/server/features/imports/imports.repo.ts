import { and, eq, inArray } from "drizzle-orm";
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

/** The companies of a country among the given tax codes (one query for a group of filings). */
export async function findCompaniesByTaxCodes(db: Executor, countryCode: string, taxCodes: string[]) {
  if (taxCodes.length === 0) return [];
  return db
    .select({ id: companies.id, name: companies.name, taxCode: companies.taxCode })
    .from(companies)
    .where(and(eq(companies.countryCode, countryCode), inArray(companies.taxCode, taxCodes)));
}

/** Which of the given ATECO codes are known sectors. */
export async function findKnownSectorCodes(db: Executor, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.select({ code: sectors.code }).from(sectors).where(inArray(sectors.code, codes));
  return new Set(rows.map((row) => row.code));
}

/** Registers several imported companies in one statement; returns each new id with its tax code. */
export async function insertImportedCompanies(
  db: Executor,
  rows: {
    taxCode: string;
    name: string;
    legalForm: string;
    atecoCode: string | null;
    address: string | null;
  }[],
  at: Date,
): Promise<{ id: string; taxCode: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insert(companies)
    .values(rows.map((company) => ({ countryCode: "IT", ...company, createdAt: at, updatedAt: at })))
    .returning({ id: companies.id, taxCode: companies.taxCode });
}
