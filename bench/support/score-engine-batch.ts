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

/**
 * The alert level of every row with the engine's decideAlertLevel, fed from the batch columns. The level
 * depends on the crisis flag, the two index counts, three zones and whether equity fell by more than the
 * rule set's share: at most 2 × 6 × 6 × 4³ × 2 distinct inputs, so each is decided once (on the first row
 * that has it, with that row's own ratio) and the other rows take the same level from a table.
 */
function decideAlertLevels(data: CompanyYearColumns, scores: BatchScores, indices: IndexColumns): Uint8Array {
  const levels = new Uint8Array(data.rowCount);
  const currentEquity = data.current.equity;
  const previousEquity = data.previous.equity;
  const previousFormat = data.previous.format;
  const equityFallBelow = -distressModels2025.alertLevel.equityFallShareAbove.value;
  const { isCrisisPresumed, breachedCount, computableCount } = indices;
  const zDoublePrimeZone = scores.altmanZDoublePrime.zone;
  const zmijewskiZone = scores.zmijewski.zone;
  const springateZone = scores.springate.zone;
  const decided = new Int8Array(2 * 6 * 6 * 64 * 2).fill(-1);
  for (let row = 0; row < data.rowCount; row += 1) {
    const current = currentEquity?.[row] ?? Number.NaN;
    const previous = previousFormat[row] === undefined ? Number.NaN : (previousEquity?.[row] ?? Number.NaN);
    const equityChangeRatio = computeEquityChangeRatio(
      Number.isNaN(current) ? undefined : current,
      Number.isNaN(previous) ? undefined : previous,
    );
    const hasEquityFallen = equityChangeRatio !== undefined && equityChangeRatio < equityFallBelow;
    const key =
      ((((((isCrisisPresumed[row] ?? 0) * 6 + (breachedCount[row] ?? 0)) * 6 + (computableCount[row] ?? 0)) *
        4 +
        (zDoublePrimeZone[row] ?? 0)) *
        4 +
        (zmijewskiZone[row] ?? 0)) *
        4 +
        (springateZone[row] ?? 0)) *
        2 +
      (hasEquityFallen ? 1 : 0);
    let level = decided[key] ?? -1;
    if (level === -1) {
      const decision = decideAlertLevel(
        {
          cndcec: {
            isCrisisPresumed: isCrisisPresumed[row] === 1,
            breachedIndexCount: breachedCount[row] ?? 0,
            computableIndexCount: computableCount[row] ?? 0,
          },
          zDoublePrime: zDoublePrimeStubs[zDoublePrimeZone[row] ?? 0] as AlertLevelInput["zDoublePrime"],
          zmijewski: zmijewskiStubs[zmijewskiZone[row] ?? 0] as AlertLevelInput["zmijewski"],
          springate: springateStubs[springateZone[row] ?? 0] as AlertLevelInput["springate"],
          equityChangeRatio,
        },
        distressModels2025,
      );
      level = alertLevelCodes.indexOf(decision.level);
      decided[key] = level;
    }
    levels[row] = level;
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
