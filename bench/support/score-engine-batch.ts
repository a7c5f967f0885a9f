import { crisisCodeRuleSet2019 } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../src/domain/early-warning/rule-sets/distress-models-2025.ts";
import type { BatchScores } from "../../src/domain/early-warning/score-batch.ts";
import {
  type CompanyYearScores,
  scoreCompanyYearColumns,
} from "../../src/domain/early-warning/score-company-year-columns.ts";
import type { IndexColumns } from "../../src/domain/early-warning/score-index-columns.ts";
import type { CompanyYearColumns } from "./generate-company-years.ts";

export { alertLevelCodes } from "../../src/domain/early-warning/decide-alert-level-columns.ts";

export type EngineBatchResult = {
  scores: BatchScores;
  indices: IndexColumns;
  alertLevel: Uint8Array;
  /** The engine's whole result, to score into again. */
  whole: CompanyYearScores;
};

export const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };

/**
 * The engine's batch path over the columns, as the scoring jobs run it (scoreCompanyYearColumns): the
 * distress models, the five CNDCEC indices with the screen's outcome, and the alert level; into an
 * earlier result's columns when one is given.
 */
export function scoreEngineBatch(data: CompanyYearColumns, into?: EngineBatchResult): EngineBatchResult {
  return toEngineBatchResult(scoreCompanyYearColumns(data, ruleSets, into?.whole));
}

export function toEngineBatchResult(whole: CompanyYearScores): EngineBatchResult {
  return { scores: whole.models, indices: whole.indices, alertLevel: whole.alertLevel.level, whole };
}
