import { sendEmail } from "../mail/send-email.ts";
import type { NotifyDeps } from "./deliver-new-notifications.ts";
import { createGrantLoader } from "./load-follower-grants.ts";
import { renderDigestEmail } from "./notification-emails.ts";
import { findRecipients, findUserIdsWithPendingEmails, updateEmailStatus } from "./notifications.repo.ts";
import { claimEmailableNotifications } from "./select-visible-notifications.ts";

/**
 * The daily digest: one email per user with every notification still waiting for its email
 * (created up to `now`), oldest first. Users who chose no email, or are no longer active, get none
 * and their notifications are marked skipped; so are company notifications the user may no
 * longer see. A failed delivery marks the notifications failed.
 */
export async function sendNotificationDigests(
  deps: NotifyDeps,
  now: Date,
): Promise<{ emails: number; notifications: number }> {
  const recipients = await findRecipients(deps.db, await findUserIdsWithPendingEmails(deps.db, now));
  const grantsOf = createGrantLoader(deps.db);
  let emails = 0;
  let notifications = 0;
  for (const recipient of recipients) {
    const included = await claimEmailableNotifications(deps.db, grantsOf, recipient, now);
    if (included.length === 0) continue;
    const status = await sendEmail(deps, {
      ...renderDigestEmail(
        recipient.locale,
        recipient,
        included.map((entry) => entry.content),
        deps.baseUrl,
      ),
      purpose: "notification_digest",
    });
    if (status === "failed") {
      await updateEmailStatus(
        deps.db,
        included.map((entry) => entry.row.id),
        "failed",
        null,
      );
      continue;
    }
    emails += 1;
    notifications += included.length;
  }
  return { emails, notifications };
}
