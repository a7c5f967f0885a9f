import {
  type AlertLevel,
  type AlertLevelInput,
  computeEquityChangeRatio,
  decideAlertLevel,
} from "../../src/domain/early-warning/alert-level.ts";
import { crisisCodeRuleSet2019 } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../src/domain/early-warning/rule-sets/distress-models-2025.ts";
import { type BatchScores, scoreBatch } from "../../src/domain/early-warning/score-batch.ts";
import { computeIndexColumns, encodeFormats, type IndexColumns } from "./compute-index-columns.ts";
import type { CompanyYearColumns } from "./generate-company-years.ts";

/** Alert level codes of the batch: the index in this list. */
export const alertLevelCodes: readonly AlertLevel[] = ["grey", "green", "orange", "red"];

export type EngineBatchResult = { scores: BatchScores; indices: IndexColumns; alertLevel: Uint8Array };

/** Milliseconds spent in each step of one engine run. */
export type EngineStepTimes = { models: number; indices: number; alertLevel: number };

// decideAlertLevel reads only status and zone of the three models: one result object per zone is
// shared by every row, so the per-row call allocates nothing but its decision.
const stubOf = <Model extends string>(model: Model, zone: string | undefined) =>
  zone === undefined
    ? { status: "not_computable" as const, model, ruleSetVersion: "", missing: [], reason: "" }
    : { status: "computed" as const, model, ruleSetVersion: "", value: 0, zone, inputs: {} };

const zDoublePrimeStubs = [
  stubOf("altman_z_double_prime", undefined),
  { ...stubOf("altman_z_double_prime", "distress"), emScore: 0, emRating: "D" },
  { ...stubOf("altman_z_double_prime", "grey"), emScore: 0, emRating: "D" },
  { ...stubOf("altman_z_double_prime", "safe"), emScore: 0, emRating: "D" },
] as AlertLevelInput["zDoublePrime"][];
// Indexed by zone code; Zmijewski and Springate have no grey zone (code 2).
const zmijewskiStubs = [undefined, "distress", undefined, "no_distress"].map((zone) =>
  zone === undefined ? stubOf("zmijewski", undefined) : { ...stubOf("zmijewski", zone), score: 0 },
) as AlertLevelInput["zmijewski"][];
const springateStubs = [undefined, "failing", undefined, "not_failing"].map((zone) =>
  stubOf("springate", zone),
) as AlertLevelInput["springate"][];

/** The alert level of every row with the engine's decideAlertLevel, fed from the batch columns. */
function decideAlertLevels(data: CompanyYearColumns, scores: BatchScores, indices: IndexColumns): Uint8Array {
  const levels = new Uint8Array(data.rowCount);
  const cndcec = { isCrisisPresumed: false, breachedIndexCount: 0, computableIndexCount: 0 };
  const currentEquity = data.current.equity;
  const previousEquity = data.previous.equity;
  for (let row = 0; row < data.rowCount; row += 1) {
    cndcec.isCrisisPresumed = indices.isCrisisPresumed[row] === 1;
    cndcec.breachedIndexCount = indices.breachedCount[row] ?? 0;
    cndcec.computableIndexCount = indices.computableCount[row] ?? 0;
    const current = currentEquity?.[row] ?? Number.NaN;
    const previous =
      data.previous.format[row] === undefined ? Number.NaN : (previousEquity?.[row] ?? Number.NaN);
    const decision = decideAlertLevel(
      {
        cndcec,
        zDoublePrime: zDoublePrimeStubs[
          scores.altmanZDoublePrime.zone[row] ?? 0
        ] as AlertLevelInput["zDoublePrime"],
        zmijewski: zmijewskiStubs[scores.zmijewski.zone[row] ?? 0] as AlertLevelInput["zmijewski"],
        springate: springateStubs[scores.springate.zone[row] ?? 0] as AlertLevelInput["springate"],
        equityChangeRatio: computeEquityChangeRatio(
          Number.isNaN(current) ? undefined : current,
          Number.isNaN(previous) ? undefined : previous,
        ),
      },
      distressModels2025,
    );
    levels[row] = alertLevelCodes.indexOf(decision.level);
  }
  return levels;
}

/**
 * The engine's batch path over the columns: scoreBatch (Z′, Z″ with EM score and rating, Zmijewski,
 * Springate, Ohlson), the five CNDCEC indices with the screen's crisis presumption, and the alert level.
 */
export function scoreEngineBatch(data: CompanyYearColumns, stepTimes?: EngineStepTimes): EngineBatchResult {
  const startedAt = performance.now();
  const scores = scoreBatch(data.current, distressModels2025, data.previous);
  const modelsDoneAt = performance.now();
  const formatCodes = encodeFormats(data.current.format);
  const indices = computeIndexColumns(
    data.current,
    formatCodes,
    data.sectorGroup,
    data.legalForm,
    crisisCodeRuleSet2019,
  );
  const indicesDoneAt = performance.now();
  const alertLevel = decideAlertLevels(data, scores, indices);
  if (stepTimes) {
    stepTimes.models = modelsDoneAt - startedAt;
    stepTimes.indices = indicesDoneAt - modelsDoneAt;
    stepTimes.alertLevel = performance.now() - indicesDoneAt;
  }
  return { scores, indices, alertLevel };
}
