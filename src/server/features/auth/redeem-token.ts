import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import {
  activateUser,
  findOneTimeToken,
  findUserById,
  markTokenUsed,
  revokeAllSessions,
} from "./auth.repo.ts";
import { hashPassword, hashSecret } from "./credentials.ts";
import type { RequestMeta } from "./principal.ts";

/**
 * Uses an emailed token once to set a password: a reset (all sessions are then revoked) or an
 * accepted invitation (the account becomes active). Unknown, used and expired tokens are refused
 * alike.
 */
export async function redeemToken(
  deps: { db: Database; clock: () => Date },
  input: { token: string; password: string; purpose: "password_reset" | "invitation" },
  meta: RequestMeta,
): Promise<{ email: string }> {
  const now = deps.clock();
  const stored = await findOneTimeToken(deps.db, hashSecret(input.token), input.purpose);
  const invalid = new AppError(
    "validation_failed",
    "This link is no longer valid: it was already used or it has expired. Ask for a new one.",
    [{ path: "body.token", message: "invalid or expired" }],
  );
  if (!stored || stored.usedAt || stored.expiresAt <= now) throw invalid;
  const user = await findUserById(deps.db, stored.userId);
  if (!user || (input.purpose === "password_reset" && user.status !== "active")) throw invalid;
  if (input.purpose === "invitation" && user.status !== "invited") throw invalid;
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    if (!(await markTokenUsed(tx, stored.id, now))) throw invalid;
    await activateUser(tx, user.id, passwordHash, now);
    await revokeAllSessions(tx, user.id, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: input.purpose === "invitation" ? "invitation.accepted" : "password_reset.completed",
      actorUserId: user.id,
      actorEmail: user.email,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
  return { email: user.email };
}
