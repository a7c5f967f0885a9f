import { and, count, desc, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { companies, districtSeries, follows, notifications, territories, users } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "selectDistinct" | "update">;

export type NotificationDelivery = "immediate" | "digest" | "none";
export type EmailStatus = "pending" | "sent" | "skipped" | "failed";
export type NotificationKind = "company_alert_level" | "district_alarm";

/** A follower, with what the email needs: address, language and delivery preference. */
export type Recipient = {
  userId: string;
  email: string;
  displayName: string;
  locale: "it" | "en";
  delivery: NotificationDelivery;
  isActive: boolean;
};

export type NotificationRow = {
  id: string;
  userId: string;
  kind: NotificationKind;
  companyId: string | null;
  districtCode: string | null;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
  emailStatus: EmailStatus;
};

export type CompanyPlacementRow = {
  id: string;
  name: string;
  countryCode: string;
  nuts3Code: string | null;
  districtCode: string | null;
};

const recipientColumns = {
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  locale: users.locale,
  delivery: users.notificationDelivery,
  status: users.status,
};

function toRecipient(row: {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  delivery: string;
  status: string;
}): Recipient {
  return {
    userId: row.userId,
    email: row.email,
    displayName: row.displayName,
    locale: row.locale === "en" ? "en" : "it",
    delivery: row.delivery as NotificationDelivery,
    isActive: row.status === "active",
  };
}

function toNotification(row: typeof notifications.$inferSelect): NotificationRow {
  return {
    id: row.id,
    userId: row.userId,
    kind: row.kind as NotificationKind,
    companyId: row.companyId,
    districtCode: row.districtCode,
    payload: row.payload,
    createdAt: row.createdAt,
    readAt: row.readAt,
    emailStatus: row.emailStatus as EmailStatus,
  };
}

export async function findCompanyPlacements(
  db: Executor,
  companyIds: string[],
): Promise<CompanyPlacementRow[]> {
  if (companyIds.length === 0) return [];
  return db
    .select({
      id: companies.id,
      name: companies.name,
      countryCode: companies.countryCode,
      nuts3Code: companies.nuts3Code,
      districtCode: companies.districtCode,
    })
    .from(companies)
    .where(inArray(companies.id, companyIds));
}

/** Which of the given companies anyone follows (one query, the ids bound as a single array). */
export async function findFollowedCompanyIds(db: Executor, companyIds: string[]): Promise<Set<string>> {
  if (companyIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ companyId: follows.companyId })
    .from(follows)
    .where(sql`${follows.companyId} = any(${`{${companyIds.join(",")}}`}::uuid[])`);
  return new Set(rows.flatMap((row) => (row.companyId ? [row.companyId] : [])));
}

export async function findCompanyFollowers(db: Executor, companyId: string): Promise<Recipient[]> {
  const rows = await db
    .select(recipientColumns)
    .from(follows)
    .innerJoin(users, eq(users.id, follows.userId))
    .where(eq(follows.companyId, companyId));
  return rows.map(toRecipient);
}

export async function findDistrictFollowers(db: Executor, districtCode: string): Promise<Recipient[]> {
  const rows = await db
    .select(recipientColumns)
    .from(follows)
    .innerJoin(users, eq(users.id, follows.userId))
    .where(eq(follows.districtCode, districtCode));
  return rows.map(toRecipient);
}

export async function findRecipients(db: Executor, userIds: string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db.select(recipientColumns).from(users).where(inArray(users.id, userIds));
  return rows.map(toRecipient);
}

export async function findSeriesTitles(db: Executor, seriesId: string) {
  const rows = await db
    .select({ titleIt: districtSeries.titleIt, titleEn: districtSeries.titleEn })
    .from(districtSeries)
    .where(eq(districtSeries.id, seriesId))
    .limit(1);
  return rows[0];
}

export async function findTerritoryNames(db: Executor, code: string) {
  const rows = await db
    .select({ nameIt: territories.nameIt, nameEn: territories.nameEn })
    .from(territories)
    .where(eq(territories.code, code))
    .limit(1);
  return rows[0];
}

