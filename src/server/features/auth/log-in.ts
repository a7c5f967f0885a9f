import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import {
  findRecentFailures,
  findUserByEmail,
  insertLoginAttempt,
  insertSession,
  recordLastLogin,
} from "./auth.repo.ts";
import { authPolicy, minutesLater, type SessionPolicy } from "./auth-policy.ts";
import { generateSecret, hashSecret, verifyPassword } from "./credentials.ts";
import type { RequestMeta } from "./principal.ts";
import { refuseThrottled } from "./refuse-throttled.ts";

export type LogInResult = {
  sessionToken: string;
  csrfToken: string;
  absoluteExpiresAt: Date;
  userId: string;
};

/**
 * Checks the password (argon2id) and opens a server-side session. Failed attempts are counted per
 * account and per address; past the policy's limits further attempts are refused for a while.
 */
export async function logIn(
  deps: { db: Database; clock: () => Date; sessionPolicy: SessionPolicy },
  input: { email: string; password: string; userAgent: string | undefined },
  meta: RequestMeta,
): Promise<LogInResult> {
  const email = input.email.trim().toLowerCase();
  const ipAddress = meta.ipAddress ?? "unknown";
  const now = deps.clock();
  const windowStart = minutesLater(now, -authPolicy.throttleWindowMinutes);
  const [byAccount, byAddress] = await Promise.all([
    findRecentFailures(deps.db, { email }, windowStart),
    findRecentFailures(deps.db, { ipAddress }, windowStart),
  ]);
  const blocking = [
    byAccount.count >= authPolicy.maximumFailuresPerAccount ? byAccount.oldestAt : null,
    byAddress.count >= authPolicy.maximumFailuresPerAddress ? byAddress.oldestAt : null,
  ].filter((at): at is Date => at !== null);
  if (blocking.length > 0) {
    await refuseThrottled(
      deps.db,
      { action: "login.throttled", actorEmail: email, ipAddress, requestId: meta.requestId },
      now,
      blocking,
      "Too many failed sign-in attempts. Wait a few minutes and try again.",
    );
  }

  const user = await findUserByEmail(deps.db, email);
  const isPasswordRight = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !isPasswordRight || user.status === "invited") {
    await deps.db.transaction(async (tx) => {
      await insertLoginAttempt(tx, { email, ipAddress, isSuccess: false, attemptedAt: now });
      await insertAuditEvent(tx, {
        occurredAt: now,
        action: "login.failed",
        actorUserId: user?.id,
        actorEmail: email,
        ipAddress,
        requestId: meta.requestId,
      });
    });
    throw new AppError("unauthenticated", "The email or the password is wrong.");
  }
  if (user.status === "locked") {
    await insertAuditEvent(deps.db, {
      occurredAt: now,
      action: "login.failed",
      actorUserId: user.id,
      actorEmail: email,
      ipAddress,
      requestId: meta.requestId,
      details: { cause: "account_locked" },
    });
    throw new AppError("forbidden", "This account is locked. Ask an administrator to unlock it.");
  }

  const sessionToken = generateSecret();
  const csrfToken = generateSecret();
  const absoluteExpiresAt = minutesLater(now, deps.sessionPolicy.absoluteDays * 24 * 60);
  const idleExpiresAt = minutesLater(now, deps.sessionPolicy.idleMinutes);
  await deps.db.transaction(async (tx) => {
    await insertSession(tx, {
      tokenHash: hashSecret(sessionToken),
      userId: user.id,
      csrfToken,
      ipAddress,
      userAgent: input.userAgent?.slice(0, 500) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(Math.min(idleExpiresAt.getTime(), absoluteExpiresAt.getTime())),
      absoluteExpiresAt,
    });
    await insertLoginAttempt(tx, { email, ipAddress, isSuccess: true, attemptedAt: now });
    await recordLastLogin(tx, user.id, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "login.succeeded",
      actorUserId: user.id,
      actorEmail: email,
      ipAddress,
      requestId: meta.requestId,
    });
  });
  return { sessionToken, csrfToken, absoluteExpiresAt, userId: user.id };
}
