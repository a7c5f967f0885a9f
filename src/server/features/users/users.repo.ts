import { and, asc, eq, gt, ilike, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Role, TerritoryKind } from "../../../domain/access/roles.ts";
import type { Database } from "../../db/client.ts";
import { companies, roleGrantCompanies, roleGrants, territories, users } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "selectDistinct" | "update">;

export type GrantRow = {
  id: string;
  userId: string;
  role: Role;
  territory: { code: string; kind: TerritoryKind; nameIt: string; nameEn: string } | null;
  companies: { id: string; name: string }[];
  createdAt: Date;
  lastReviewedAt: Date;
};

export type UserRow = {
  id: string;
  email: string;
  displayName: string;
  status: "invited" | "active" | "locked";
  locale: "it" | "en";
  lockedReason: string | null;
  lastLoginAt: Date | null;
  createdAt: Date;
};

function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, "\\$&");
}

export async function insertUser(
  db: Executor,
  user: {
    email: string;
    displayName: string;
    locale: "it" | "en";
    status: "invited" | "active";
    passwordHash: string | null;
    at: Date;
  },
): Promise<string> {
  const rows = await db
    .insert(users)
    .values({
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      status: user.status,
      passwordHash: user.passwordHash,
      passwordChangedAt: user.passwordHash ? user.at : null,
      createdAt: user.at,
      updatedAt: user.at,
    })
    .returning({ id: users.id });
  return rows[0]?.id as string;
}

export async function findUsers(
  db: Database,
  filter: { q?: string | undefined; status?: UserRow["status"] | undefined; userIds?: string[] | undefined },
  page: { limit: number; after?: string | undefined },
): Promise<UserRow[]> {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    const match = or(ilike(users.email, pattern), ilike(users.displayName, pattern));
    if (match) conditions.push(match);
  }
  if (filter.status) conditions.push(eq(users.status, filter.status));
  if (filter.userIds) {
    // An empty list matches nobody (`in ()` is not valid SQL).
    conditions.push(filter.userIds.length > 0 ? inArray(users.id, filter.userIds) : sql`false`);
  }
  if (page.after) conditions.push(gt(users.email, page.after));
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      status: users.status,
      locale: users.locale,
      lockedReason: users.lockedReason,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(users.email))
    .limit(page.limit);
  return rows.map((row) => ({
    ...row,
    status: row.status as UserRow["status"],
    locale: row.locale === "en" ? "en" : "it",
  }));
}

/** Grants in force of the given users, with territory names and linked companies. */
export async function findGrantsOfUsers(db: Executor, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      createdAt: roleGrants.createdAt,
      lastReviewedAt: roleGrants.lastReviewedAt,
      territoryCode: territories.code,
      territoryKind: territories.kind,
      territoryNameIt: territories.nameIt,
      territoryNameEn: territories.nameEn,
      companyId: companies.id,
      companyName: companies.name,
    })
    .from(roleGrants)
    .leftJoin(territories, eq(territories.code, roleGrants.territoryCode))
    .leftJoin(roleGrantCompanies, eq(roleGrantCompanies.grantId, roleGrants.id))
    .leftJoin(companies, eq(companies.id, roleGrantCompanies.companyId))
    .where(and(inArray(roleGrants.userId, userIds), isNull(roleGrants.revokedAt)))
    .orderBy(asc(roleGrants.createdAt));
  const byId = new Map<string, GrantRow>();
  for (const row of rows) {
    const grant = byId.get(row.id) ?? {
      id: row.id,
      userId: row.userId,
      role: row.role as Role,
      territory:
        row.territoryCode && row.territoryKind
          ? {
              code: row.territoryCode,
              kind: row.territoryKind as TerritoryKind,
              nameIt: row.territoryNameIt ?? row.territoryCode,
              nameEn: row.territoryNameEn ?? row.territoryCode,
            }
          : null,
      companies: [],
      createdAt: row.createdAt,
      lastReviewedAt: row.lastReviewedAt,
    };
    if (row.companyId && row.companyName) grant.companies.push({ id: row.companyId, name: row.companyName });
    byId.set(row.id, grant);
  }
  return [...byId.values()];
}

