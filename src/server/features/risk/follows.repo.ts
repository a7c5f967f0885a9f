import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { companies, follows, territories } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "delete" | "update">;

/** Adds the follow unless it exists; true when a row was added. */
export async function insertCompanyFollow(db: Executor, userId: string, companyId: string, at: Date) {
  const rows = await db
    .insert(follows)
    .values({ userId, companyId, createdAt: at })
    .onConflictDoNothing({ target: [follows.userId, follows.companyId] })
    .returning({ id: follows.id });
  return rows.length > 0;
}

export async function deleteCompanyFollow(db: Executor, userId: string, companyId: string) {
  const rows = await db
    .delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.companyId, companyId)))
    .returning({ id: follows.id });
  return rows.length > 0;
}

export async function insertDistrictFollow(db: Executor, userId: string, districtCode: string, at: Date) {
  const rows = await db
    .insert(follows)
    .values({ userId, districtCode, createdAt: at })
    .onConflictDoNothing({ target: [follows.userId, follows.districtCode] })
    .returning({ id: follows.id });
  return rows.length > 0;
}

export async function deleteDistrictFollow(db: Executor, userId: string, districtCode: string) {
  const rows = await db
    .delete(follows)
    .where(and(eq(follows.userId, userId), eq(follows.districtCode, districtCode)))
    .returning({ id: follows.id });
  return rows.length > 0;
}

/** The companies a user follows, with where they are placed (for the visibility check). */
export async function findFollowedCompanies(db: Executor, userId: string) {
  return db
    .select({
      companyId: companies.id,
      name: companies.name,
      countryCode: companies.countryCode,
      nuts3Code: companies.nuts3Code,
      districtCode: companies.districtCode,
      followedAt: follows.createdAt,
    })
    .from(follows)
    .innerJoin(companies, eq(companies.id, follows.companyId))
    .where(eq(follows.userId, userId))
    .orderBy(asc(companies.name), asc(companies.id));
}

export async function findFollowedDistricts(db: Executor, userId: string) {
  return db
    .select({
      districtCode: territories.code,
      nameIt: territories.nameIt,
      nameEn: territories.nameEn,
      followedAt: follows.createdAt,
    })
    .from(follows)
    .innerJoin(territories, eq(territories.code, follows.districtCode))
    .where(and(eq(follows.userId, userId), isNotNull(follows.districtCode)))
    .orderBy(asc(territories.code));
}

export async function findTerritoryKindOf(db: Executor, code: string): Promise<string | undefined> {
  const rows = await db
    .select({ kind: territories.kind })
    .from(territories)
    .where(eq(territories.code, code))
    .limit(1);
  return rows[0]?.kind;
}
