import { sendEmail } from "../mail/send-email.ts";
import type { NotifyDeps } from "./deliver-new-notifications.ts";
import { createGrantLoader } from "./load-follower-grants.ts";
import { renderNotificationEmail } from "./notification-emails.ts";
import { findRecipients, findUserIdsWithPendingEmails, updateEmailStatus } from "./notifications.repo.ts";
import { claimEmailableNotifications } from "./select-visible-notifications.ts";

/**
 * Emails, one by one, the pending notifications of users who want each at once (those stored by
 * scoring or a series import, which run without the mail path). Digest users are left to the daily
 * digest; a user no longer active, or a company no longer in scope, gets nothing (marked skipped).
 */
export async function deliverPendingNotifications(deps: NotifyDeps): Promise<{ emails: number }> {
  const now = deps.clock();
  const recipients = await findRecipients(deps.db, await findUserIdsWithPendingEmails(deps.db, now));
  const grantsOf = createGrantLoader(deps.db);
  let emails = 0;
  for (const recipient of recipients) {
    if (recipient.delivery === "digest") continue;
    const included = await claimEmailableNotifications(deps.db, grantsOf, recipient, now);
    for (const { row, content } of included) {
      const status = await sendEmail(deps, {
        ...renderNotificationEmail(recipient.locale, recipient, content, deps.baseUrl),
        purpose: `notification_${content.kind}`,
      });
      if (status === "failed") await updateEmailStatus(deps.db, [row.id], "failed", null);
      else emails += 1;
    }
  }
  return { emails };
}

/**
 * Runs `deliverPendingNotifications` every `intervalSeconds` in the server process (never two runs
 * at once); returns how to stop it. Errors are logged and the next run tries again.
 */
export function startPendingNotificationDelivery(deps: NotifyDeps, intervalSeconds: number): () => void {
  let isRunning = false;
  const timer = setInterval(() => {
    if (isRunning) return;
    isRunning = true;
    deliverPendingNotifications(deps)
      .then((result) => {
        if (result.emails > 0) deps.logger.info("notification emails sent", result);
      })
      .catch((error: unknown) => deps.logger.error("notification delivery failed", { err: error }))
      .finally(() => {
        isRunning = false;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
