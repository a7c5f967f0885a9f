import { and, asc, eq, ilike, inArray } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { companyPartners, partners } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update" | "delete">;

export type PartnerRow = { id: string; name: string; kind: string; countryCode: string };

const columns = {
  id: partners.id,
  name: partners.name,
  kind: partners.kind,
  countryCode: partners.countryCode,
};

export async function findPartners(db: Executor, search: string | undefined): Promise<PartnerRow[]> {
  return db
    .select(columns)
    .from(partners)
    .where(search ? ilike(partners.name, `%${search.replace(/[%_\\]/g, "\\$&")}%`) : undefined)
    .orderBy(asc(partners.name))
    .limit(200);
}

export async function insertPartner(
  db: Executor,
  partner: Omit<PartnerRow, "id">,
  at: Date,
): Promise<PartnerRow> {
  const rows = await db
    .insert(partners)
    .values({ ...partner, createdAt: at, updatedAt: at })
    .returning(columns);
  return rows[0] as PartnerRow;
}

export async function findExistingPartnerIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: partners.id }).from(partners).where(inArray(partners.id, ids));
  return rows.map((row) => row.id);
}

export async function findPartnersOfCompany(db: Executor, companyId: string) {
  return db
    .select({ ...columns, relation: companyPartners.relation })
    .from(companyPartners)
    .innerJoin(partners, eq(partners.id, companyPartners.partnerId))
    .where(eq(companyPartners.companyId, companyId))
    .orderBy(asc(partners.name));
}

/** Replaces all the links of a company. */
export async function replaceCompanyPartners(
  db: Executor,
  companyId: string,
  links: { partnerId: string; relation: string }[],
) {
  await db.delete(companyPartners).where(and(eq(companyPartners.companyId, companyId)));
  if (links.length > 0)
    await db.insert(companyPartners).values(links.map((link) => ({ companyId, ...link })));
}
