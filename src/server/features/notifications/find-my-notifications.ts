import type { Notification, NotificationListQuery } from "../../../contracts/notifications.ts";
import { canNotifyAboutCompany } from "../../../domain/notifications/can-notify-about-company.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Principal } from "../auth/principal.ts";
import { presentNotification, readNotificationContent } from "./notifications.presenter.ts";
import {
  countUnreadByCompany,
  findCompanyPlacements,
  findNotificationRows,
  type NotificationCursor,
} from "./notifications.repo.ts";

function encodeCursor(cursor: NotificationCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): NotificationCursor {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as NotificationCursor;
    if (
      typeof value.id === "string" &&
      /^[0-9a-f-]{36}$/i.test(value.id) &&
      typeof value.createdAt === "string" &&
      !Number.isNaN(Date.parse(value.createdAt))
    )
      return value;
  } catch {
    // fall through to the error below
  }
  throw new AppError("validation_failed", "The page cursor is not valid; start from the first page.", [
    { path: "query.after", message: "invalid cursor" },
  ]);
}

/**
 * The signed-in user's notifications, newest first, a page at a time, with the unread count. A
 * company notification is shown only while the company is still in the user's scope: its alert
 * level is confidential, and losing a grant takes the feed with it.
 */
export async function findMyNotifications(
  deps: { db: Database },
  principal: Principal,
  query: NotificationListQuery,
): Promise<{ items: Notification[]; unreadCount: number; nextAfter: string | null }> {
  const rows = await findNotificationRows(deps.db, principal.userId, {
    isUnreadOnly: query.status === "unread",
    limit: query.limit + 1,
    after: query.after ? decodeCursor(query.after) : undefined,
  });
  const page = rows.slice(0, query.limit);
  const unread = await countUnreadByCompany(deps.db, principal.userId);
  const companyIds = [
    ...new Set([...page, ...unread].flatMap((row) => (row.companyId ? [row.companyId] : []))),
  ];
  const visibleCompanyIds = new Set(
    (await findCompanyPlacements(deps.db, companyIds))
      .filter((company) =>
        canNotifyAboutCompany(principal.grants, {
          id: company.id,
          countryCode: company.countryCode,
          nuts3Code: company.nuts3Code ?? undefined,
          districtCode: company.districtCode ?? undefined,
        }),
      )
      .map((company) => company.id),
  );
  const isVisible = (companyId: string | null) => companyId === null || visibleCompanyIds.has(companyId);
  const items = page.flatMap((row) => {
    const content = isVisible(row.companyId) ? readNotificationContent(row) : undefined;
    return content ? [presentNotification(row, content)] : [];
  });
  const last = page.at(-1);
  return {
    items,
    unreadCount: unread.reduce((total, group) => total + (isVisible(group.companyId) ? group.count : 0), 0),
    nextAfter:
      rows.length > query.limit && last
        ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id })
        : null,
  };
}
