import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import type { Mailer } from "../../mail/mailer.ts";
import { renderEmail } from "../../mail/templates.ts";
import { countRecentAuditEvents, insertAuditEvent } from "../audit/audit.repo.ts";
import { sendEmail } from "../mail/send-email.ts";
import { expireOpenTokens, findUserByEmail, insertOneTimeToken } from "./auth.repo.ts";
import { authPolicy, minutesLater } from "./auth-policy.ts";
import { generateSecret, hashSecret } from "./credentials.ts";
import type { RequestMeta } from "./principal.ts";
import { refuseThrottled } from "./refuse-throttled.ts";

/** The requests an address is counted for, whatever address it typed. */
const requestActions = [
  "password_reset.requested",
  "password_reset.requested_unknown",
  "password_reset.throttled",
] as const;

/**
 * Emails a single-use reset link to an active account. The answer is the same whether or not
 * the address has an account, so the form cannot be used to discover who uses SECTOR. Past the
 * policy's limits an address is refused for a while (whatever it typed), and an account receives
 * no further email for a while (with the same answer as ever); both are audited.
 */
export async function requestPasswordReset(
  deps: { db: Database; clock: () => Date; mailer: Mailer; logger: Logger; baseUrl: string },
  input: { email: string },
  meta: RequestMeta,
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const ipAddress = meta.ipAddress ?? "unknown";
  const now = deps.clock();
  const addressWindowStart = minutesLater(now, -authPolicy.throttleWindowMinutes);
  const byAddress = await countRecentAuditEvents(deps.db, { ipAddress }, requestActions, addressWindowStart);
  if (byAddress.count >= authPolicy.maximumPasswordResetRequestsPerAddress) {
    await refuseThrottled(
      deps.db,
      { action: "password_reset.throttled", actorEmail: email, ipAddress, requestId: meta.requestId },
      now,
      [byAddress.oldestAt ?? now],
      "Too many password-reset requests from this address. Wait a few minutes and try again.",
    );
  }
  const user = await findUserByEmail(deps.db, email);
  if (user?.status !== "active") {
    await insertAuditEvent(deps.db, {
      occurredAt: now,
      action: "password_reset.requested_unknown",
      actorEmail: email,
      ipAddress,
      requestId: meta.requestId,
    });
    return;
  }
  const accountWindowStart = minutesLater(now, -authPolicy.passwordResetWindowMinutes);
  const byAccount = await countRecentAuditEvents(
    deps.db,
    { actorUserId: user.id },
    ["password_reset.requested"],
    accountWindowStart,
  );
  if (byAccount.count >= authPolicy.maximumPasswordResetsPerAccount) {
    await insertAuditEvent(deps.db, {
      occurredAt: now,
      action: "password_reset.throttled",
      actorUserId: user.id,
      actorEmail: user.email,
      ipAddress,
      requestId: meta.requestId,
    });
    return;
  }
  const token = generateSecret();
  await deps.db.transaction(async (tx) => {
    await expireOpenTokens(tx, user.id, "password_reset", now);
    await insertOneTimeToken(tx, {
      userId: user.id,
      purpose: "password_reset",
      tokenHash: hashSecret(token),
      createdAt: now,
      expiresAt: minutesLater(now, authPolicy.passwordResetLifetimeMinutes),
    });
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "password_reset.requested",
      actorUserId: user.id,
      actorEmail: user.email,
      ipAddress,
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
