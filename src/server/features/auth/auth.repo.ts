import { and, count, eq, gt, gte, isNull, min, ne, type SQL, sql } from "drizzle-orm";
import type { Role, TerritoryKind } from "../../../domain/access/roles.ts";
import type { Database } from "../../db/client.ts";
import {
  apiTokens,
  loginAttempts,
  oneTimeTokens,
  roleGrantCompanies,
  roleGrants,
  territories,
  userSessions,
  users,
} from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

export type UserStatus = "invited" | "active" | "locked";
export type UserRecord = {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string | null;
  status: UserStatus;
  locale: "it" | "en";
};

const userColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  status: users.status,
  locale: users.locale,
};

function toUser(row: { status: string; locale: string } & Omit<UserRecord, "status" | "locale">): UserRecord {
  return { ...row, status: row.status as UserStatus, locale: row.locale === "en" ? "en" : "it" };
}

export async function findUserByEmail(db: Executor, email: string): Promise<UserRecord | undefined> {
  const rows = await db.select(userColumns).from(users).where(eq(users.email, email)).limit(1);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function findUserById(db: Executor, id: string): Promise<UserRecord | undefined> {
  const rows = await db.select(userColumns).from(users).where(eq(users.id, id)).limit(1);
  return rows[0] ? toUser(rows[0]) : undefined;
}

export async function updateUserPassword(db: Executor, userId: string, passwordHash: string, at: Date) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: at, updatedAt: at })
    .where(eq(users.id, userId));
}

export async function activateUser(db: Executor, userId: string, passwordHash: string, at: Date) {
  await db
    .update(users)
    .set({ passwordHash, passwordChangedAt: at, status: "active", updatedAt: at })
    .where(eq(users.id, userId));
}

export async function recordLastLogin(db: Executor, userId: string, at: Date) {
  await db.update(users).set({ lastLoginAt: at }).where(eq(users.id, userId));
}

export async function insertLoginAttempt(
  db: Executor,
  attempt: { email: string; ipAddress: string; isSuccess: boolean; attemptedAt: Date },
) {
  await db.insert(loginAttempts).values(attempt);
}

/** Failed attempts since `since` for an email or an address, and when the oldest of them happened. */
export async function findRecentFailures(
  db: Executor,
  key: { email: string } | { ipAddress: string },
  since: Date,
): Promise<{ count: number; oldestAt: Date | null }> {
  const keyCondition =
    "email" in key ? eq(loginAttempts.email, key.email) : eq(loginAttempts.ipAddress, key.ipAddress);
  const rows = await db
    .select({ count: count(), oldestAt: min(loginAttempts.attemptedAt) })
    .from(loginAttempts)
    .where(and(keyCondition, eq(loginAttempts.isSuccess, false), gte(loginAttempts.attemptedAt, since)));
  return { count: Number(rows[0]?.count ?? 0), oldestAt: rows[0]?.oldestAt ?? null };
}

export type SessionRecord = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
  ipAddress: string | null;
  userAgent: string | null;
};

export async function insertSession(
  db: Executor,
  session: Omit<SessionRecord, "id" | "revokedAt"> & { tokenHash: string },
) {
  const rows = await db.insert(userSessions).values(session).returning({ id: userSessions.id });
  return rows[0]?.id as string;
}

/**
 * A session with its user and the user's grants in force, in one statement: every authenticated
 * request starts here, so the grants ride along instead of costing a second round trip.
 */
export async function findSessionByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<(SessionRecord & { user: UserRecord; grants: GrantRecord[] }) | undefined> {
  const rows = await db
    .select({ session: userSessions, user: userColumns, grants: activeGrantsOf(users.id) })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.tokenHash, tokenHash))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const { tokenHash: _hidden, ...session } = row.session;
  return { ...session, user: toUser(row.user), grants: toGrantRecords(row.grants) };
}

export async function touchSession(db: Executor, sessionId: string, lastSeenAt: Date, expiresAt: Date) {
  await db.update(userSessions).set({ lastSeenAt, expiresAt }).where(eq(userSessions.id, sessionId));
}

/** Sessions of a user that are neither revoked nor expired at `now`. */
export async function findLiveSessions(db: Executor, userId: string, now: Date): Promise<SessionRecord[]> {
  const rows = await db
    .select()
    .from(userSessions)
    .where(
      and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)),
    );
  return rows.map(({ tokenHash: _hidden, ...session }) => session);
}

/** Returns whether a live session of that user was revoked. */
export async function revokeSession(
  db: Executor,
  userId: string,
  sessionId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: at })
    .where(
      and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)),
    )
    .returning({ id: userSessions.id });
  return rows.length > 0;
}

export async function revokeAllSessions(db: Executor, userId: string, at: Date, exceptSessionId?: string) {
  await db
    .update(userSessions)
    .set({ revokedAt: at })
    .where(
      and(
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
        exceptSessionId ? ne(userSessions.id, exceptSessionId) : undefined,
      ),
    );
}

export type GrantRecord = {
  id: string;
  role: Role;
  territory: { code: string; kind: TerritoryKind } | undefined;
  companyIds: string[];
};

