import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { renderEmail } from "../../mail/templates.ts";
import { authPolicy } from "../auth/auth-policy.ts";
import { sendEmail } from "../mail/send-email.ts";
import { findActiveAdministrators, findGrantsToRemind, markGrantsReminded } from "./users.repo.ts";

const remindAgainAfterDays = 30;

/**
 * Emails every active administrator the grants not reviewed for six months; a grant is reminded
 * again at most every 30 days until someone reviews or revokes it. Returns how many were due.
 */
export async function remindGrantReviews(deps: {
  db: Database;
  clock: () => Date;
  mailer: Mailer;
  logger: Logger;
  baseUrl: string;
}): Promise<number> {
  const now = deps.clock();
  const reviewedBefore = new Date(now.getTime());
  reviewedBefore.setUTCMonth(reviewedBefore.getUTCMonth() - authPolicy.grantReviewIntervalMonths);
  const remindedBefore = new Date(now.getTime() - remindAgainAfterDays * 86_400_000);
  const due = await findGrantsToRemind(deps.db, reviewedBefore, remindedBefore);
  if (due.length === 0) return 0;
  const administrators = await findActiveAdministrators(deps.db);
  const list = due
    .map(
      (grant) =>
        `- ${grant.email}: ${grant.role}${grant.territoryCode ? ` @ ${grant.territoryCode}` : ""} (${grant.lastReviewedAt.toISOString().slice(0, 10)})`,
    )
    .join("\n");
  for (const administrator of administrators) {
    await sendEmail(deps, {
      ...renderEmail(
        "grantReviewReminder",
        administrator.locale === "en" ? "en" : "it",
        administrator.email,
        {
          name: administrator.displayName,
          count: String(due.length),
          list,
          link: `${deps.baseUrl}/admin/users?reviewDue=true`,
        },
      ),
      purpose: "grant_review_reminder",
    });
  }
  await markGrantsReminded(
    deps.db,
    due.map((grant) => grant.grantId),
    now,
  );
  return due.length;
}
