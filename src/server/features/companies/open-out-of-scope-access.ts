import { decideCompanyAccess } from "../../../domain/access/decide-company-access.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { findCompany, insertOutOfScopeAccess } from "./companies.repo.ts";

/**
 * Opens a time-limited access to one company's confidential data for a territorial role outside
 * its scope, recorded with the stated reason in the audit log.
 */
export async function openOutOfScopeAccess(
  deps: { db: Database; clock: () => Date; accessHours: number },
  principal: Principal,
  companyId: string,
  reason: string,
  meta: RequestMeta,
): Promise<{ companyId: string; reason: string; grantedAt: Date; expiresAt: Date }> {
  const company = await findCompany(deps.db, companyId);
  if (!company) throw new AppError("not_found", "No such company.");
  const placement = {
    id: company.id,
    countryCode: company.countryCode,
    nuts3Code: company.nuts3Code ?? undefined,
    districtCode: company.districtCode ?? undefined,
  };
  const decision = decideCompanyAccess({
    grants: principal.grants,
    company: placement,
    kind: "confidential",
    hasOpenOutOfScopeAccess: false,
  });
  if (decision.outcome === "not_found") throw new AppError("not_found", "No such company.");
  if (decision.outcome === "allowed") {
    throw new AppError("conflict", "This company is already within your scope; no reason is needed.");
  }
  const grantedAt = deps.clock();
  const expiresAt = new Date(grantedAt.getTime() + deps.accessHours * 3_600_000);
  await deps.db.transaction(async (tx) => {
    await insertOutOfScopeAccess(tx, { userId: principal.userId, companyId, reason, grantedAt, expiresAt });
    await insertAuditEvent(tx, {
      occurredAt: grantedAt,
      action: "out_of_scope.opened",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      companyId,
      reason,
      details: { expiresAt: expiresAt.toISOString() },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
  return { companyId, reason, grantedAt, expiresAt };
}
