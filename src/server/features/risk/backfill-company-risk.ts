import type { Database } from "../../db/client.ts";
import { activeAlertRuleSetVersion } from "../scoring/active-rule-sets.ts";
import { refreshCompanyRisk } from "./refresh-company-risk.ts";
import { findScoredCompanyIds, isRiskProjectionMissing } from "./risk.repo.ts";

/**
 * Builds the risk projection of a database scored before the projection existed: when it is empty
 * but alert levels are stored, every scored company is projected. The rows are not reported as
 * changes (nothing moved; they were only never projected). Returns how many companies it projected.
 */
export async function backfillCompanyRisk(deps: { db: Database; clock: () => Date }): Promise<number> {
  if (!(await isRiskProjectionMissing(deps.db, activeAlertRuleSetVersion))) return 0;
  const companyIds = await findScoredCompanyIds(deps.db, activeAlertRuleSetVersion);
  await refreshCompanyRisk(deps, companyIds);
  return companyIds.length;
}
