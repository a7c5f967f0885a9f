import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { renderEmail } from "../../mail/templates.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import { sendEmail } from "../mail/send-email.ts";
import { expireOpenTokens, findUserByEmail, insertOneTimeToken } from "./auth.repo.ts";
import { authPolicy } from "./auth-policy.ts";
import { generateSecret, hashSecret } from "./credentials.ts";
import type { RequestMeta } from "./principal.ts";

/**
 * Emails a single-use reset link to an active account. The answer is the same whether or not
 * the address has an account, so the form cannot be used to discover who uses SECTOR.
 */
export async function requestPasswordReset(
  deps: { db: Database; clock: () => Date; mailer: Mailer; logger: Logger; baseUrl: string },
  input: { email: string },
  meta: RequestMeta,
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(deps.db, email);
  if (user?.status !== "active") return;
  const now = deps.clock();
  const token = generateSecret();
  await deps.db.transaction(async (tx) => {
    await expireOpenTokens(tx, user.id, "password_reset", now);
    await insertOneTimeToken(tx, {
      userId: user.id,
      purpose: "password_reset",
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + authPolicy.passwordResetLifetimeMinutes * 60_000),
    });
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "password_reset.requested",
      actorUserId: user.id,
      actorEmail: user.email,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
  const link = `${deps.baseUrl}/reset-password?token=${encodeURIComponent(token)}`;
  await sendEmail(deps, {
    ...renderEmail("passwordReset", user.locale, user.email, {
      name: user.displayName,
      link,
      hours: String(Math.round(authPolicy.passwordResetLifetimeMinutes / 60)),
    }),
    purpose: "password_reset",
  });
}
