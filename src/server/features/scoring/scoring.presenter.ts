import type { CompanyScores } from "../../../contracts/scores.ts";
import type { findCompanyScores } from "./scoring.repo.ts";

/** Groups stored results by statement year. */
export function presentCompanyScores(rows: Awaited<ReturnType<typeof findCompanyScores>>): CompanyScores {
  const years = new Map<string, CompanyScores["years"][number]>();
  for (const row of rows) {
    const year = years.get(row.statementId) ?? {
      periodEndOn: row.periodEndOn,
      statementId: row.statementId,
      results: [],
    };
    year.results.push({
      model: row.model,
      ruleSetVersion: row.ruleSetVersion,
      status: row.status === "computed" ? "computed" : "not_computable",
      value: row.value,
      zone: row.zone,
      inputs: row.inputs as Record<string, number>,
      details: row.details as Record<string, unknown>,
    });
    years.set(row.statementId, year);
  }
  return { years: [...years.values()] };
}
