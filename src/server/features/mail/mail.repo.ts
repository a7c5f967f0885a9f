import { desc, lt } from "drizzle-orm";
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

/** Newest first, `limit` at a time, before the given creation time (keyset). */
export async function findOutboundEmails(
  db: Database,
  options: { limit: number; before?: Date },
): Promise<OutboundEmail[]> {
  const rows = await db
    .select()
    .from(outboundEmails)
    .where(options.before ? lt(outboundEmails.createdAt, options.before) : undefined)
    .orderBy(desc(outboundEmails.createdAt))
    .limit(options.limit);
  return rows.map((row) => ({ ...row, status: row.status as OutboundEmail["status"] }));
}
