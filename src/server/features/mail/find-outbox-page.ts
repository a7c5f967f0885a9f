import type { Outbox } from "../../../contracts/mail.ts";
import type { Database } from "../../db/client.ts";
import {
  decodePageCursor,
  encodePageCursor,
  isTimeAndIdKey,
  type TimeAndIdKey,
} from "../../http/page-cursor.ts";
import { findOutboundEmails } from "./mail.repo.ts";

/** The outbox, newest first, `limit` emails at a time before the cursor of the previous page (its last email's creation time and id). */
export async function findOutboxPage(
  deps: { db: Database },
  query: { limit: number; before?: string | undefined },
): Promise<Outbox> {
  const before = query.before && decodePageCursor<TimeAndIdKey>(query.before, isTimeAndIdKey, "before");
  const rows = await findOutboundEmails(deps.db, {
    limit: query.limit + 1,
    ...(before ? { before: { createdAt: new Date(before.createdAt), id: before.id } } : {}),
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((email) => ({
      id: email.id,
      toAddress: email.toAddress,
      subject: email.subject,
      bodyText: email.bodyText,
      purpose: email.purpose,
      status: email.status,
      createdAt: email.createdAt.toISOString(),
    })),
    nextBefore:
      rows.length > query.limit && last
        ? encodePageCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
