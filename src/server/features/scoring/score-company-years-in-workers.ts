import type { AlertDecision } from "../../../domain/early-warning/alert-level.ts";
import { clearAlertLevelDecisions } from "../../../domain/early-warning/decide-alert-level-columns.ts";
import type { RuleSet } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import { cndcecIndexIds } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import type { BatchScores } from "../../../domain/early-warning/score-batch.ts";
import {
  type CompanyYearColumns,
  type CompanyYearScores,
  checkRowsOutputFits,
  readEncodedTexts,
} from "../../../domain/early-warning/score-company-year-columns.ts";
import type { RowsOutput } from "../../../domain/early-warning/score-company-year-rows.ts";
import type { IndexColumns } from "../../../domain/early-warning/score-index-columns.ts";
import type { ItemColumns } from "../../../domain/early-warning/scoring-financial-aggregates.ts";
import type { DistressModelsRuleSet } from "../../../domain/early-warning/scoring-rule-set.ts";
import {
  type ColumnWorkerPool,
  checkReusedColumn,
  createColumnWorkerPool,
  type NumberColumn,
  type NumberColumnKind,
} from "./column-worker-pool.ts";

// scoreCompanyYearColumns over several threads, for batches of hundreds of thousands of company-years
// held in memory: the rows are split in contiguous ranges, each scored by the next free worker with the same
// pure scoreRows straight into shared result columns. Row by row the result equals scoreCompanyYearColumns
// on one thread (each row depends only on its own cells). The scoring jobs score chunks of 200 companies
// (about a thousand company-years) between database reads and writes, where threads would gain nothing.

export type RuleSets = { crisisCode: RuleSet; distress: DistressModelsRuleSet };

/** What a worker's task receives besides the columns. */
export type ScoringTaskParameters = { ruleSets: RuleSets; legalForms: string[]; hasPrevious: boolean };

/** The result columns of the whole engine, flattened: `models.<model>.<column>`, `indices.…`, `alertLevel.…`. */
export function listScoreColumns(hasOhlson: boolean): Record<string, NumberColumnKind> {
  const columns: Record<string, NumberColumnKind> = {};
  const models = ["altmanZPrime", "altmanZDoublePrime", "zmijewski", "springate"];
  if (hasOhlson) models.push("ohlson");
  for (const model of models) {
    columns[`models.${model}.value`] = "float64";
    columns[`models.${model}.zone`] = "uint8";
  }
  columns["models.altmanZDoublePrime.emScore"] = "float64";
  columns["models.altmanZDoublePrime.emRating"] = "int8";
  columns["models.zmijewski.score"] = "float64";
  if (hasOhlson) columns["models.ohlson.score"] = "float64";
  for (const index of cndcecIndexIds) {
    columns[`indices.percent.${index}`] = "float64";
    columns[`indices.isBreached.${index}`] = "uint8";
  }
  for (const name of ["computableCount", "breachedCount", "isCrisisPresumed", "screenOutcome"]) {
    columns[`indices.${name}`] = "uint8";
  }
  columns["alertLevel.level"] = "uint8";
  columns["alertLevel.decision"] = "uint16";
  return columns;
}

/** The flat columns of listScoreColumns as the engine's output (decisions empty). */
export function assembleScoreColumns(
  flat: Readonly<Record<string, NumberColumn>>,
  ruleSetVersion: string,
  rowCount: number,
): Required<RowsOutput> {
  const f64 = (name: string) => flat[name] as Float64Array;
  const u8 = (name: string) => flat[name] as Uint8Array;
  const scoreColumns = (model: string) => ({
    value: f64(`models.${model}.value`),
    zone: u8(`models.${model}.zone`),
  });
  const models: BatchScores = {
    ruleSetVersion,
    rowCount,
    altmanZPrime: scoreColumns("altmanZPrime"),
    altmanZDoublePrime: {
      ...scoreColumns("altmanZDoublePrime"),
      emScore: f64("models.altmanZDoublePrime.emScore"),
      emRating: flat["models.altmanZDoublePrime.emRating"] as Int8Array,
    },
    zmijewski: { ...scoreColumns("zmijewski"), score: f64("models.zmijewski.score") },
    springate: scoreColumns("springate"),
  };
  if (flat["models.ohlson.value"]) {
    models.ohlson = { ...scoreColumns("ohlson"), score: f64("models.ohlson.score") };
  }
  const indices: IndexColumns = {
    percent: {} as IndexColumns["percent"],
    isBreached: {} as IndexColumns["isBreached"],
    computableCount: u8("indices.computableCount"),
    breachedCount: u8("indices.breachedCount"),
    isCrisisPresumed: u8("indices.isCrisisPresumed"),
    screenOutcome: u8("indices.screenOutcome"),
  };
  for (const index of cndcecIndexIds) {
    indices.percent[index] = f64(`indices.percent.${index}`);
    indices.isBreached[index] = u8(`indices.isBreached.${index}`);
  }
  const alertLevel = {
    level: u8("alertLevel.level"),
    decision: flat["alertLevel.decision"] as Uint16Array,
    decisions: [],
  };
  return { models, indices, alertLevel };
}

/** The engine's output as the flat columns of listScoreColumns (back from assembleScoreColumns). */
export function flattenScoreColumns(output: Required<RowsOutput>): Record<string, NumberColumn> {
  const { models, indices, alertLevel } = output;
  const flat: Record<string, NumberColumn> = {};
  for (const model of ["altmanZPrime", "altmanZDoublePrime", "zmijewski", "springate", "ohlson"] as const) {
    for (const [name, column] of Object.entries(models[model] ?? {}))
      flat[`models.${model}.${name}`] = column;
  }
  for (const index of cndcecIndexIds) {
    flat[`indices.percent.${index}`] = indices.percent[index];
    flat[`indices.isBreached.${index}`] = indices.isBreached[index];
  }
  for (const name of ["computableCount", "breachedCount", "isCrisisPresumed", "screenOutcome"] as const) {
    flat[`indices.${name}`] = indices[name];
  }
  flat["alertLevel.level"] = alertLevel.level;
  flat["alertLevel.decision"] = alertLevel.decision;
  return flat;
}

