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
// shared by every row, so a decision allocates nothing but itself.
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

/** What decides a row's alert level: the screen's summary, three zone codes and the two years' equity (NaN: unknown). */
export type AlertLevelRow = {
  isCrisisPresumed: boolean;
  breachedIndexCount: number;
  computableIndexCount: number;
  zDoublePrimeZone: number;
  zmijewskiZone: number;
  springateZone: number;
  currentEquity: number;
  previousEquity: number;
};

/** The decisions made for an output's rows so far, by rule set: each distinct input's decision. */
type DecisionIndex = { ruleSet: DistressModelsRuleSet; decided: Int32Array; levelOf: Uint8Array };

const decisionIndexes = new WeakMap<AlertLevelColumns, DecisionIndex>();

// A decision's number is stored in a Uint16 column.
const maximumDecisions = 65_536;

/**
 * A function writing the §7 alert level of a row into `output`. The level depends only on the crisis flag,
 * the two index counts, three zones and whether equity fell by more than the rule set's share: at most
 * 2 × 6 × 6 × 4³ × 2 distinct inputs, so each is decided once (on the first row that has it) and the other
 * rows share that decision, reasons included — also across calls that score parts of the same output.
 */
export function createAlertLevelDecider(
  ruleSet: DistressModelsRuleSet,
  output: AlertLevelColumns,
): (row: number, input: AlertLevelRow) => void {
  const equityFallBelow = -ruleSet.alertLevel.equityFallShareAbove.value;
  let index = decisionIndexes.get(output);
  if (index?.ruleSet !== ruleSet) {
    // Per distinct input: its decision's number in output.decisions (−1: not decided yet) and its level code.
    const decided = new Int32Array(2 * 6 * 6 * 64 * 2).fill(-1);
    index = { ruleSet, decided, levelOf: new Uint8Array(decided.length) };
    decisionIndexes.set(output, index);
  }
  const { decided, levelOf } = index;
  return (row, input) => {
    const { currentEquity, previousEquity } = input;
    const equityChangeRatio = computeEquityChangeRatio(
      Number.isNaN(currentEquity) ? undefined : currentEquity,
      Number.isNaN(previousEquity) ? undefined : previousEquity,
    );
    const hasEquityFallen = equityChangeRatio !== undefined && equityChangeRatio < equityFallBelow;
    const key =
      ((((((input.isCrisisPresumed ? 1 : 0) * 6 + input.breachedIndexCount) * 6 +
        input.computableIndexCount) *
        4 +
        input.zDoublePrimeZone) *
        4 +
        input.zmijewskiZone) *
        4 +
        input.springateZone) *
        2 +
      (hasEquityFallen ? 1 : 0);
    let decision = decided[key] ?? -1;
    if (decision === -1) {
      if (output.decisions.length >= maximumDecisions) {
        throw new RangeError(`More than ${maximumDecisions} alert decisions for one output`);
      }
      const made = decideAlertLevel(
        {
          cndcec: {
            isCrisisPresumed: input.isCrisisPresumed,
            breachedIndexCount: input.breachedIndexCount,
            computableIndexCount: input.computableIndexCount,
          },
          zDoublePrime: zDoublePrimeStubs[input.zDoublePrimeZone] as AlertLevelInput["zDoublePrime"],
          zmijewski: zmijewskiStubs[input.zmijewskiZone] as AlertLevelInput["zmijewski"],
          springate: springateStubs[input.springateZone] as AlertLevelInput["springate"],
          equityChangeRatio,
        },
        ruleSet,
      );
      decision = output.decisions.length;
      output.decisions.push(made);
      decided[key] = decision;
      levelOf[key] = alertLevelCodes.indexOf(made.level);
    }
    output.decision[row] = decision;
    output.level[row] = levelOf[key] ?? 0;
  };
}

/**
 * The alert levels of rows start … start + length − 1 from their scored columns: the screen's summary,
 * the zones of Z″, Zmijewski and Springate, and the two years' equity (the previous one only on rows whose
 * previous format code is not `noPreviousCode`).
 */
export function decideAlertLevelBlock(
  decide: (row: number, input: AlertLevelRow) => void,
  scored: { models: BatchScores; indices: IndexColumns },
  equity: {
    current: Float64Array | readonly number[] | undefined;
    previous: Float64Array | readonly number[] | undefined;
    previousFormatCodes: Uint8Array | undefined;
    noPreviousCode: number;
  },
  start: number,
  length: number,
): void {
  const { models, indices } = scored;
  const input: AlertLevelRow = {
    isCrisisPresumed: false,
    breachedIndexCount: 0,
    computableIndexCount: 0,
    zDoublePrimeZone: 0,
    zmijewskiZone: 0,
    springateZone: 0,
    currentEquity: 0,
    previousEquity: 0,
  };
  for (let at = start; at < start + length; at += 1) {
    input.isCrisisPresumed = indices.isCrisisPresumed[at] === 1;
    input.breachedIndexCount = indices.breachedCount[at] as number;
    input.computableIndexCount = indices.computableCount[at] as number;
    input.zDoublePrimeZone = models.altmanZDoublePrime.zone[at] as number;
    input.zmijewskiZone = models.zmijewski.zone[at] as number;
    input.springateZone = models.springate.zone[at] as number;
    input.currentEquity = equity.current?.[at] ?? Number.NaN;
    const hasPrevious =
      equity.previousFormatCodes !== undefined && equity.previousFormatCodes[at] !== equity.noPreviousCode;
    input.previousEquity = hasPrevious ? (equity.previous?.[at] ?? Number.NaN) : Number.NaN;
    decide(at, input);
  }
}
