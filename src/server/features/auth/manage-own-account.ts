import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import {
  findLiveSessions,
  findUserById,
  revokeAllSessions,
  revokeSession,
  type SessionRecord,
  updateUserPassword,
  updateUserProfile,
} from "./auth.repo.ts";
import { hashPassword, verifyPassword } from "./credentials.ts";
import type { Principal, RequestMeta } from "./principal.ts";

type Deps = { db: Database; clock: () => Date };

export async function logOut(deps: Deps, principal: Principal, meta: RequestMeta): Promise<void> {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await revokeSession(tx, principal.userId, principal.sessionId, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "logout",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}

export function findMySessions(deps: Deps, principal: Principal): Promise<SessionRecord[]> {
  return findLiveSessions(deps.db, principal.userId, deps.clock());
}

export async function revokeMySession(
  deps: Deps,
  principal: Principal,
  sessionId: string,
  meta: RequestMeta,
) {
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    if (!(await revokeSession(tx, principal.userId, sessionId, now))) {
      throw new AppError("not_found", "No such session among yours.");
    }
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "session.revoked",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      details: { sessionId },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}

export async function updateMyProfile(
  deps: Deps,
  principal: Principal,
  input: { displayName?: string | undefined; locale?: "it" | "en" | undefined },
) {
  await updateUserProfile(deps.db, principal.userId, input, deps.clock());
}

/** Changes the password after checking the current one; the user's other sessions are revoked. */
export async function changeMyPassword(
  deps: Deps,
  principal: Principal,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
) {
  const user = await findUserById(deps.db, principal.userId);
  if (!(await verifyPassword(user?.passwordHash, input.currentPassword))) {
    throw new AppError("validation_failed", "The current password is wrong.", [
      { path: "body.currentPassword", message: "wrong password" },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await updateUserPassword(tx, principal.userId, passwordHash, now);
    await revokeAllSessions(tx, principal.userId, now, principal.sessionId);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "password.changed",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}
