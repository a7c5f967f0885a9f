import type { Database } from "../../db/client.ts";
import { findSessionByTokenHash, touchSession } from "./auth.repo.ts";
import { authPolicy, type SessionPolicy } from "./auth-policy.ts";
import { hashSecret } from "./credentials.ts";
import type { Principal } from "./principal.ts";

/**
 * Resolves a session cookie to its user and grants, or undefined when the session is unknown,
 * revoked, idle too long, past its absolute lifetime, or its user is no longer active. Each use
 * pushes the idle expiry forward (sliding), never past the absolute one. One statement reads the
 * session, its user and the grants in force; the expiry is written at most once a minute.
 */
export async function authenticateSession(
  deps: { db: Database; clock: () => Date; sessionPolicy: SessionPolicy },
  sessionToken: string,
): Promise<Principal | undefined> {
  const now = deps.clock();
  const session = await findSessionByTokenHash(deps.db, hashSecret(sessionToken));
  if (!session || session.revokedAt || session.expiresAt <= now || session.absoluteExpiresAt <= now)
    return undefined;
  if (session.user.status !== "active") return undefined;
  if (now.getTime() - session.lastSeenAt.getTime() >= authPolicy.sessionTouchIntervalSeconds * 1000) {
    const idleExpiresAt = new Date(now.getTime() + deps.sessionPolicy.idleMinutes * 60_000);
    await touchSession(
      deps.db,
      session.id,
      now,
      idleExpiresAt < session.absoluteExpiresAt ? idleExpiresAt : session.absoluteExpiresAt,
    );
  }
  const grants = session.grants;
  return {
    userId: session.userId,
    email: session.user.email,
    displayName: session.user.displayName,
    locale: session.user.locale,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    grants: grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      ...(grant.territory ? { territory: grant.territory } : {}),
      ...(grant.companyIds.length > 0 ? { companyIds: grant.companyIds } : {}),
    })),
  };
}