type GrantJson = {
  id: string;
  role: string;
  territoryCode: string | null;
  territoryKind: string | null;
  companyIds: string[] | null;
};

/** The grants in force of the user in `userId`, as one JSON array (a scalar subquery). */
function activeGrantsOf(userId: SQL | typeof users.id) {
  return sql<GrantJson[] | string | null>`(select coalesce(json_agg(json_build_object(
      'id', g.id, 'role', g.role, 'territoryCode', g.territory_code, 'territoryKind', t.kind,
      'companyIds', array(select gc.company_id from ${roleGrantCompanies} gc where gc.grant_id = g.id)
    )), '[]'::json)
    from ${roleGrants} g left join ${territories} t on t.code = g.territory_code
    where g.user_id = ${userId} and g.revoked_at is null)`;
}

function toGrantRecords(value: GrantJson[] | string | null): GrantRecord[] {
  const grants: GrantJson[] = typeof value === "string" ? JSON.parse(value) : (value ?? []);
  return grants.map((grant) => ({
    id: grant.id,
    role: grant.role as Role,
    territory:
      grant.territoryCode && grant.territoryKind
        ? { code: grant.territoryCode, kind: grant.territoryKind as TerritoryKind }
        : undefined,
    companyIds: grant.companyIds ?? [],
  }));
}

/** Grants in force (not revoked) of a user, with their territory kind and linked companies. */
export async function findActiveGrants(db: Executor, userId: string): Promise<GrantRecord[]> {
  const rows = await db
    .select({
      id: roleGrants.id,
      role: roleGrants.role,
      territoryCode: roleGrants.territoryCode,
      territoryKind: territories.kind,
      companyId: roleGrantCompanies.companyId,
    })
    .from(roleGrants)
    .leftJoin(territories, eq(territories.code, roleGrants.territoryCode))
    .leftJoin(roleGrantCompanies, eq(roleGrantCompanies.grantId, roleGrants.id))
    .where(and(eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)));
  const byId = new Map<string, GrantRecord>();
  for (const row of rows) {
    const grant = byId.get(row.id) ?? {
      id: row.id,
      role: row.role as Role,
      territory:
        row.territoryCode && row.territoryKind
          ? { code: row.territoryCode, kind: row.territoryKind as TerritoryKind }
          : undefined,
      companyIds: [],
    };
    if (row.companyId) grant.companyIds.push(row.companyId);
    byId.set(row.id, grant);
  }
  return [...byId.values()];
}

export type TokenPurpose = "password_reset" | "invitation";

export async function insertOneTimeToken(
  db: Executor,
  token: { userId: string; purpose: TokenPurpose; tokenHash: string; createdAt: Date; expiresAt: Date },
) {
  await db.insert(oneTimeTokens).values(token);
}

export async function findOneTimeToken(db: Executor, tokenHash: string, purpose: TokenPurpose) {
  const rows = await db
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), eq(oneTimeTokens.purpose, purpose)))
    .limit(1);
  return rows[0];
}

/** Marks a token used; false when another request used it first (single use under concurrency). */
export async function markTokenUsed(db: Executor, tokenId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(oneTimeTokens)
    .set({ usedAt: at })
    .where(and(eq(oneTimeTokens.id, tokenId), isNull(oneTimeTokens.usedAt)))
    .returning({ id: oneTimeTokens.id });
  return rows.length > 0;
}

/** Invalidates earlier unused tokens of the same purpose when a new one is sent. */
export async function expireOpenTokens(db: Executor, userId: string, purpose: TokenPurpose, at: Date) {
  await db
    .update(oneTimeTokens)
    .set({ usedAt: at })
    .where(
      and(eq(oneTimeTokens.userId, userId), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)),
    );
}

export async function updateUserProfile(
  db: Database,
  userId: string,
  changes: { displayName?: string | undefined; locale?: "it" | "en" | undefined },
  at: Date,
) {
  await db
    .update(users)
    .set({
      ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
      ...(changes.locale !== undefined ? { locale: changes.locale } : {}),
      updatedAt: at,
    })
    .where(eq(users.id, userId));
}

export async function insertApiToken(
  db: Executor,
  token: { userId: string; name: string; tokenHash: string; createdAt: Date },
) {
  const rows = await db.insert(apiTokens).values(token).returning({ id: apiTokens.id });
  return rows[0]?.id as string;
}

/** The user behind a live API token, with when the token was last used and the user's grants in force. */
export async function findUserByApiTokenHash(db: Executor, tokenHash: string) {
  const rows = await db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      user: userColumns,
      grants: activeGrantsOf(users.id),
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  const row = rows[0];
  return row
    ? {
        tokenId: row.tokenId,
        lastUsedAt: row.lastUsedAt,
        user: toUser(row.user),
        grants: toGrantRecords(row.grants),
      }
    : undefined;
}

export async function touchApiToken(db: Executor, tokenId: string, at: Date) {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, tokenId));
}

export async function findApiTokensOfUser(db: Executor, userId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}

export async function revokeApiToken(
  db: Executor,
  userId: string,
  tokenId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}
