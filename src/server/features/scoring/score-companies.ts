import type { AlertLevelChange } from "../../../domain/early-warning/alert-level-change.ts";
import { buildCompanyYearColumns } from "../../../domain/early-warning/build-company-year-columns.ts";
import { readStoredResults } from "../../../domain/early-warning/read-stored-results.ts";
import { scoreCompanyYearColumns } from "../../../domain/early-warning/score-company-year-columns.ts";
import type { Database } from "../../db/client.ts";
import { findRiskFiscalYearsOfCompanies } from "../district-dashboard/district-dashboard.repo.ts";
import {
  rebuildDistrictAggregates,
  rebuildDistrictAggregatesIfMissing,
} from "../district-dashboard/rebuild-district-aggregates.ts";
import { recordAlertLevelNotifications } from "../notifications/notify-alert-level-changes.ts";
import { backfillCompanyRisk } from "../risk/backfill-company-risk.ts";
import { refreshCompanyRisk } from "../risk/refresh-company-risk.ts";
import { activeAlertRuleSetVersion, activeRuleSets } from "./active-rule-sets.ts";
import { toCompanyYearRows } from "./company-year-rows.ts";
import {
  findCompanyIdsWithCurrentStatements,
  findScoringRows,
  findUnscoredCompanyIds,
  type ScoreRowInput,
  type ScoringRow,
  upsertScores,
} from "./scoring.repo.ts";

export { activeAlertRuleSetVersion, activeRuleSets };

export type ScoringResult = {
  companies: number;
  companyYears: number;
  results: number;
  /** Company-years whose alert level is new or moved in this run (for notifications). */
  changes: AlertLevelChange[];
};

/**
 * Scores the current statements of the given companies (every company when undefined) with the
 * active rule sets, stores the results and refreshes their risk projection; running it again
 * overwrites the same rows and reports no changes.
 */
export async function scoreCompanies(
  deps: { db: Database; clock: () => Date },
  companyIds: string[] | undefined,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ScoringResult> {
  const allIds = companyIds ?? (await findCompanyIdsWithCurrentStatements(deps.db));
  let companyYears = 0;
  let resultCount = 0;
  const changes: AlertLevelChange[] = [];
  // Fiscal years whose district aggregates may move: the companies' years before and after the run.
  const touchedYears = new Set<number>();
  for (let start = 0; start < allIds.length; start += companiesPerChunk) {
    const chunkIds = allIds.slice(start, start + companiesPerChunk);
    const rows = await findScoringRows(deps.db, chunkIds);
    const results = scoreRows(rows);
    await deps.db.transaction(async (tx) => {
      for (const year of await findRiskFiscalYearsOfCompanies(tx, chunkIds)) touchedYears.add(year);
      await upsertScores(tx, results, deps.clock());
      const chunkChanges = await refreshCompanyRisk({ db: tx, clock: deps.clock }, chunkIds);
      for (const year of await findRiskFiscalYearsOfCompanies(tx, chunkIds)) touchedYears.add(year);
      // Followers hear of it: notifications are stored with the levels (same transaction), and
      // their emails go out from the server.
      await recordAlertLevelNotifications({ db: tx, clock: deps.clock }, chunkChanges);
      changes.push(...chunkChanges);
    });
    companyYears += rows.length;
    resultCount += results.length;
    onProgress(Math.min(start + companiesPerChunk, allIds.length), allIds.length);
    // Give the event loop a turn: the embedded database and the scoring share the server's thread.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // The dashboards read precomputed district aggregates; rebuild those years from the new projection.
  if (allIds.length > 0) await rebuildDistrictAggregates(deps, { fiscalYears: touchedYears });
  return { companies: allIds.length, companyYears, results: resultCount, changes };
}

/** Scoring runs in chunks of companies, each stored in its own transaction. */
const companiesPerChunk = 200;

/** The batch path over the chunk's company-years: columns in, one stored result per model and row out. */
function scoreRows(rows: ScoringRow[]): ScoreRowInput[] {
  const scores = scoreCompanyYearColumns(buildCompanyYearColumns(toCompanyYearRows(rows)), activeRuleSets);
  const results: ScoreRowInput[] = [];
  rows.forEach((row, index) => {
    for (const result of readStoredResults(scores, index, activeRuleSets)) {
      results.push({
        ...result,
        companyId: row.companyId,
        statementId: row.statementId,
        periodEndOn: row.periodEndOn,
      });
    }
  });
  return results;
}

/**
 * Scores every company whose current statements have no results under the active rule sets: new
 * statements, or all of them after a new rule-set version is activated. Returns what it scored.
 * A database scored before the risk projection existed gets its projection built first.
 */
export async function scoreUnscoredCompanies(deps: {
  db: Database;
  clock: () => Date;
}): Promise<ScoringResult> {
  await backfillCompanyRisk(deps);
  await rebuildDistrictAggregatesIfMissing(deps);
  const companyIds = await findUnscoredCompanyIds(deps.db, activeAlertRuleSetVersion);
  if (companyIds.length === 0) return { companies: 0, companyYears: 0, results: 0, changes: [] };
  return scoreCompanies(deps, companyIds);
}
