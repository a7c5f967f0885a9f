import type { BatchScores, PreviousYearColumns } from "../../../domain/early-warning/score-batch.ts";
import type { StatementColumns } from "../../../domain/early-warning/scoring-financial-aggregates.ts";
import type { DistressModelsRuleSet } from "../../../domain/early-warning/scoring-rule-set.ts";
import {
  type ColumnRange,
  type ColumnTaskInput,
  type ColumnWorkerPool,
  createColumnWorkerPool,
  type NumberColumn,
  type NumberColumnKind,
} from "./column-worker-pool.ts";

// scoreBatch over several threads: the rows are split in contiguous ranges, each worker scores its range
// with the same pure scoreBatch, and the result columns are assembled in shared memory. Row by row the
// result equals scoreBatch on the whole batch (each row depends only on its own cells).

/** The output columns of scoreBatch, flattened: `model.column`. */
export function listBatchScoreColumns(hasOhlson: boolean): Record<string, NumberColumnKind> {
  const columns: Record<string, NumberColumnKind> = {
    "altmanZPrime.value": "float64",
    "altmanZPrime.zone": "uint8",
    "altmanZDoublePrime.value": "float64",
    "altmanZDoublePrime.zone": "uint8",
    "altmanZDoublePrime.emScore": "float64",
    "altmanZDoublePrime.emRating": "int8",
    "zmijewski.value": "float64",
    "zmijewski.zone": "uint8",
    "zmijewski.score": "float64",
    "springate.value": "float64",
    "springate.zone": "uint8",
  };
  if (hasOhlson) {
    columns["ohlson.value"] = "float64";
    columns["ohlson.zone"] = "uint8";
    columns["ohlson.score"] = "float64";
  }
  return columns;
}

/** BatchScores as flat columns, named as in listBatchScoreColumns. */
export function flattenBatchScores(scores: BatchScores): Record<string, NumberColumn> {
  const flat: Record<string, NumberColumn> = {};
  for (const model of ["altmanZPrime", "altmanZDoublePrime", "zmijewski", "springate", "ohlson"] as const) {
    const columns = scores[model];
    if (!columns) continue;
    for (const [name, column] of Object.entries(columns)) flat[`${model}.${name}`] = column as NumberColumn;
  }
  return flat;
}

/** The inverse of flattenBatchScores. */
export function assembleBatchScores(
  flat: Record<string, NumberColumn>,
  ruleSetVersion: string,
  rowCount: number,
): BatchScores {
  const f64 = (name: string) => flat[name] as Float64Array;
  const u8 = (name: string) => flat[name] as Uint8Array;
  const scores: BatchScores = {
    ruleSetVersion,
    rowCount,
    altmanZPrime: { value: f64("altmanZPrime.value"), zone: u8("altmanZPrime.zone") },
    altmanZDoublePrime: {
      value: f64("altmanZDoublePrime.value"),
      zone: u8("altmanZDoublePrime.zone"),
      emScore: f64("altmanZDoublePrime.emScore"),
      emRating: flat["altmanZDoublePrime.emRating"] as Int8Array,
    },
    zmijewski: { value: f64("zmijewski.value"), zone: u8("zmijewski.zone"), score: f64("zmijewski.score") },
    springate: { value: f64("springate.value"), zone: u8("springate.zone") },
  };
  if (flat["ohlson.value"]) {
    scores.ohlson = { value: f64("ohlson.value"), zone: u8("ohlson.zone"), score: f64("ohlson.score") };
  }
  return scores;
}

const toFloat64 = (column: Float64Array | readonly number[]) =>
  column instanceof Float64Array ? column : Float64Array.from(column);

/** The columns of scoreBatch as a pool's input: numbers `current.<item>`, `previous.<item>`; texts the formats. */
export function toScoreBatchInput(
  columns: StatementColumns,
  previousYear?: PreviousYearColumns,
): ColumnTaskInput {
  const rowCount = columns.format.length;
  const numbers: Record<string, Float64Array> = {};
  const texts: Record<string, readonly (string | undefined)[]> = { "current.format": columns.format };
  for (const [name, column] of Object.entries(columns)) {
    if (name !== "format" && column) numbers[`current.${name}`] = toFloat64(column as Float64Array);
  }
  if (previousYear) {
    texts["previous.format"] = previousYear.format;
    for (const [name, column] of Object.entries(previousYear)) {
      if (name !== "format" && column) numbers[`previous.${name}`] = toFloat64(column as Float64Array);
    }
  }
  return { rowCount, numbers, texts };
}

/** In a worker: the statement columns of a range, back from toScoreBatchInput's names. */
export function readScoreBatchRange(range: ColumnRange): {
  columns: StatementColumns;
  previousYear: PreviousYearColumns | undefined;
} {
  const current: Record<string, unknown> = { format: range.texts["current.format"] };
  const previous: Record<string, unknown> = { format: range.texts["previous.format"] };
  for (const [name, column] of Object.entries(range.numbers)) {
    if (name.startsWith("current.")) current[name.slice("current.".length)] = column;
    else if (name.startsWith("previous.")) previous[name.slice("previous.".length)] = column;
  }
  return {
    columns: current as StatementColumns,
    previousYear: previous.format === undefined ? undefined : (previous as PreviousYearColumns),
  };
}

export type ScoreBatchPool = {
  readonly size: number;
  /** scoreBatch over the pool's workers; the result's columns live in shared memory. */
  scoreBatch(
    columns: StatementColumns,
    ruleSet: DistressModelsRuleSet,
    previousYear?: PreviousYearColumns,
  ): Promise<BatchScores>;
  close(): Promise<void>;
};

/** Wraps a pool whose workers serve the `scoreBatch` task (score-batch-worker.ts does). */
export function wrapScoreBatchPool(pool: ColumnWorkerPool): ScoreBatchPool {
  return {
    size: pool.size,
    async scoreBatch(columns, ruleSet, previousYear) {
      const rowCount = columns.format.length;
      const flat = await pool.run(
        "scoreBatch",
        toScoreBatchInput(columns, previousYear),
        listBatchScoreColumns(previousYear !== undefined),
        { ruleSet },
      );
      return assembleBatchScores(flat, ruleSet.version, rowCount);
    },
    close: () => pool.close(),
  };
}

/** A pool of `workers` threads scoring batches with scoreBatch (close() it when done). */
export function createScoreBatchPool(workers = 2): ScoreBatchPool {
  return wrapScoreBatchPool(
    createColumnWorkerPool(new URL("./score-batch-worker.ts", import.meta.url), workers),
  );
}
