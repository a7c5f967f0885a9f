import {
  type AggregateProgram,
  compileAggregates,
  compileLinear,
  computeBlockAggregates,
  countBoundsAbove,
  createRowTable,
  evaluateLinearBlock,
  type ItemList,
  type LinearProgram,
  needsSettling,
  type RowTable,
  rowsPerBlock,
  settleRow,
} from "./batch-programs.ts";
import type { BlockScratch } from "./block-kernels.ts";
import { computeStandardNormalCdfs } from "./normal-distribution.ts";
import type { BatchScores } from "./score-batch.ts";
import { type OhlsonPlan, planOhlson, scoreOhlsonBlock } from "./score-ohlson-blocks.ts";
import { findAltmanZoneCode, findEmBounds } from "./scoring-altman.ts";
import type { AggregateId, ItemColumns } from "./scoring-financial-aggregates.ts";
import { findLinearRuleInputs } from "./scoring-models.ts";
import { ohlsonAggregates } from "./scoring-ohlson.ts";
import { type DistressModelsRuleSet, emRatings } from "./scoring-rule-set.ts";
import { findSpringateZoneCode } from "./scoring-springate.ts";
import { findZmijewskiZoneCode, scoreAtEvenOdds } from "./scoring-zmijewski.ts";

// The distress models of a block of rows (Z′, Z″ with EM score and rating, Zmijewski, Springate, Ohlson)
// from the block's cells: the aggregates of §4 first, then each model's score, settled exactly where it is
// near a cut-off, and its zone.

/** What the models of a call need, compiled once: the aggregate sums, the scores and their scratch arrays. */
export type ModelPlan = {
  ruleSet: DistressModelsRuleSet;
  aggregateProgram: AggregateProgram;
  /** The aggregates of the block: aggregates[slot × rowsPerBlock + r], plus a slot that stays NaN. */
  aggregates: Float64Array;
  rowTable: RowTable;
  zPrime: LinearProgram;
  zDoublePrime: LinearProgram;
  /** Z″'s terms again, settled against the EM rating bounds with the EM constant. */
  em: LinearProgram;
  emBounds: Float64Array;
  emRatingCodes: Int8Array;
  zmijewski: LinearProgram;
  springate: LinearProgram;
  scores: Float64Array;
  ohlson: OhlsonPlan | undefined;
};

/** Compiles the models of a rule set; their line items are added to `itemList`. */
export function planModels(
  ruleSet: DistressModelsRuleSet,
  itemList: ItemList,
  previous: ItemColumns | undefined,
  scratch: BlockScratch,
): ModelPlan {
  const { altmanZPrime, altmanZDoublePrime, zmijewski, springate } = ruleSet;
  const needed = new Set<AggregateId>(previous ? ohlsonAggregates : []);
  for (const rule of [altmanZPrime, altmanZDoublePrime, zmijewski, springate]) {
    for (const id of findLinearRuleInputs(rule)) if (id !== "marketValueOfEquity") needed.add(id);
  }
  const aggregateProgram = compileAggregates(needed, itemList);
  const aggregateIds = aggregateProgram.ids;
  // An input no aggregate gives (Altman Z's market value) reads from a slot that stays NaN.
  const aggregateCount = aggregateIds.length;
  const slotOf = (id: string) => {
    const position = aggregateIds.indexOf(id as AggregateId);
    return position === -1 ? aggregateCount : position;
  };
  const aggregates = scratch.takeDoubles((aggregateCount + 1) * rowsPerBlock);
  aggregates.fill(Number.NaN, aggregateCount * rowsPerBlock);
  const emBounds = findEmBounds(altmanZDoublePrime);
  // The rating is found by counting the bounds above the score: they must run best (highest) first.
  if (emBounds.some((bound, position) => position > 0 && !(bound < (emBounds[position - 1] as number)))) {
    throw new RangeError(
      `The EM rating bounds of ${ruleSet.version} do not fall strictly, best rating first`,
    );
  }
  const altmanCutOffs = (rule: typeof altmanZPrime) => [rule.distressBelow.value, rule.safeAbove.value];
  return {
    ruleSet,
    aggregateProgram,
    aggregates,
    rowTable: createRowTable(aggregateIds),
    zPrime: compileLinear(altmanZPrime, slotOf, altmanCutOffs(altmanZPrime)),
    zDoublePrime: compileLinear(altmanZDoublePrime, slotOf, altmanCutOffs(altmanZDoublePrime)),
    em: compileLinear(altmanZDoublePrime, slotOf, emBounds, altmanZDoublePrime.emScoreConstant.value),
    emBounds: Float64Array.from(emBounds),
    emRatingCodes: Int8Array.from(altmanZDoublePrime.emRatingLowerBounds, ({ rating }) =>
      emRatings.indexOf(rating),
    ),
    zmijewski: compileLinear(zmijewski, slotOf, scoreAtEvenOdds),
    springate: compileLinear(springate, slotOf, [springate.failingBelow.value]),
    scores: scratch.takeDoubles(rowsPerBlock),
    ohlson: previous && planOhlson(ruleSet, previous, (id) => slotOf(id) * rowsPerBlock, scratch),
  };
}

