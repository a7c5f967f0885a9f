import type { Role } from "../../../domain/access/roles.ts";
import { validateGrantScope } from "../../../domain/access/validate-grant.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import { findUserById } from "../auth/auth.repo.ts";
import type { RequestMeta } from "../auth/principal.ts";
import {
  findExistingCompanyIds,
  findGrant,
  findTerritoryKind,
  insertGrant,
  markGrantReviewed,
  revokeGrant,
} from "./users.repo.ts";

type Deps = { db: Database; clock: () => Date };
/** Who acts: a signed-in administrator, or the CLI operator (no user). */
export type Actor = { userId: string | null; email: string };

/** Adds a role with its scope to a user; the scope must fit the role and exist. */
export async function grantRole(
  deps: Deps,
  actor: Actor,
  input: { userId: string; role: Role; territoryCode?: string | undefined; companyIds: readonly string[] },
  meta: RequestMeta,
): Promise<string> {
  const problems = validateGrantScope({
    role: input.role,
    territoryCode: input.territoryCode,
    companyIds: input.companyIds,
  });
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      problems.map((problem) => problem.message).join("; "),
      problems.map((problem) => ({ path: `body.${problem.field}`, message: problem.message })),
    );
  }
  if (!(await findUserById(deps.db, input.userId))) throw new AppError("not_found", "No such user.");
  if (input.territoryCode && !(await findTerritoryKind(deps.db, input.territoryCode))) {
    throw new AppError("validation_failed", `Unknown territory ${input.territoryCode}.`, [
      { path: "body.territoryCode", message: "unknown territory" },
    ]);
  }
  const uniqueCompanyIds = [...new Set(input.companyIds)];
  const found = await findExistingCompanyIds(deps.db, uniqueCompanyIds);
  const missing = uniqueCompanyIds.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", `Unknown companies: ${missing.join(", ")}.`, [
      { path: "body.companyIds", message: `unknown: ${missing.join(", ")}` },
    ]);
  }
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const grantId = await insertGrant(tx, {
      userId: input.userId,
      role: input.role,
      territoryCode: input.territoryCode ?? null,
      companyIds: uniqueCompanyIds,
      byUserId: actor.userId,
      at: now,
    });
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "grant.created",
      actorUserId: actor.userId ?? undefined,
      actorEmail: actor.email,
      subjectUserId: input.userId,
      details: {
        grantId,
        role: input.role,
        territoryCode: input.territoryCode ?? null,
        companyIds: uniqueCompanyIds,
      },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
    return grantId;
  });
}

async function getLiveGrant(deps: Deps, grantId: string) {
  const grant = await findGrant(deps.db, grantId);
  if (!grant || grant.revokedAt) throw new AppError("not_found", "No such grant in force.");
  return grant;
}

export async function revokeRoleGrant(
  deps: Deps,
  actor: Actor & { userId: string },
  grantId: string,
  meta: RequestMeta,
) {
  const grant = await getLiveGrant(deps, grantId);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await revokeGrant(tx, grantId, actor.userId, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "grant.revoked",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      subjectUserId: grant.userId,
      details: { grantId, role: grant.role, territoryCode: grant.territoryCode },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}

/** Records that an administrator checked the grant is still needed; restarts its review period. */
export async function reviewRoleGrant(
  deps: Deps,
  actor: Actor & { userId: string },
  grantId: string,
  meta: RequestMeta,
) {
  const grant = await getLiveGrant(deps, grantId);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await markGrantReviewed(tx, grantId, actor.userId, now);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "grant.reviewed",
      actorUserId: actor.userId,
      actorEmail: actor.email,
      subjectUserId: grant.userId,
      details: { grantId, role: grant.role },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
}
