import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { sendEmail } from "../mail/send-email.ts";
import { type NotificationContent, renderNotificationEmail } from "./notification-emails.ts";
import { type EmailStatus, type Recipient, updateEmailStatus } from "./notifications.repo.ts";

/** What the notifying use cases need: the database, the clock, the mail path and the links' base. */
export type NotifyDeps = {
  db: Database;
  clock: () => Date;
  mailer: Mailer;
  logger: Logger;
  /** Base of links in emails (PUBLIC_URL, else the server's own address), as for password resets. */
  baseUrl: string;
};

export type CreatedNotification = { id: string; recipient: Recipient; content: NotificationContent };

/** The email state a new notification starts in: sent at once, kept for the digest, or never. */
export function initialEmailStatus(recipient: Recipient): EmailStatus {
  return recipient.delivery === "none" ? "skipped" : "pending";
}

/**
 * Emails the new notifications of users who want each one at once, after they are stored; a failed
 * delivery is recorded on the notification (and in the outbound log), never thrown.
 */
export async function deliverNewNotifications(
  deps: NotifyDeps,
  created: CreatedNotification[],
): Promise<void> {
  for (const notification of created) {
    if (notification.recipient.delivery !== "immediate") continue;
    const status = await sendEmail(deps, {
      ...renderNotificationEmail(
        notification.recipient.locale,
        notification.recipient,
        notification.content,
        deps.baseUrl,
      ),
      purpose: `notification_${notification.content.kind}`,
    });
    await updateEmailStatus(
      deps.db,
      [notification.id],
      status === "failed" ? "failed" : "sent",
      status === "failed" ? null : deps.clock(),
    );
  }
}