export async function findUserIdsWithGrantsReviewedBefore(db: Executor, before: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: roleGrants.userId })
    .from(roleGrants)
    .where(and(isNull(roleGrants.revokedAt), lte(roleGrants.lastReviewedAt, before)));
  return rows.map((row) => row.userId);
}

export async function setUserStatus(
  db: Executor,
  userId: string,
  status: UserRow["status"],
  lockedReason: string | null,
  at: Date,
) {
  await db.update(users).set({ status, lockedReason, updatedAt: at }).where(eq(users.id, userId));
}

export async function findTerritoryKind(db: Executor, code: string): Promise<TerritoryKind | undefined> {
  const rows = await db
    .select({ kind: territories.kind })
    .from(territories)
    .where(eq(territories.code, code))
    .limit(1);
  return rows[0]?.kind as TerritoryKind | undefined;
}

export async function findExistingCompanyIds(db: Executor, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: companies.id })
    .from(companies)
    .where(inArray(companies.id, [...ids]));
  return rows.map((row) => row.id);
}

export async function insertGrant(
  db: Executor,
  grant: {
    userId: string;
    role: Role;
    territoryCode: string | null;
    companyIds: readonly string[];
    byUserId: string | null;
    at: Date;
  },
): Promise<string> {
  const rows = await db
    .insert(roleGrants)
    .values({
      userId: grant.userId,
      role: grant.role,
      territoryCode: grant.territoryCode,
      createdByUserId: grant.byUserId,
      createdAt: grant.at,
      lastReviewedAt: grant.at,
      lastReviewedByUserId: grant.byUserId,
    })
    .returning({ id: roleGrants.id });
  const grantId = rows[0]?.id as string;
  if (grant.companyIds.length > 0) {
    await db.insert(roleGrantCompanies).values(grant.companyIds.map((companyId) => ({ grantId, companyId })));
  }
  return grantId;
}

export async function findGrant(db: Executor, grantId: string) {
  const rows = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      territoryCode: roleGrants.territoryCode,
      revokedAt: roleGrants.revokedAt,
    })
    .from(roleGrants)
    .where(eq(roleGrants.id, grantId))
    .limit(1);
  return rows[0];
}

export async function revokeGrant(db: Executor, grantId: string, byUserId: string, at: Date) {
  await db
    .update(roleGrants)
    .set({ revokedAt: at, revokedByUserId: byUserId })
    .where(eq(roleGrants.id, grantId));
}

export async function markGrantReviewed(db: Executor, grantId: string, byUserId: string, at: Date) {
  await db
    .update(roleGrants)
    .set({ lastReviewedAt: at, lastReviewedByUserId: byUserId, reviewRemindedAt: null })
    .where(eq(roleGrants.id, grantId));
}

export type DueGrant = {
  grantId: string;
  email: string;
  role: Role;
  territoryCode: string | null;
  lastReviewedAt: Date;
};

/** Grants in force reviewed before `reviewedBefore` and not reminded since `remindedBefore`. */
export async function findGrantsToRemind(
  db: Executor,
  reviewedBefore: Date,
  remindedBefore: Date,
): Promise<DueGrant[]> {
  const rows = await db
    .select({
      grantId: roleGrants.id,
      email: users.email,
      role: roleGrants.role,
      territoryCode: roleGrants.territoryCode,
      lastReviewedAt: roleGrants.lastReviewedAt,
    })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        isNull(roleGrants.revokedAt),
        lte(roleGrants.lastReviewedAt, reviewedBefore),
        or(isNull(roleGrants.reviewRemindedAt), lte(roleGrants.reviewRemindedAt, remindedBefore)),
      ),
    )
    .orderBy(asc(users.email));
  return rows.map((row) => ({ ...row, role: row.role as Role }));
}

export async function markGrantsReminded(db: Executor, grantIds: string[], at: Date) {
  if (grantIds.length === 0) return;
  await db.update(roleGrants).set({ reviewRemindedAt: at }).where(inArray(roleGrants.id, grantIds));
}

/** Active administrators, who receive the review reminders. */
export async function findActiveAdministrators(db: Executor) {
  return db
    .selectDistinct({ email: users.email, displayName: users.displayName, locale: users.locale })
    .from(users)
    .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
    .where(
      and(eq(users.status, "active"), eq(roleGrants.role, "administrator"), isNull(roleGrants.revokedAt)),
    );
}
