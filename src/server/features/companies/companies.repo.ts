import { and, asc, desc, eq, gt } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  companies,
  financialStatements,
  municipalities,
  outOfScopeAccesses,
  sectors,
  territories,
} from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

export type CompanyRecord = {
  id: string;
  countryCode: string;
  taxCode: string;
  name: string;
  legalForm: string;
  atecoCode: string | null;
  address: string | null;
  municipalityCode: string | null;
  nuts3Code: string | null;
  districtCode: string | null;
  districtSource: string | null;
  districtNameIt: string | null;
  districtNameEn: string | null;
  municipalityName: string | null;
  sectorTitleIt: string | null;
  sectorTitleEn: string | null;
  headcount: number | null;
  sizeClass: string;
};

export async function findCompany(db: Executor, companyId: string): Promise<CompanyRecord | undefined> {
  const rows = await db
    .select({
      id: companies.id,
      countryCode: companies.countryCode,
      taxCode: companies.taxCode,
      name: companies.name,
      legalForm: companies.legalForm,
      atecoCode: companies.atecoCode,
      address: companies.address,
      municipalityCode: companies.municipalityCode,
      nuts3Code: companies.nuts3Code,
      districtCode: companies.districtCode,
      districtSource: companies.districtSource,
      districtNameIt: territories.nameIt,
      districtNameEn: territories.nameEn,
      municipalityName: municipalities.name,
      sectorTitleIt: sectors.titleIt,
      sectorTitleEn: sectors.titleEn,
      headcount: companies.headcount,
      sizeClass: companies.sizeClass,
    })
    .from(companies)
    .leftJoin(territories, eq(territories.code, companies.districtCode))
    .leftJoin(municipalities, eq(municipalities.istatCode, companies.municipalityCode))
    .leftJoin(sectors, eq(sectors.code, companies.atecoCode))
    .where(eq(companies.id, companyId))
    .limit(1);
  return rows[0];
}

export async function findOpenOutOfScopeAccess(db: Executor, userId: string, companyId: string, now: Date) {
  const rows = await db
    .select()
    .from(outOfScopeAccesses)
    .where(
      and(
        eq(outOfScopeAccesses.userId, userId),
        eq(outOfScopeAccesses.companyId, companyId),
        gt(outOfScopeAccesses.expiresAt, now),
      ),
    )
    .orderBy(desc(outOfScopeAccesses.expiresAt))
    .limit(1);
  return rows[0];
}

export async function insertOutOfScopeAccess(
  db: Executor,
  access: { userId: string; companyId: string; reason: string; grantedAt: Date; expiresAt: Date },
) {
  await db.insert(outOfScopeAccesses).values(access);
}

export type StatementRecord = {
  id: string;
  periodStartOn: string;
  periodEndOn: string;
  format: "ordinary" | "abridged" | "micro" | "consolidated";
  currency: string;
  items: Record<string, number>;
  sourceKind: string;
  sourceFileName: string | null;
  isCurrent: boolean;
};

/** The current version of each period of a company, oldest first. */
export async function findCurrentStatements(db: Executor, companyId: string): Promise<StatementRecord[]> {
  const rows = await db
    .select({
      id: financialStatements.id,
      periodStartOn: financialStatements.periodStartOn,
      periodEndOn: financialStatements.periodEndOn,
      format: financialStatements.format,
      currency: financialStatements.currency,
      items: financialStatements.items,
      sourceKind: financialStatements.sourceKind,
      sourceFileName: financialStatements.sourceFileName,
      isCurrent: financialStatements.isCurrent,
    })
    .from(financialStatements)
    .where(and(eq(financialStatements.companyId, companyId), eq(financialStatements.isCurrent, true)))
    .orderBy(asc(financialStatements.periodEndOn));
  return rows.map((row) => ({
    ...row,
    format: row.format as StatementRecord["format"],
    items: row.items as Record<string, number>,
  }));
}

/** Company ids by id or tax code (the CLI accepts either). */
export async function findCompanyIdsByReference(
  db: Executor,
  references: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const reference of references) {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(reference);
    const rows = await db
      .select({ id: companies.id })
      .from(companies)
      .where(isUuid ? eq(companies.id, reference) : eq(companies.taxCode, reference.toUpperCase()))
      .limit(2);
    if (rows.length === 1 && rows[0]) found.set(reference, rows[0].id);
  }
  return found;
}
