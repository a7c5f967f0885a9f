import { and, desc, eq, lt, or } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { outboundEmails } from "../../db/schema.ts";

export type OutboundEmail = {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  purpose: string;
  status: "outbox" | "sent" | "failed";
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export async function insertOutboundEmail(db: Database, email: Omit<OutboundEmail, "id">): Promise<void> {
  await db.insert(outboundEmails).values(email);
}

/** Where a page of the outbox ends: the last email's creation time and id. */
export type OutboxCursor = { createdAt: Date; id: string };

/**
 * Newest first (ties on the creation time broken by id), `limit` at a time, after the given cursor
 * (keyset on creation time and id, so that emails created in the same millisecond are all listed).
 */
export async function findOutboundEmails(
  db: Database,
  options: { limit: number; before?: OutboxCursor },
): Promise<OutboundEmail[]> {
  const { before } = options;
  const rows = await db
    .select()
    .from(outboundEmails)
    .where(
      before
        ? or(
            lt(outboundEmails.createdAt, before.createdAt),
            and(eq(outboundEmails.createdAt, before.createdAt), lt(outboundEmails.id, before.id)),
          )
        : undefined,
    )
    .orderBy(desc(outboundEmails.createdAt), desc(outboundEmails.id))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, status: row.status as OutboundEmail["status"] }));
}
