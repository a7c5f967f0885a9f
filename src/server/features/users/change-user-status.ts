import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import { findUserById, revokeAllSessions } from "../auth/auth.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { setUserStatus } from "./users.repo.ts";

type Deps = { db: Database; clock: () => Date };

/** Locks an account: its sessions end at once and it cannot sign in until unlocked. */
export async function lockUser(
  deps: Deps,
  actor: Principal,
  userId: string,
  reason: string,
  meta: RequestMeta,
) {
  if (userId === actor.userId) throw new AppError("conflict", "You cannot lock your own account.");
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError("not_found", "No such user.");
  if (user.status === "locked") throw new AppError("conflict", "This account is already locked.");
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await setUserStatus(tx, userId, "locked", reason, now);
    await revokeAllSessions(tx, userId, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "user.locked",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      subjectUserId: userId,
      reason,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}

/** Unlocks an account: active again if it has a password, otherwise back to invited. */
export async function unlockUser(deps: Deps, actor: Principal, userId: string, meta: RequestMeta) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError("not_found", "No such user.");
  if (user.status !== "locked") throw new AppError("conflict", "This account is not locked.");
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await setUserStatus(tx, userId, user.passwordHash ? "active" : "invited", null, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "user.unlocked",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      subjectUserId: userId,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}
