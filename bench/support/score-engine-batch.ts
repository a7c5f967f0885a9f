import { crisisCodeRuleSet2019 } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../src/domain/early-warning/rule-sets/distress-models-2025.ts";
import type { BatchScores } from "../../src/domain/early-warning/score-batch.ts";
import { scoreCompanyYearColumns } from "../../src/domain/early-warning/score-company-year-columns.ts";
import type { IndexColumns } from "../../src/domain/early-warning/score-index-columns.ts";
import type { CompanyYearColumns } from "./generate-company-years.ts";

export { alertLevelCodes } from "../../src/domain/early-warning/decide-alert-level-columns.ts";

export type EngineBatchResult = { scores: BatchScores; indices: IndexColumns; alertLevel: Uint8Array };

export const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };

/**
 * The engine's batch path over the columns, as the scoring jobs run it (scoreCompanyYearColumns): the
 * distress models, the five CNDCEC indices with the screen's outcome, and the alert level.
 */
export function scoreEngineBatch(data: CompanyYearColumns): EngineBatchResult {
  const result = scoreCompanyYearColumns(data, ruleSets);
  return { scores: result.models, indices: result.indices, alertLevel: result.alertLevel.level };
}
