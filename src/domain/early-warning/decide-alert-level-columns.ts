import {
  type AlertDecision,
  type AlertLevel,
  type AlertLevelInput,
  computeEquityChangeRatio,
  decideAlertLevel,
} from "./alert-level.ts";
import type { BatchScores } from "./score-batch.ts";
import type { IndexColumns } from "./score-index-columns.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

/** Alert level codes of the batch: the index in this list. */
export const alertLevelCodes: readonly AlertLevel[] = ["grey", "green", "orange", "red"];

/** The alert level of every row (its code in alertLevelCodes) and the decision behind it, shared by rows. */
export type AlertLevelColumns = {
  level: Uint8Array;
  /** Index of each row's decision in `decisions`. */
  decision: Uint16Array;
  decisions: AlertDecision[];
};

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

/** Equity of this year and of the previous one (NaN: unknown), aligned with the rows. */
export type EquityColumns = {
  current: Float64Array | readonly number[] | undefined;
  previous: Float64Array | readonly number[] | undefined;
};

/**
 * The alert level of §7 for every row, with decideAlertLevel fed from the batch columns. The level depends
 * only on the crisis flag, the two index counts, three zones and whether equity fell by more than the rule
 * set's share: at most 2 × 6 × 6 × 4³ × 2 distinct inputs, so each is decided once (on the first row that
 * has it) and the other rows share that decision, reasons included.
 */
export function decideAlertLevelColumns(
  equity: EquityColumns,
  scores: BatchScores,
  indices: IndexColumns,
  ruleSet: DistressModelsRuleSet,
): AlertLevelColumns {
  const rowCount = scores.rowCount;
  const level = new Uint8Array(rowCount);
  const decision = new Uint16Array(rowCount);
  const decisions: AlertDecision[] = [];
  const levelOfDecision: number[] = [];
  const equityFallBelow = -ruleSet.alertLevel.equityFallShareAbove.value;
  const { isCrisisPresumed, breachedCount, computableCount } = indices;
  const zDoublePrimeZone = scores.altmanZDoublePrime.zone;
  const zmijewskiZone = scores.zmijewski.zone;
  const springateZone = scores.springate.zone;
  const decided = new Int16Array(2 * 6 * 6 * 64 * 2).fill(-1);
  for (let row = 0; row < rowCount; row += 1) {
    const current = equity.current?.[row] ?? Number.NaN;
    const previous = equity.previous?.[row] ?? Number.NaN;
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
    let index = decided[key] ?? -1;
    if (index === -1) {
      const made = decideAlertLevel(
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
        ruleSet,
      );
      index = decisions.length;
      decisions.push(made);
      levelOfDecision.push(alertLevelCodes.indexOf(made.level));
      decided[key] = index;
    }
    decision[row] = index;
    level[row] = levelOfDecision[index] ?? 0;
  }
  return { level, decision, decisions };
}
