import { scoreCompanyYear } from "../../../domain/early-warning/score-company-year.ts";
import type { Database } from "../../db/client.ts";
import { activeRuleSets } from "./active-rule-sets.ts";
import { toCompanyYearRows } from "./company-year-rows.ts";
import { type findCompanyScores, findScoringRows } from "./scoring.repo.ts";

type StoredScores = Awaited<ReturnType<typeof findCompanyScores>>;

/**
 * The scoring jobs store each model's status, value and zone (the batch path); the explanation — the
 * inputs each model used, what is missing and why, the screen's steps and indices — is derived here on
 * demand from the company's stored statements with the same rule sets. Results stored under other rule-set
 * versions keep what was stored with them.
 */
export async function explainCompanyScores(
  db: Database,
  companyId: string,
  stored: StoredScores,
): Promise<StoredScores> {
  if (stored.length === 0) return stored;
  const rows = await findScoringRows(db, [companyId]);
  const explanations = new Map<
    string,
    { inputs: Record<string, number>; details: Record<string, unknown> }
  >();
  toCompanyYearRows(rows).forEach((companyYear, index) => {
    const statementId = rows[index]?.statementId;
    const input = { ...companyYear, atecoCode: companyYear.atecoCode };
    for (const result of scoreCompanyYear(input, activeRuleSets)) {
      explanations.set(`${statementId}|${result.model}|${result.ruleSetVersion}`, {
        inputs: result.inputs,
        details: result.details,
      });
    }
  });
  return stored.map((row) => {
    const explanation = explanations.get(`${row.statementId}|${row.model}|${row.ruleSetVersion}`);
    return explanation ? { ...row, inputs: explanation.inputs, details: explanation.details } : row;
  });
}
