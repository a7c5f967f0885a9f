import type { Database } from "../../db/client.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "./authorise-company-access.ts";
import { findCurrentStatements, type StatementRecord } from "./companies.repo.ts";

/** A company's current statements, through the confidentiality gate (audited outside scope). */
export async function getCompanyStatements(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
  companyId: string,
  meta: RequestMeta,
): Promise<StatementRecord[]> {
  await authoriseCompanyAccess(deps, principal, companyId, "confidential", { ...meta, what: "statements" });
  return findCurrentStatements(deps.db, companyId);
}