/** Whether the user was already told this change (same company, year, previous and new level). */
export async function hasCompanyAlertNotification(
  db: Executor,
  key: { userId: string; companyId: string; fiscalYear: number; previousLevel: string | null; level: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, key.userId),
        eq(notifications.kind, "company_alert_level"),
        eq(notifications.companyId, key.companyId),
        sql`(${notifications.payload} ->> 'fiscalYear')::int = ${key.fiscalYear}`,
        sql`${notifications.payload} ->> 'level' = ${key.level}`,
        key.previousLevel === null
          ? sql`${notifications.payload} ->> 'previousLevel' is null`
          : sql`${notifications.payload} ->> 'previousLevel' = ${key.previousLevel}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Whether the user was already told that this series entered alarm in this period. */
export async function hasDistrictAlarmNotification(
  db: Executor,
  key: { userId: string; seriesId: string; period: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, key.userId),
        eq(notifications.kind, "district_alarm"),
        sql`${notifications.payload} ->> 'seriesId' = ${key.seriesId}`,
        sql`${notifications.payload} ->> 'period' = ${key.period}`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertNotification(
  db: Executor,
  values: {
    userId: string;
    kind: NotificationKind;
    companyId: string | null;
    districtCode: string | null;
    payload: unknown;
    createdAt: Date;
    emailStatus: EmailStatus;
  },
): Promise<string> {
  const rows = await db.insert(notifications).values(values).returning({ id: notifications.id });
  return rows[0]?.id as string;
}

export async function updateEmailStatus(
  db: Executor,
  notificationIds: string[],
  emailStatus: EmailStatus,
  emailedAt: Date | null,
): Promise<void> {
  if (notificationIds.length === 0) return;
  await db
    .update(notifications)
    .set({ emailStatus, emailedAt })
    .where(inArray(notifications.id, notificationIds));
}

/** Users with notifications still waiting for an email, created up to `upTo`. */
export async function findUserIdsWithPendingEmails(db: Executor, upTo: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.emailStatus, "pending"), lte(notifications.createdAt, upTo)));
  return rows.map((row) => row.userId);
}

/**
 * Moves a user's pending notifications (up to `upTo`) to a new email state and returns them, oldest
 * first. One UPDATE claims them, so two servers sending digests at once cannot both send a row.
 */
export async function claimPendingNotifications(
  db: Executor,
  userId: string,
  upTo: Date,
  next: { emailStatus: EmailStatus; emailedAt: Date | null },
): Promise<NotificationRow[]> {
  const rows = await db
    .update(notifications)
    .set(next)
    .where(
      and(
        eq(notifications.userId, userId),
        eq(notifications.emailStatus, "pending"),
        lte(notifications.createdAt, upTo),
      ),
    )
    .returning();
  return rows.map(toNotification).sort((left, right) => left.createdAt.getTime() - right.createdAt.getTime());
}

export type NotificationCursor = { createdAt: string; id: string };

/** Newest first; `after` is the keyset cursor (creation time and id of the last row shown). */
export async function findNotificationRows(
  db: Executor,
  userId: string,
  page: { isUnreadOnly: boolean; limit: number; after?: NotificationCursor | undefined },
): Promise<NotificationRow[]> {
  const after = page.after
    ? or(
        lt(notifications.createdAt, new Date(page.after.createdAt)),
        and(eq(notifications.createdAt, new Date(page.after.createdAt)), lt(notifications.id, page.after.id)),
      )
    : undefined;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        page.isUnreadOnly ? isNull(notifications.readAt) : undefined,
        after,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(page.limit);
  return rows.map(toNotification);
}

/** Unread notifications of a user per company (`null`: not about a company). */
export async function countUnreadByCompany(
  db: Executor,
  userId: string,
): Promise<{ companyId: string | null; count: number }[]> {
  return db
    .select({ companyId: notifications.companyId, count: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .groupBy(notifications.companyId);
}

/** Marks one of the user's notifications read (kept as first read); false when it is not theirs. */
export async function markNotificationRead(
  db: Executor,
  userId: string,
  notificationId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, notificationId), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

export async function markAllNotificationsRead(db: Executor, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export async function findNotificationDelivery(
  db: Executor,
  userId: string,
): Promise<NotificationDelivery | undefined> {
  const rows = await db
    .select({ delivery: users.notificationDelivery })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return rows[0]?.delivery as NotificationDelivery | undefined;
}

export async function updateNotificationDelivery(
  db: Executor,
  userId: string,
  delivery: NotificationDelivery,
  at: Date,
): Promise<void> {
  await db.update(users).set({ notificationDelivery: delivery, updatedAt: at }).where(eq(users.id, userId));
}