/** A score of the block settled exactly when it is near a cut-off; NaN when it is not finite. */
function settleScore(plan: ModelPlan, program: LinearProgram, row: number): number {
  const score = plan.scores[row] as number;
  if (!(score - score === 0)) return Number.NaN;
  return needsSettling(program, score, plan.aggregates, row)
    ? settleRow(program, score, plan.aggregates, row, plan.rowTable)
    : score;
}

/** A linear score's settled values for the block's rows (NaN where not computable). */
function scoreLinearBlock(
  plan: ModelPlan,
  program: LinearProgram,
  value: Float64Array,
  start: number,
  length: number,
) {
  evaluateLinearBlock(program, plan.aggregates, plan.scores, length);
  for (let row = 0; row < length; row += 1) value[start + row] = settleScore(plan, program, row);
}

/**
 * Z′ or Springate's S and its zone for the block's rows. Each zone function is called at a call site of
 * its own (not passed in), so that V8 inlines it and the score is never boxed.
 */
function scoreValueAndZoneBlock(
  plan: ModelPlan,
  model: "altmanZPrime" | "springate",
  result: BatchScores["altmanZPrime"],
  start: number,
  length: number,
) {
  const { altmanZPrime, springate } = plan.ruleSet;
  const isAltman = model === "altmanZPrime";
  const { value, zone } = result;
  scoreLinearBlock(plan, isAltman ? plan.zPrime : plan.springate, value, start, length);
  for (let at = start; at < start + length; at += 1) {
    const score = value[at] as number;
    if (Number.isNaN(score)) zone[at] = 0;
    else if (isAltman) zone[at] = findAltmanZoneCode(score, altmanZPrime);
    else zone[at] = findSpringateZoneCode(score, springate);
  }
}

