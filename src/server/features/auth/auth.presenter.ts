import type { CurrentUser, Session } from "../../../contracts/auth.ts";
import type { SessionRecord } from "./auth.repo.ts";
import type { Principal } from "./principal.ts";

export function presentCurrentUser(principal: Principal): CurrentUser {
  return {
    id: principal.userId,
    email: principal.email,
    displayName: principal.displayName,
    locale: principal.locale,
    csrfToken: principal.csrfToken,
    grants: principal.grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      territory: grant.territory ?? null,
      companyIds: [...(grant.companyIds ?? [])],
    })),
  };
}

export function presentSession(session: SessionRecord, currentSessionId: string): Session {
  return {
    id: session.id,
    createdAt: session.createdAt.toISOString(),
    lastSeenAt: session.lastSeenAt.toISOString(),
    expiresAt: session.expiresAt.toISOString(),
    ipAddress: session.ipAddress,
    userAgent: session.userAgent,
    isCurrent: session.id === currentSessionId,
  };
}
