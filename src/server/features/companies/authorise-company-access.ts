import { type DataKind, decideCompanyAccess } from "../../../domain/access/decide-company-access.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { type CompanyRecord, findCompany, findOpenOutOfScopeAccess } from "./companies.repo.ts";

export type AuthorisedCompany = {
  company: CompanyRecord;
  basis: "territorial_scope" | "linked" | "public_register" | "out_of_scope_access";
};

/**
 * The gate every read of company data goes through. Not visible → 404 (the company "does not
 * exist"); confidential data outside scope without an open access → 403 reason_required; a
 * confidential read under an out-of-scope access is written to the audit log with its reason.
 */
export async function authoriseCompanyAccess(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
  companyId: string,
  kind: DataKind,
  meta: RequestMeta & { what: string },
): Promise<AuthorisedCompany> {
  const now = deps.clock();
  const company = await findCompany(deps.db, companyId);
  const notFound = new AppError("not_found", "No such company.");
  if (!company) throw notFound;
  const openAccess = await findOpenOutOfScopeAccess(deps.db, principal.userId, companyId, now);
  const decision = decideCompanyAccess({
    grants: principal.grants,
    company: {
      id: company.id,
      countryCode: company.countryCode,
      nuts3Code: company.nuts3Code ?? undefined,
      districtCode: company.districtCode ?? undefined,
    },
    kind,
    hasOpenOutOfScopeAccess: openAccess !== undefined,
  });
  if (decision.outcome === "not_found") throw notFound;
  if (decision.outcome === "reason_required") {
    throw new AppError(
      "reason_required",
      "This company is outside your territorial scope: state why you need its confidential data to open a time-limited access.",
    );
  }
  if (decision.basis === "out_of_scope_access" && kind === "confidential" && openAccess) {
    await insertAuditEvent(deps.db, {
      occurredAt: now,
      action: "confidential.read",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      companyId,
      reason: openAccess.reason,
      details: { what: meta.what, accessExpiresAt: openAccess.expiresAt.toISOString() },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  }
  return { company, basis: decision.basis };
}
