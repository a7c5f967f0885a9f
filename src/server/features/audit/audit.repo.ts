import { and, count, desc, eq, gte, ilike, inArray, lt, lte, min, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { AuditAction, AuditEventFilter } from "../../../contracts/audit.ts";
import type { Database } from "../../db/client.ts";
import { auditEvents, companies, users } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select">;

export type AuditEventInput = {
  occurredAt: Date;
  action: AuditAction;
  actorUserId?: string | undefined;
  actorEmail?: string | undefined;
  companyId?: string | undefined;
  subjectUserId?: string | undefined;
  reason?: string | undefined;
  details?: Record<string, unknown>;
  ipAddress?: string | undefined;
  requestId?: string | undefined;
};

export type AuditEventRow = {
  id: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  action: AuditAction;
  companyId: string | null;
  companyName: string | null;
  subjectUserId: string | null;
  subjectEmail: string | null;
  reason: string | null;
  details: Record<string, unknown>;
  ipAddress: string | null;
  requestId: string | null;
};

/** The only write path to the audit log: an insert. There is no update or delete in code. */
export async function insertAuditEvent(executor: Executor, event: AuditEventInput): Promise<void> {
  await executor.insert(auditEvents).values({
    occurredAt: event.occurredAt,
    action: event.action,
    actorUserId: event.actorUserId ?? null,
    actorEmail: event.actorEmail ?? null,
    companyId: event.companyId ?? null,
    subjectUserId: event.subjectUserId ?? null,
    reason: event.reason ?? null,
    details: event.details ?? {},
    ipAddress: event.ipAddress ?? null,
    requestId: event.requestId ?? null,
  });
}

/** How many events of the given actions an address or a user caused since `since`, and the oldest one's time. */
export async function countRecentAuditEvents(
  executor: Executor,
  key: { ipAddress: string } | { actorUserId: string },
  actions: readonly AuditAction[],
  since: Date,
): Promise<{ count: number; oldestAt: Date | null }> {
  const keyCondition =
    "ipAddress" in key
      ? eq(auditEvents.ipAddress, key.ipAddress)
      : eq(auditEvents.actorUserId, key.actorUserId);
  const rows = await executor
    .select({ count: count(), oldestAt: min(auditEvents.occurredAt) })
    .from(auditEvents)
    .where(and(keyCondition, inArray(auditEvents.action, [...actions]), gte(auditEvents.occurredAt, since)));
  return { count: Number(rows[0]?.count ?? 0), oldestAt: rows[0]?.oldestAt ?? null };
}

function filterConditions(filter: AuditEventFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.actor)
    conditions.push(ilike(auditEvents.actorEmail, `%${filter.actor.replace(/[%_\\]/g, "\\$&")}%`));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.companyId) conditions.push(eq(auditEvents.companyId, filter.companyId));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, new Date(filter.from)));
  if (filter.to) conditions.push(lte(auditEvents.occurredAt, new Date(filter.to)));
  return conditions;
}

/** Newest first; `before` is the keyset cursor (an event id). */
export async function findAuditEvents(
  db: Database,
  filter: AuditEventFilter,
  page: { limit: number; before?: number | undefined },
): Promise<AuditEventRow[]> {
  const subjects = alias(users, "subjects");
  const conditions = filterConditions(filter);
  if (page.before) conditions.push(lt(auditEvents.id, page.before));
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      actorUserId: auditEvents.actorUserId,
      actorEmail: auditEvents.actorEmail,
      action: auditEvents.action,
      companyId: auditEvents.companyId,
      companyName: companies.name,
      subjectUserId: auditEvents.subjectUserId,
      subjectEmail: subjects.email,
      reason: auditEvents.reason,
      details: auditEvents.details,
      ipAddress: auditEvents.ipAddress,
      requestId: auditEvents.requestId,
    })
    .from(auditEvents)
    .leftJoin(companies, eq(companies.id, auditEvents.companyId))
    .leftJoin(subjects, eq(subjects.id, auditEvents.subjectUserId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(page.limit);
  return rows.map((row) => ({
    ...row,
    action: row.action as AuditAction,
    details: (row.details ?? {}) as Record<string, unknown>,
  }));
}
