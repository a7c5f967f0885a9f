import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import {
  findApiTokensOfUser,
  findUserByApiTokenHash,
  findUserByEmail,
  insertApiToken,
  revokeApiToken,
  touchApiToken,
} from "./auth.repo.ts";
import { authPolicy } from "./auth-policy.ts";
import { generateSecret, hashSecret } from "./credentials.ts";
import type { Principal, RequestMeta } from "./principal.ts";

export const apiTokenPrefix = "sector_";

type Deps = { db: Database; clock: () => Date };

/** Creates a personal API token; the secret is shown once, only its hash is kept. */
export async function createApiToken(
  deps: Deps,
  owner: { userId: string; email: string },
  name: string,
  meta: RequestMeta,
) {
  const secret = `${apiTokenPrefix}${generateSecret()}`;
  const now = deps.clock();
  const id = await deps.db.transaction(async (tx) => {
    const tokenId = await insertApiToken(tx, {
      userId: owner.userId,
      name,
      tokenHash: hashSecret(secret),
      createdAt: now,
    });
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "api_token.created",
      actorUserId: owner.userId,
      actorEmail: owner.email,
      details: { tokenId, name },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
    return tokenId;
  });
  return { id, name, secret };
}

/** For the CLI: a token for an account named by email (the operator has the database in hand). */
export async function createApiTokenForEmail(deps: Deps, email: string, name: string) {
  const user = await findUserByEmail(deps.db, email.trim().toLowerCase());
  if (user?.status !== "active") throw new AppError("not_found", `No active account with email ${email}.`);
  return createApiToken(deps, { userId: user.id, email: user.email }, name, {
    ipAddress: "cli",
    requestId: undefined,
  });
}

/**
 * Resolves `Authorization: Bearer sector_…` to its user and grants (no CSRF token: no cookie is
 * involved), in one statement. The token's last use is written at most once a minute, as sessions.
 */
export async function authenticateApiToken(deps: Deps, secret: string): Promise<Principal | undefined> {
  if (!secret.startsWith(apiTokenPrefix)) return undefined;
  const found = await findUserByApiTokenHash(deps.db, hashSecret(secret));
  if (found?.user.status !== "active") return undefined;
  const now = deps.clock();
  if (
    !found.lastUsedAt ||
    now.getTime() - found.lastUsedAt.getTime() >= authPolicy.apiTokenTouchIntervalSeconds * 1000
  ) {
    await touchApiToken(deps.db, found.tokenId, now);
  }
  const grants = found.grants;
  return {
    userId: found.user.id,
    email: found.user.email,
    displayName: found.user.displayName,
    locale: found.user.locale,
    sessionId: `api-token:${found.tokenId}`,
    csrfToken: "",
    grants: grants.map((grant) => ({
      id: grant.id,
      role: grant.role,
      ...(grant.territory ? { territory: grant.territory } : {}),
      ...(grant.companyIds.length > 0 ? { companyIds: grant.companyIds } : {}),
    })),
  };
}

export function findMyApiTokens(deps: Deps, principal: Principal) {
  return findApiTokensOfUser(deps.db, principal.userId);
}

export async function revokeMyApiToken(deps: Deps, principal: Principal, tokenId: string) {
  if (!(await revokeApiToken(deps.db, principal.userId, tokenId, deps.clock()))) {
    throw new AppError("not_found", "No such token among yours.");
  }
}
