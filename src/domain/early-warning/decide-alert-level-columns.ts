import {
  type AlertDecision,
  type AlertLevel,
  type AlertLevelInput,
  decideAlertLevel,
  findEquityChangeRatio,
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

/**
 * The decisions this thread has made, per rule set (its version and alert-level rules, all decideAlertLevel
 * reads of it) and key: a decision depends on nothing else, so every call shares them. Frozen, as every
 * output holding one shares it.
 */
const madeDecisions = new Map<string, (AlertDecision | undefined)[]>();
// Rule sets whose decisions are kept at once; more (a test making many) start the cache afresh.
const maximumCachedRuleSets = 16;

function findMadeDecisions(ruleSet: DistressModelsRuleSet): (AlertDecision | undefined)[] {
  // Numbers as String gives them (JSON would write NaN and ±Infinity alike, as null).
  const rules = JSON.stringify(ruleSet.alertLevel, (_name, value) =>
    typeof value === "number" ? String(value) : value,
  );
  const cacheKey = `${ruleSet.version}\u0000${rules}`;
  let made = madeDecisions.get(cacheKey);
  if (!made) {
    if (madeDecisions.size >= maximumCachedRuleSets) madeDecisions.clear();
    made = new Array(keyCount);
    madeDecisions.set(cacheKey, made);
  }
  return made;
}

/** The decisions made for an output's rows so far, by rule set: each distinct input's decision. */
type DecisionIndex = { ruleSet: DistressModelsRuleSet; decided: Int32Array; levelOf: Uint8Array };

const decisionIndexes = new WeakMap<AlertLevelColumns, DecisionIndex>();

// A decision's number is stored in a Uint16 column.
const maximumDecisions = 65_536;
// The inputs of a decision, as the digits of its key: crisis flag, breached and computable index counts
// (0–5), the zone codes of Z″, Zmijewski and Springate (0–3), and whether equity fell.
const keyCount = 2 * 6 * 6 * 4 * 4 * 4 * 2;

/**
 * What decides the alert levels of an output's rows. The level depends only on the crisis flag, the two
 * index counts, three zones and whether equity fell by more than the rule set's share: at most 2 × 6 × 6 ×
 * 4³ × 2 distinct inputs, so each is decided once (on the first row that has it) and the other rows share
 * that decision, reasons included — also across calls that score parts of the same output.
 */
export type AlertLevelDecider = {
  output: AlertLevelColumns;
  ruleSet: DistressModelsRuleSet;
  /** Per key: the decision's number in output.decisions (−1: not decided yet), and its level code. */
  decided: Int32Array;
  levelOf: Uint8Array;
  /** Equity fell when (current − previous) ÷ previous is below this. */
  equityFallBelow: number;
  /** This thread's decisions of the rule set, by key (findMadeDecisions). */
  made: (AlertDecision | undefined)[];
};

export function createAlertLevelDecider(
  ruleSet: DistressModelsRuleSet,
  output: AlertLevelColumns,
): AlertLevelDecider {
  let index = decisionIndexes.get(output);
  if (index?.ruleSet !== ruleSet) {
    const decided = new Int32Array(keyCount).fill(-1);
    index = { ruleSet, decided, levelOf: new Uint8Array(keyCount) };
    decisionIndexes.set(output, index);
  }
  return {
    output,
    ruleSet,
    decided: index.decided,
    levelOf: index.levelOf,
    equityFallBelow: -ruleSet.alertLevel.equityFallShareAbove.value,
    made: findMadeDecisions(ruleSet),
  };
}

/** Forgets an output's decisions, before its columns are scored again (they are all rewritten). */
export function clearAlertLevelDecisions(output: AlertLevelColumns): void {
  output.decisions.length = 0;
  decisionIndexes.delete(output);
}

/**
 * The decision of a key seen for the first time in an output (made now when this thread has not made it
 * before), recorded under the key.
 */
function decideKey(decider: AlertLevelDecider, key: number, equityChangeRatio: number | undefined): number {
  const { output } = decider;
  if (output.decisions.length >= maximumDecisions) {
    throw new RangeError(`More than ${maximumDecisions} alert decisions for one output`);
  }
  const made = decider.made[key] ?? makeDecision(decider, key, equityChangeRatio);
  const decision = output.decisions.length;
  output.decisions.push(made);
  decider.decided[key] = decision;
  decider.levelOf[key] = alertLevelCodes.indexOf(made.level);
  return decision;
}

/**
 * decideAlertLevel of a key's inputs (the equity change only tells whether equity fell, which the key
 * holds too), kept in decider.made.
 */
function makeDecision(
  decider: AlertLevelDecider,
  key: number,
  equityChangeRatio: number | undefined,
): AlertDecision {
  // The key's digits, from the last: equity fell, the three zones, the two counts, the crisis flag.
  let rest = key >> 1;
  const springateZone = rest % 4;
  rest = (rest - springateZone) / 4;
  const zmijewskiZone = rest % 4;
  rest = (rest - zmijewskiZone) / 4;
  const zDoublePrimeZone = rest % 4;
  rest = (rest - zDoublePrimeZone) / 4;
  const computableIndexCount = rest % 6;
  rest = (rest - computableIndexCount) / 6;
  const breachedIndexCount = rest % 6;
  const isCrisisPresumed = (rest - breachedIndexCount) / 6 === 1;
  const made = decideAlertLevel(
    {
      cndcec: { isCrisisPresumed, breachedIndexCount, computableIndexCount },
      zDoublePrime: zDoublePrimeStubs[zDoublePrimeZone] as AlertLevelInput["zDoublePrime"],
      zmijewski: zmijewskiStubs[zmijewskiZone] as AlertLevelInput["zmijewski"],
      springate: springateStubs[springateZone] as AlertLevelInput["springate"],
      equityChangeRatio,
    },
    decider.ruleSet,
  );
  Object.freeze(made.reasons);
  Object.freeze(made.distressModels);
  decider.made[key] = Object.freeze(made);
  return made;
}

/**
 * The alert levels of rows start … start + length − 1 from their scored columns: the screen's summary,
 * the zones of Z″, Zmijewski and Springate, and the two years' equity (the previous one only on rows whose
 * previous format code is not `noPreviousCode`; NaN: unknown).
 */
export function decideAlertLevelBlock(
  decider: AlertLevelDecider,
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
  const { decided, levelOf, equityFallBelow, output } = decider;
  const { isCrisisPresumed, breachedCount, computableCount } = scored.indices;
  const zDoublePrimeZone = scored.models.altmanZDoublePrime.zone;
  const zmijewskiZone = scored.models.zmijewski.zone;
  const springateZone = scored.models.springate.zone;
  const { current, previous, previousFormatCodes, noPreviousCode } = equity;
  for (let at = start; at < start + length; at += 1) {
    const currentEquity = current === undefined ? Number.NaN : (current[at] ?? Number.NaN);
    const hasPrevious = previousFormatCodes !== undefined && previousFormatCodes[at] !== noPreviousCode;
    const previousEquity = hasPrevious && previous !== undefined ? (previous[at] ?? Number.NaN) : Number.NaN;
    const equityChangeRatio = findEquityChangeRatio(currentEquity, previousEquity);
    const key =
      ((((((isCrisisPresumed[at] as number) * 6 + (breachedCount[at] as number)) * 6 +
        (computableCount[at] as number)) *
        4 +
        (zDoublePrimeZone[at] as number)) *
        4 +
        (zmijewskiZone[at] as number)) *
        4 +
        (springateZone[at] as number)) *
        2 +
      (equityChangeRatio < equityFallBelow ? 1 : 0);
    let decision = decided[key] as number;
    if (decision === -1) {
      decision = decideKey(decider, key, Number.isNaN(equityChangeRatio) ? undefined : equityChangeRatio);
    }
    output.decision[at] = decision;
    output.level[at] = levelOf[key] as number;
  }
}
