import { type CompanyPlacement, decideCompanyAccess } from "../access/decide-company-access.ts";
import type { Grant } from "../access/roles.ts";

/**
 * Whether a follower may be told a company's alert level (confidential data): only while the company
 * is inside one of their territorial grants or linked to them. An out-of-scope access does not count:
 * it is opened for one reasoned read, not for a standing feed.
 */
export function canNotifyAboutCompany(grants: readonly Grant[], company: CompanyPlacement): boolean {
  const decision = decideCompanyAccess({
    grants,
    company,
    kind: "confidential",
    hasOpenOutOfScopeAccess: false,
  });
  return decision.outcome === "allowed";
}
