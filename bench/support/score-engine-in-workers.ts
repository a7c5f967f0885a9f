import {
  type CompanyYearScoringPool,
  createCompanyYearScoringPool,
  flattenScoreColumns,
} from "../../src/server/features/scoring/score-company-years-in-workers.ts";
import type { CompanyYearColumns } from "./generate-company-years.ts";
import { type EngineBatchResult, ruleSets, toEngineBatchResult } from "./score-engine-batch.ts";

// The bench's whole engine path (the models, the CNDCEC indices and screen, the alert level) over the
// server's scoring pool: each worker scores a contiguous range of rows straight into shared columns.

export const createEngineWorkerPool = (workers: number): CompanyYearScoringPool =>
  createCompanyYearScoringPool(workers);

/** An engine result as flat columns (the pool's flattenScoreColumns), for comparing two results cell by cell. */
export function flattenEngineResult(result: EngineBatchResult): Record<string, ArrayLike<number>> {
  const { models, indices, alertLevel } = result.whole;
  return flattenScoreColumns({ models, indices, alertLevel });
}

/**
 * Every column of a result set to a value no scoring gives (1e300, 201, −77, 65,000), so that a later
 * call scoring into it and forgetting a cell is caught by compareEngineResults.
 */
export function fillWithSentinels(result: EngineBatchResult): void {
  for (const column of Object.values(flattenEngineResult(result))) {
    if (column instanceof Float64Array) column.fill(1e300);
    else if (column instanceof Int8Array) column.fill(-77);
    else if (column instanceof Uint16Array) column.fill(65_000);
    else if (column instanceof Uint8Array) column.fill(201);
  }
}

/** The engine path over the pool (input columns not in shared memory are copied there, timed with the rest). */
export async function scoreEngineInWorkers(
  pool: CompanyYearScoringPool,
  data: CompanyYearColumns,
  into?: EngineBatchResult,
): Promise<EngineBatchResult> {
  return toEngineBatchResult(await pool.score(data, ruleSets, into?.whole));
}

/**
 * Rows where two results differ (NaN equals NaN) in a cell or in their alert decision, with examples; the
 * first is the one-thread fresh result.
 */
export function compareEngineResults(
  expected: EngineBatchResult,
  actual: EngineBatchResult,
): { differingRows: number; examples: string[] } {
  const expectedColumns = flattenEngineResult(expected);
  const actualColumns = flattenEngineResult(actual);
  const rows = new Set<number>();
  const examples: string[] = [];
  // Each row's alert decision, compared as its content (the two results may number them differently).
  const decisionKeys = (result: EngineBatchResult) => {
    const keys = result.whole.alertLevel.decisions.map((decision) => JSON.stringify(decision));
    return Array.from(result.whole.alertLevel.decision, (number) => keys[number] ?? "none");
  };
  const expectedDecisions = decisionKeys(expected);
  const actualDecisions = decisionKeys(actual);
  expectedDecisions.forEach((key, row) => {
    if (key === actualDecisions[row]) return;
    rows.add(row);
    if (examples.length < 5) examples.push(`row ${row}: decisions ${key} and ${actualDecisions[row]}`);
  });
  for (const [name, column] of Object.entries(expectedColumns)) {
    // Decision numbers are compared above, as the decisions they name.
    if (name === "alertLevel.decision") continue;
    const other = actualColumns[name];
    for (let row = 0; row < column.length; row += 1) {
      const left = column[row] ?? Number.NaN;
      const right = other?.[row] ?? Number.NaN;
      if (left === right || (Number.isNaN(left) && Number.isNaN(right))) continue;
      rows.add(row);
      if (examples.length < 5) examples.push(`row ${row} ${name}: ${left} and ${right}`);
    }
  }
  return { differingRows: rows.size, examples };
}
