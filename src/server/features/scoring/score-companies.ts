import { crisisCodeRuleSet2019 } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../../domain/early-warning/rule-sets/distress-models-2025.ts";
import { scoreCompanyYear } from "../../../domain/early-warning/score-company-year.ts";
import type { CndcecGroupMapping } from "../../../domain/sectors/map-cndcec-group.ts";
import type { StatementFormat } from "../../../domain/statements/line-items.ts";
import type { Database } from "../../db/client.ts";
import {
  findCompanyIdsWithCurrentStatements,
  findScoringRows,
  findUnscoredCompanyIds,
  type ScoreRowInput,
  type ScoringRow,
  upsertScores,
} from "./scoring.repo.ts";

/** The rule sets in force; a new version is published by adding a file and naming it here. */
export const activeRuleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };

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

/**
 * Scores the current statements of the given companies (every company when undefined) with the
 * active rule sets and stores the results; running it again overwrites the same rows.
 */
export async function scoreCompanies(
  deps: { db: Database; clock: () => Date },
  companyIds: string[] | undefined,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<{ companies: number; companyYears: number; results: number }> {
  const allIds = companyIds ?? (await findCompanyIdsWithCurrentStatements(deps.db));
  let companyYears = 0;
  let resultCount = 0;
  for (let start = 0; start < allIds.length; start += companiesPerChunk) {
    const rows = await findScoringRows(deps.db, allIds.slice(start, start + companiesPerChunk));
    const results = scoreRows(rows);
    await deps.db.transaction((tx) => upsertScores(tx, results, deps.clock()));
    companyYears += rows.length;
    resultCount += results.length;
    onProgress(Math.min(start + companiesPerChunk, allIds.length), allIds.length);
    // Give the event loop a turn: the embedded database and the scoring share the server's thread.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { companies: allIds.length, companyYears, results: resultCount };
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

/** The version tag the alert level is stored under with the active rule sets. */
export const activeAlertRuleSetVersion = `${activeRuleSets.crisisCode.version}+${activeRuleSets.distress.version}`;

/**
 * Scores every company whose current statements have no results under the active rule sets: new
 * statements, or all of them after a new rule-set version is activated. Returns what it scored.
 */
export async function scoreUnscoredCompanies(deps: { db: Database; clock: () => Date }) {
  const companyIds = await findUnscoredCompanyIds(deps.db, activeAlertRuleSetVersion);
  if (companyIds.length === 0) return { companies: 0, companyYears: 0, results: 0 };
  return scoreCompanies(deps, companyIds);
}