const toFloat64 = (column: Float64Array | readonly number[]) =>
  column instanceof Float64Array ? column : Float64Array.from(column);

/** The item columns of one year, named `<prefix><item>`. */
function nameColumns(columns: ItemColumns, prefix: string, into: Record<string, NumberColumn>): void {
  for (const [name, column] of Object.entries(columns)) {
    if (name !== "format" && column) into[`${prefix}${name}`] = toFloat64(column as Float64Array);
  }
}

/** In a worker: the item columns named `<prefix><item>`, back from nameColumns. */
export function readNamedColumns(numbers: Readonly<Record<string, NumberColumn>>, prefix: string) {
  const columns: Record<string, NumberColumn> = {};
  for (const [name, column] of Object.entries(numbers)) {
    if (name.startsWith(prefix)) columns[name.slice(prefix.length)] = column;
  }
  return columns as ItemColumns & { periodEndYear?: Float64Array };
}

export type CompanyYearScoringPool = {
  readonly size: number;
  /**
   * scoreCompanyYearColumns over the pool's workers; the result's columns live in shared memory. `into`:
   * an earlier result of this pool scored again, as scoreCompanyYearColumns' `into` (a refused call
   * changes nothing; after a call that fails while scoring, its cells are undefined).
   */
  score(input: CompanyYearColumns, ruleSets: RuleSets, into?: CompanyYearScores): Promise<CompanyYearScores>;
  close(): Promise<void>;
};

/**
 * Each range's alert decisions into one list, each distinct decision once: every row's decision number
 * is renumbered into that list.
 */
function mergeDecisions(
  decision: Uint16Array,
  ranges: readonly { start: number; end: number; result: unknown }[],
): AlertDecision[] {
  const decisions: AlertDecision[] = [];
  const numberOf = new Map<string, number>();
  for (const { start, end, result } of ranges) {
    const renumbered = (result as AlertDecision[]).map((made) => {
      const key = JSON.stringify(made);
      let number = numberOf.get(key);
      if (number === undefined) {
        number = decisions.push(made) - 1;
        numberOf.set(key, number);
      }
      return number;
    });
    renumberRows(decision, start, end, Int32Array.from(renumbered));
  }
  return decisions;
}

/** decision[row] = renumbered[decision[row]] for rows start … end − 1; nothing when every number stays. */
function renumberRows(decision: Uint16Array, start: number, end: number, renumbered: Int32Array): void {
  if (renumbered.every((number, index) => number === index)) return;
  for (let row = start; row < end; row += 1) {
    decision[row] = renumbered[decision[row] as number] as number;
  }
}

/** Wraps a pool whose workers serve the `scoreCompanyYears` task (score-company-years-worker.ts does). */
function wrapCompanyYearScoringPool(pool: ColumnWorkerPool): CompanyYearScoringPool {
  return {
    size: pool.size,
    async score(input, ruleSets, into) {
      const { rowCount, current, previous } = input;
      const { formatCodes, previousFormatCodes, legalFormCodes, legalForms } = readEncodedTexts(input);
      const hasOhlson = previous !== undefined;
      const outputKinds = listScoreColumns(hasOhlson);
      let reuse: Record<string, NumberColumn> | undefined;
      if (into) {
        // Checked before anything is written; its decisions are replaced once the call has succeeded.
        reuse = flattenScoreColumns(checkRowsOutputFits(into, ruleSets.distress, rowCount, { hasOhlson }));
        for (const [name, kind] of Object.entries(outputKinds)) {
          checkReusedColumn(name, reuse[name], kind, rowCount);
        }
      }
      const numbers: Record<string, NumberColumn> = {
        formatCodes,
        sectorGroup: input.sectorGroup,
        legalFormCodes,
      };
      nameColumns(current, "current.", numbers);
      if (previous && previousFormatCodes) {
        numbers.previousFormatCodes = previousFormatCodes;
        nameColumns(previous, "previous.", numbers);
      }
      const parameters: ScoringTaskParameters = {
        ruleSets,
        legalForms: [...legalForms],
        hasPrevious: previous !== undefined,
      };
      const { outputs, ranges } = await pool.run(
        "scoreCompanyYears",
        { rowCount, numbers },
        outputKinds,
        parameters,
        reuse,
      );
      if (into) {
        // The earlier result's own objects, its decisions replaced by this call's.
        const decisions = mergeDecisions(into.alertLevel.decision, ranges);
        clearAlertLevelDecisions(into.alertLevel);
        into.alertLevel.decisions.push(...decisions);
        return {
          models: into.models,
          indices: into.indices,
          alertLevel: into.alertLevel,
          sectorGroup: input.sectorGroup,
        };
      }
      const output = assembleScoreColumns(outputs, ruleSets.distress.version, rowCount);
      output.alertLevel.decisions = mergeDecisions(output.alertLevel.decision, ranges);
      return { ...output, sectorGroup: input.sectorGroup };
    },
    close: () => pool.close(),
  };
}

/** A pool of `workers` threads scoring company-years (close() it when done). */
export function createCompanyYearScoringPool(workers = 2): CompanyYearScoringPool {
  return wrapCompanyYearScoringPool(
    createColumnWorkerPool(new URL("./score-company-years-worker.ts", import.meta.url), workers),
  );
}
