import type { CompanyScores } from "../../../contracts/scores.ts";
import type { Database } from "../../db/client.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { explainCompanyScores } from "./explain-company-scores.ts";
import { presentCompanyScores } from "./scoring.presenter.ts";
import { findCompanyScores } from "./scoring.repo.ts";

/** A company's early-warning results by year, through the confidentiality gate (audited outside scope). */
export async function getCompanyScores(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
  companyId: string,
  meta: RequestMeta,
): Promise<CompanyScores> {
  await authoriseCompanyAccess(deps, principal, companyId, "confidential", { ...meta, what: "scores" });
  const stored = await findCompanyScores(deps.db, companyId);
  return presentCompanyScores(await explainCompanyScores(deps.db, companyId, stored));
}
