import { canNotifyAboutCompany } from "../../../domain/notifications/can-notify-about-company.ts";
import type { Database } from "../../db/client.ts";
import type { createGrantLoader } from "./load-follower-grants.ts";
import type { NotificationContent } from "./notification-emails.ts";
import { readNotificationContent } from "./notifications.presenter.ts";
import {
  claimPendingNotifications,
  findCompanyPlacements,
  type NotificationRow,
  type Recipient,
  updateEmailStatus,
} from "./notifications.repo.ts";

/**
 * Splits a user's claimed notifications into those the user may still be emailed about (district
 * alarms, and companies still in the user's scope) and the ids of the others.
 */
export async function selectVisibleNotifications(
  db: Database,
  grantsOf: ReturnType<typeof createGrantLoader>,
  userId: string,
  claimed: NotificationRow[],
): Promise<{ included: { row: NotificationRow; content: NotificationContent }[]; left: string[] }> {
  const companyIds = [...new Set(claimed.flatMap((row) => (row.companyId ? [row.companyId] : [])))];
  const placements = new Map(
    (await findCompanyPlacements(db, companyIds)).map((company) => [company.id, company]),
  );
  const grants = await grantsOf(userId);
  const included: { row: NotificationRow; content: NotificationContent }[] = [];
  const left: string[] = [];
  for (const row of claimed) {
    const content = readNotificationContent(row);
    const company = row.companyId ? placements.get(row.companyId) : undefined;
    const isVisible =
      content !== undefined &&
      (content.kind === "district_alarm" ||
        (company !== undefined &&
          canNotifyAboutCompany(grants, {
            id: company.id,
            countryCode: company.countryCode,
            nuts3Code: company.nuts3Code ?? undefined,
            districtCode: company.districtCode ?? undefined,
          })));
    if (content && isVisible) included.push({ row, content });
    else left.push(row.id);
  }
  return { included, left };
}

/**
 * Claims a user's pending notifications (up to `now`) for an email: nothing to send for users no
 * longer active or wanting no email (marked skipped); otherwise the ones still visible to the user,
 * marked sent (the caller marks failures), the others marked skipped.
 */
export async function claimEmailableNotifications(
  db: Database,
  grantsOf: ReturnType<typeof createGrantLoader>,
  recipient: Recipient,
  now: Date,
): Promise<{ row: NotificationRow; content: NotificationContent }[]> {
  if (!recipient.isActive || recipient.delivery === "none") {
    await claimPendingNotifications(db, recipient.userId, now, { emailStatus: "skipped", emailedAt: null });
    return [];
  }
  const claimed = await claimPendingNotifications(db, recipient.userId, now, {
    emailStatus: "sent",
    emailedAt: now,
  });
  const { included, left } = await selectVisibleNotifications(db, grantsOf, recipient.userId, claimed);
  await updateEmailStatus(db, left, "skipped", null);
  return included;
}
