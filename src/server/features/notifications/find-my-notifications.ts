import type { Notification, NotificationListQuery } from "../../../contracts/notifications.ts";
import { canNotifyAboutCompany } from "../../../domain/notifications/can-notify-about-company.ts";
import type { Database } from "../../db/client.ts";
import { decodePageCursor, encodePageCursor, isTimeAndIdKey } from "../../http/page-cursor.ts";
import type { Principal } from "../auth/principal.ts";
import { presentNotification, readNotificationContent } from "./notifications.presenter.ts";
import {
  countUnreadByCompany,
  findCompanyPlacements,
  findNotificationRows,
  type NotificationCursor,
} from "./notifications.repo.ts";

const encodeCursor = (cursor: NotificationCursor): string => encodePageCursor(cursor);

const decodeCursor = (text: string): NotificationCursor =>
  decodePageCursor<NotificationCursor>(text, isTimeAndIdKey, "after");

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
