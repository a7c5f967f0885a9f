import { cndcecIndexIds } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../src/domain/early-warning/rule-sets/distress-models-2025.ts";
import type { IndexColumns } from "../../src/domain/early-warning/score-index-columns.ts";
import {
  type ColumnWorkerPool,
  createColumnWorkerPool,
  type NumberColumn,
  type NumberColumnKind,
} from "../../src/server/features/scoring/column-worker-pool.ts";
import {
  assembleBatchScores,
  flattenBatchScores,
  listBatchScoreColumns,
  toScoreBatchInput,
} from "../../src/server/features/scoring/score-batch-in-workers.ts";
import type { CompanyYearColumns } from "./generate-company-years.ts";
import type { EngineBatchResult } from "./score-engine-batch.ts";

// The bench's whole engine path (scoreBatch, the CNDCEC indices and screen, the alert level) over the
// server's column worker pool: each worker runs scoreEngineBatch on a contiguous range of rows.

/** The pool's workers (score-engine-worker.ts) serve the `scoreEngine` task. */
export const createEngineWorkerPool = (workers: number): ColumnWorkerPool =>
  createColumnWorkerPool(new URL("./score-engine-worker.ts", import.meta.url), workers);

/** The output columns of the engine path, flattened. */
export function listEngineColumns(): Record<string, NumberColumnKind> {
  const columns = listBatchScoreColumns(true);
  for (const index of cndcecIndexIds) {
    columns[`indices.percent.${index}`] = "float64";
    columns[`indices.isBreached.${index}`] = "uint8";
  }
  for (const name of [
    "computableCount",
    "breachedCount",
    "isCrisisPresumed",
    "screenOutcome",
    "alertLevel",
  ]) {
    columns[name === "alertLevel" ? name : `indices.${name}`] = "uint8";
  }
  return columns;
}

/** An engine result as flat columns, named as in listEngineColumns. */
export function flattenEngineResult(result: EngineBatchResult): Record<string, NumberColumn> {
  const flat = flattenBatchScores(result.scores);
  for (const index of cndcecIndexIds) {
    flat[`indices.percent.${index}`] = result.indices.percent[index];
    flat[`indices.isBreached.${index}`] = result.indices.isBreached[index];
  }
  flat["indices.computableCount"] = result.indices.computableCount;
  flat["indices.breachedCount"] = result.indices.breachedCount;
  flat["indices.isCrisisPresumed"] = result.indices.isCrisisPresumed;
  flat["indices.screenOutcome"] = result.indices.screenOutcome;
  flat.alertLevel = result.alertLevel;
  return flat;
}

function assembleEngineResult(flat: Record<string, NumberColumn>, rowCount: number): EngineBatchResult {
  const indices: IndexColumns = {
    percent: {} as IndexColumns["percent"],
    isBreached: {} as IndexColumns["isBreached"],
    computableCount: flat["indices.computableCount"] as Uint8Array,
    breachedCount: flat["indices.breachedCount"] as Uint8Array,
    isCrisisPresumed: flat["indices.isCrisisPresumed"] as Uint8Array,
    screenOutcome: flat["indices.screenOutcome"] as Uint8Array,
  };
  for (const index of cndcecIndexIds) {
    indices.percent[index] = flat[`indices.percent.${index}`] as Float64Array;
    indices.isBreached[index] = flat[`indices.isBreached.${index}`] as Uint8Array;
  }
  return {
    scores: assembleBatchScores(flat, distressModels2025.version, rowCount),
    indices,
    alertLevel: flat.alertLevel as Uint8Array,
  };
}

/** The engine path over the pool: the columns are copied into shared memory (timed with the rest). */
export async function scoreEngineInWorkers(
  pool: ColumnWorkerPool,
  data: CompanyYearColumns,
): Promise<EngineBatchResult> {
  const input = toScoreBatchInput(data.current, data.previous);
  const flat = await pool.run(
    "scoreEngine",
    {
      rowCount: data.rowCount,
      numbers: { ...input.numbers, sectorGroup: data.sectorGroup },
      texts: { ...input.texts, legalForm: data.legalForm },
    },
    listEngineColumns(),
  );
  return assembleEngineResult(flat, data.rowCount);
}

/** Rows where a pooled result differs from the single-threaded one (NaN equals NaN), with examples. */
export function compareEngineResults(
  expected: EngineBatchResult,
  actual: EngineBatchResult,
): { differingRows: number; examples: string[] } {
  const expectedColumns = flattenEngineResult(expected);
  const actualColumns = flattenEngineResult(actual);
  const rows = new Set<number>();
  const examples: string[] = [];
  for (const [name, column] of Object.entries(expectedColumns)) {
    const other = actualColumns[name];
    for (let row = 0; row < column.length; row += 1) {
      const left = column[row] ?? Number.NaN;
      const right = other?.[row] ?? Number.NaN;
      if (left === right || (Number.isNaN(left) && Number.isNaN(right))) continue;
      rows.add(row);
      if (examples.length < 5) examples.push(`row ${row} ${name}: one thread ${left}, pool ${right}`);
    }
  }
  return { differingRows: rows.size, examples };
}
