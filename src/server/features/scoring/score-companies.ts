import type { AlertLevelChange } from "../../../domain/early-warning/alert-level-change.ts";
import { scoreCompanyYear } from "../../../domain/early-warning/score-company-year.ts";
import type { CndcecGroupMapping } from "../../../domain/sectors/map-cndcec-group.ts";
import type { StatementFormat } from "../../../domain/statements/line-items.ts";
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
import {
  findCompanyIdsWithCurrentStatements,
  findScoringRows,
  findUnscoredCompanyIds,
  type ScoreRowInput,
  type ScoringRow,
  upsertScores,
} from "./scoring.repo.ts";

export { activeAlertRuleSetVersion, activeRuleSets };

function sectorGroupOf(row: ScoringRow): CndcecGroupMapping | undefined {
  if (!row.atecoCode) return undefined;
  if (row.cndcecStatus === "mapped" && row.cndcecGroup !== null)
    return { status: "mapped", group: row.cndcecGroup };
  if (row.cndcecStatus === "no_benchmark") return { status: "no_benchmark" };
  return { status: "not_mapped", reason: `ATECO ${row.atecoCode} has no CNDCEC group` };
}

function isPreviousYear(previous: ScoringRow | undefined, row: ScoringRow): previous is ScoringRow {
  return (
    previous !== undefined &&
    previous.companyId === row.companyId &&
    Number(previous.periodEndOn.slice(0, 4)) === Number(row.periodEndOn.slice(0, 4)) - 1
  );
}

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

function scoreRows(rows: ScoringRow[]): ScoreRowInput[] {
  const results: ScoreRowInput[] = [];
  rows.forEach((row, index) => {
    const previous = rows[index - 1];
    const statement = {
      format: row.format as StatementFormat,
      legalForm: row.statementLegalForm ?? row.legalForm,
      periodStartOn: row.periodStartOn,
      periodEndOn: row.periodEndOn,
      items: row.items,
    };
    const previousStatement = isPreviousYear(previous, row)
      ? {
          format: previous.format as StatementFormat,
          legalForm: previous.statementLegalForm ?? previous.legalForm,
          periodStartOn: previous.periodStartOn,
          periodEndOn: previous.periodEndOn,
          items: previous.items,
        }
      : undefined;
    const yearResults = scoreCompanyYear(
      {
        statement,
        previous: previousStatement,
        atecoCode: row.atecoCode ?? undefined,
        sectorGroup: sectorGroupOf(row),
      },
      activeRuleSets,
    );
    for (const result of yearResults) {
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