/** Z″, and its EM score (constant + Z″, exact against the rating bounds) with the rating it reaches. */
function scoreZDoublePrimeBlock(
  plan: ModelPlan,
  result: BatchScores["altmanZDoublePrime"],
  start: number,
  length: number,
) {
  const rule = plan.ruleSet.altmanZDoublePrime;
  const constant = rule.emScoreConstant.value;
  const { em, emBounds, emRatingCodes } = plan;
  const lowestRatingCode = emRatings.indexOf("D");
  evaluateLinearBlock(plan.zDoublePrime, plan.aggregates, plan.scores, length);
  const { value, zone, emScore, emRating } = result;
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    const score = settleScore(plan, plan.zDoublePrime, row);
    value[at] = score;
    if (Number.isNaN(score)) {
      zone[at] = 0;
      emScore[at] = Number.NaN;
      emRating[at] = -1;
      continue;
    }
    zone[at] = findAltmanZoneCode(score, rule);
    // The bounds run best first: those above the score come first, and their count is the rating's
    // position. The score is settled exactly when it is near one of the two bounds around it.
    let emValue = constant + score;
    let above = countBoundsAbove(emBounds, emValue);
    const upper = above > 0 ? (emBounds[above - 1] as number) : Number.POSITIVE_INFINITY;
    const lower = above < emBounds.length ? (emBounds[above] as number) : Number.NEGATIVE_INFINITY;
    const isNear = upper - emValue <= em.widestReach || emValue - lower <= em.widestReach;
    if (isNear && needsSettling(em, emValue, plan.aggregates, row)) {
      emValue = settleRow(em, emValue, plan.aggregates, row, plan.rowTable);
      above = countBoundsAbove(emBounds, emValue);
    }
    emScore[at] = emValue;
    emRating[at] = above < emBounds.length ? (emRatingCodes[above] as number) : lowestRatingCode;
  }
}

/** Zmijewski: X exact against 0 (Φ(0) = ½ is the cut-off), P = Φ(X). */
function scoreZmijewskiBlock(
  plan: ModelPlan,
  result: BatchScores["zmijewski"],
  start: number,
  length: number,
) {
  const rule = plan.ruleSet.zmijewski;
  evaluateLinearBlock(plan.zmijewski, plan.aggregates, plan.scores, length);
  const { value, zone, score: scores } = result;
  for (let row = 0; row < length; row += 1) scores[start + row] = settleScore(plan, plan.zmijewski, row);
  computeStandardNormalCdfs(scores, start, value, start, length);
  for (let at = start; at < start + length; at += 1) {
    const probability = value[at] as number;
    zone[at] = Number.isNaN(probability) ? 0 : findZmijewskiZoneCode(probability, rule);
  }
}

/**
 * The models of rows start … start + length − 1, whose cells are in `cells`, into the result columns.
 * Rows without a statement (format code noStatementFormatCode) have no aggregate, so no score.
 */
export function scoreModelBlock(
  plan: ModelPlan,
  cells: Float64Array,
  formatCodes: Uint8Array,
  previous: { formatCodes: Uint8Array } | undefined,
  periodEndYear: Float64Array | readonly number[] | undefined,
  result: BatchScores,
  start: number,
  length: number,
): void {
  computeBlockAggregates(plan.aggregateProgram, cells, formatCodes, start, length, plan.aggregates);
  scoreValueAndZoneBlock(plan, "altmanZPrime", result.altmanZPrime, start, length);
  scoreZDoublePrimeBlock(plan, result.altmanZDoublePrime, start, length);
  scoreZmijewskiBlock(plan, result.zmijewski, start, length);
  scoreValueAndZoneBlock(plan, "springate", result.springate, start, length);
  if (plan.ohlson && previous && result.ohlson) {
    scoreOhlsonBlock(plan, plan.ohlson, previous.formatCodes, periodEndYear, result.ohlson, start, length);
  }
}

/** The model columns of `rowCount` rows (every cell is written by scoreModelBlock). */
export function createModelColumns(
  ruleSet: DistressModelsRuleSet,
  rowCount: number,
  hasOhlson: boolean,
): BatchScores {
  const scoreColumns = () => ({ value: new Float64Array(rowCount), zone: new Uint8Array(rowCount) });
  const scores: BatchScores = {
    ruleSetVersion: ruleSet.version,
    rowCount,
    altmanZPrime: scoreColumns(),
    altmanZDoublePrime: {
      ...scoreColumns(),
      emScore: new Float64Array(rowCount),
      emRating: new Int8Array(rowCount),
    },
    zmijewski: { ...scoreColumns(), score: new Float64Array(rowCount) },
    springate: scoreColumns(),
  };
  if (hasOhlson) scores.ohlson = { ...scoreColumns(), score: new Float64Array(rowCount) };
  return scores;
}
