import type { StatementFormat } from "../statements/line-items.ts";
import { standardNormalCdf } from "./normal-distribution.ts";
import { classifyAltmanZone, findEmBounds } from "./scoring-altman.ts";
import type { InputTable } from "./scoring-exact-sign.ts";
import {
  type AggregateId,
  type AggregatePlan,
  computeAggregateRows,
  encodeFormatCodes,
  type ItemColumns,
  planAggregateColumns,
  type StatementColumns,
} from "./scoring-financial-aggregates.ts";
import { computeLinearScoreRows, settleColumnAgainstCutOffs } from "./scoring-linear-columns.ts";
import {
  type AltmanZone,
  type DistressZone,
  findLinearRuleInputs,
  type SpringateZone,
} from "./scoring-models.ts";
import {
  classifyOhlsonZone,
  computeOhlsonProbability,
  computeOhlsonScore,
  getPriceLevelIndex,
  type OhlsonRowInputs,
  ohlsonAggregates,
} from "./scoring-ohlson.ts";
import {
  type AltmanZDoublePrimeRule,
  type DistressModelsRuleSet,
  type EmRating,
  emRatings,
  type OhlsonRule,
} from "./scoring-rule-set.ts";
import { classifySpringateZone } from "./scoring-springate.ts";
import { classifyZmijewskiZone, scoreAtEvenOdds } from "./scoring-zmijewski.ts";

/** Zone codes of the batch columns: 0 not computable, 1 distress (or failing), 2 grey, 3 safe (or no distress). */
export const zoneCodes = { notComputable: 0, distress: 1, grey: 2, safe: 3 } as const;

/** The code of a zone, or of "not computable" when there is none. */
export function toZoneCode(zone: AltmanZone | DistressZone | SpringateZone | undefined): number {
  if (zone === undefined) return zoneCodes.notComputable;
  if (zone === "distress" || zone === "failing") return zoneCodes.distress;
  return zone === "grey" ? zoneCodes.grey : zoneCodes.safe;
}

/** The EM rating of a code in the emRating column (its index in `emRatings`; −1 when not computable). */
export function findEmRatingOfCode(code: number): EmRating | undefined {
  return emRatings[code];
}

/** Previous-year columns aligned row by row with the current ones; format undefined: no previous year. */
export type PreviousYearColumns = ItemColumns & { format: readonly (StatementFormat | undefined)[] };

/** A score column (NaN where not computable) with its zone codes. */
export type ScoreColumns = { value: Float64Array; zone: Uint8Array };

export type BatchScores = {
  ruleSetVersion: string;
  rowCount: number;
  altmanZPrime: ScoreColumns;
  altmanZDoublePrime: ScoreColumns & { emScore: Float64Array; emRating: Int8Array };
  /** value: P = Φ(X); score: X. */
  zmijewski: ScoreColumns & { score: Float64Array };
  springate: ScoreColumns;
  /** Only when previous-year columns are given. value: P; score: T. */
  ohlson?: ScoreColumns & { score: Float64Array };
};

function checkLengths(columns: Readonly<Record<string, unknown>>, rowCount: number, name: string): void {
  for (const [id, cells] of Object.entries(columns)) {
    if (cells !== undefined && (cells as ArrayLike<unknown>).length !== rowCount) {
      throw new RangeError(
        `${name} column ${id} has ${(cells as ArrayLike<unknown>).length} rows, not ${rowCount}`,
      );
    }
  }
}

const createScoreColumns = (rowCount: number): ScoreColumns => ({
  value: new Float64Array(rowCount).fill(Number.NaN),
  zone: new Uint8Array(rowCount),
});

// Rows are scored a block at a time: the aggregate columns of a block are scratch arrays reused from block
// to block, so that they stay in the processor's cache; only the results are as long as the batch.
const rowsPerBlock = 2048;

/** The scratch arrays of a block: the input table of the models, and Ohlson's previous-year inputs. */
type BlockScratch = {
  table: InputTable;
  previousYearTable: Partial<Record<AggregateId, Float64Array>>;
  priceLevelIndex: Float64Array;
};

/** What every block reads: the columns, their format codes and the aggregate plans. */
type BatchInput = {
  columns: StatementColumns;
  formatCodes: Uint8Array;
  plan: AggregatePlan;
  previousYear: { columns: PreviousYearColumns; formatCodes: Uint8Array } | undefined;
};

const previousYearPlan = planAggregateColumns(["netIncome"]);

function scoreOhlsonRows(
  rule: OhlsonRule,
  input: BatchInput,
  scratch: BlockScratch,
  result: NonNullable<BatchScores["ohlson"]>,
  start: number,
  length: number,
): void {
  const { priceLevelIndex, table } = scratch;
  const previousNetIncome = scratch.previousYearTable.netIncome as Float64Array;
  const periodEndYear = input.columns.periodEndYear;
  // The index of the previous row's year again when the year is the same (rows are often sorted by year).
  let previousYear = Number.NaN;
  let previousIndex = Number.NaN;
  for (let row = 0; row < length; row += 1) {
    const year = periodEndYear?.[start + row];
    if (year !== previousYear || row === 0) {
      previousIndex = getPriceLevelIndex(rule, year).value;
      previousYear = year ?? Number.NaN;
    }
    priceLevelIndex[row] = previousIndex;
  }
  const column = (id: AggregateId) => table[id] ?? new Float64Array(length).fill(Number.NaN);
  const totalAssets = column("totalAssets");
  const totalLiabilities = column("totalLiabilities");
  const workingCapital = column("workingCapital");
  const currentLiabilities = column("currentLiabilities");
  const currentAssets = column("currentAssets");
  const netIncome = column("netIncome");
  const fundsFromOperations = column("fundsFromOperations");
  // One inputs object for the block, refilled row by row.
  const inputs: OhlsonRowInputs = {
    totalAssets: 0,
    totalLiabilities: 0,
    workingCapital: 0,
    currentLiabilities: 0,
    currentAssets: 0,
    netIncome: 0,
    fundsFromOperations: 0,
    previousNetIncome: 0,
    priceLevelIndex: 0,
  };
  for (let row = 0; row < length; row += 1) {
    inputs.totalAssets = totalAssets[row] ?? Number.NaN;
    inputs.totalLiabilities = totalLiabilities[row] ?? Number.NaN;
    inputs.workingCapital = workingCapital[row] ?? Number.NaN;
    inputs.currentLiabilities = currentLiabilities[row] ?? Number.NaN;
    inputs.currentAssets = currentAssets[row] ?? Number.NaN;
    inputs.netIncome = netIncome[row] ?? Number.NaN;
    inputs.fundsFromOperations = fundsFromOperations[row] ?? Number.NaN;
    inputs.previousNetIncome = previousNetIncome[row] ?? Number.NaN;
    inputs.priceLevelIndex = priceLevelIndex[row] ?? Number.NaN;
    const score = computeOhlsonScore(rule, inputs);
    if (!Number.isFinite(score)) continue;
    const probability = computeOhlsonProbability(score);
    result.score[start + row] = score;
    result.value[start + row] = probability;
    result.zone[start + row] = toZoneCode(classifyOhlsonZone(probability, rule));
  }
}

/** rateEmScore as a code (the rating's index in emRatings) for every row whose Z″ is computable, −1 elsewhere. */
function rateEmScoreRows(
  emScores: Float64Array,
  zDoublePrimeScores: Float64Array,
  rule: AltmanZDoublePrimeRule,
  ratings: Int8Array,
): void {
  // The bounds run from the highest rating down: the rating is the first whose bound the score reaches.
  const bounds = Float64Array.from(findEmBounds(rule));
  const codes = Int8Array.from(emRatingCodes(rule));
  const lowestCode = emRatings.indexOf("D");
  const count = bounds.length;
  for (let row = 0; row < emScores.length; row += 1) {
    const zDoublePrime = zDoublePrimeScores[row] as number;
    if (!(zDoublePrime - zDoublePrime === 0)) continue;
    const emScore = emScores[row] as number;
    // Binary search for the first index whose bound is ≤ emScore (count when there is none).
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (emScore >= (bounds[middle] as number)) high = middle;
      else low = middle + 1;
    }
    ratings[row] = low < count ? (codes[low] as number) : lowestCode;
  }
}

const emRatingCodesByRule = new WeakMap<AltmanZDoublePrimeRule, number[]>();

function emRatingCodes(rule: AltmanZDoublePrimeRule): number[] {
  let codes = emRatingCodesByRule.get(rule);
  if (!codes) {
    codes = rule.emRatingLowerBounds.map(({ rating }) => emRatings.indexOf(rating));
    emRatingCodesByRule.set(rule, codes);
  }
  return codes;
}

/** Altman Z″ with its EM score (constant + Z″, exact against the rating bounds) and EM rating, for a block. */
function scoreZDoublePrimeRows(
  table: InputTable,
  rule: AltmanZDoublePrimeRule,
  result: BatchScores["altmanZDoublePrime"],
  start: number,
  end: number,
): void {
  const scores = result.value.subarray(start, end);
  computeLinearScoreRows(scores, rule, table, [rule.distressBelow.value, rule.safeAbove.value]);
  const constant = rule.emScoreConstant.value;
  const emScores = result.emScore.subarray(start, end);
  for (let row = 0; row < scores.length; row += 1) {
    const score = scores[row] ?? Number.NaN;
    if (Number.isFinite(score)) emScores[row] = constant + score;
  }
  settleColumnAgainstCutOffs(emScores, rule, table, findEmBounds(rule), constant);
  rateEmScoreRows(emScores, scores, rule, result.emRating.subarray(start, end));
  const zone = result.zone;
  for (let row = 0; row < scores.length; row += 1) {
    const score = scores[row] ?? Number.NaN;
    if (Number.isFinite(score)) zone[start + row] = toZoneCode(classifyAltmanZone(score, rule));
    else scores[row] = Number.NaN;
  }
}

/** Z′, Zmijewski and Springate for a block whose input table is computed. */
function scoreLinearModelRows(
  ruleSet: DistressModelsRuleSet,
  table: InputTable,
  scores: BatchScores,
  start: number,
  end: number,
): void {
  const { altmanZPrime: primeRule, zmijewski: zmijewskiRule, springate: springateRule } = ruleSet;
  const zPrime = scores.altmanZPrime;
  const primeScores = zPrime.value.subarray(start, end);
  computeLinearScoreRows(primeScores, primeRule, table, [
    primeRule.distressBelow.value,
    primeRule.safeAbove.value,
  ]);
  const zmijewskiScores = scores.zmijewski.score.subarray(start, end);
  computeLinearScoreRows(zmijewskiScores, zmijewskiRule, table, scoreAtEvenOdds);
  const springateScores = scores.springate.value.subarray(start, end);
  computeLinearScoreRows(springateScores, springateRule, table, [springateRule.failingBelow.value]);
  const { zmijewski, springate } = scores;
  for (let row = 0; row < primeScores.length; row += 1) {
    const primeScore = primeScores[row] ?? Number.NaN;
    if (Number.isFinite(primeScore)) {
      zPrime.zone[start + row] = toZoneCode(classifyAltmanZone(primeScore, primeRule));
    } else primeScores[row] = Number.NaN;
    const zmijewskiScore = zmijewskiScores[row] ?? Number.NaN;
    if (Number.isFinite(zmijewskiScore)) {
      const probability = standardNormalCdf(zmijewskiScore);
      zmijewski.value[start + row] = probability;
      zmijewski.zone[start + row] = toZoneCode(classifyZmijewskiZone(probability, zmijewskiRule));
    } else zmijewskiScores[row] = Number.NaN;
    const springateScore = springateScores[row] ?? Number.NaN;
    if (Number.isFinite(springateScore)) {
      springate.zone[start + row] = toZoneCode(classifySpringateZone(springateScore, springateRule));
    } else springateScores[row] = Number.NaN;
  }
}

function createBatchScores(
  ruleSet: DistressModelsRuleSet,
  rowCount: number,
  hasOhlson: boolean,
): BatchScores {
  const scores: BatchScores = {
    ruleSetVersion: ruleSet.version,
    rowCount,
    altmanZPrime: { value: new Float64Array(rowCount), zone: new Uint8Array(rowCount) },
    altmanZDoublePrime: {
      value: new Float64Array(rowCount),
      zone: new Uint8Array(rowCount),
      emScore: new Float64Array(rowCount).fill(Number.NaN),
      emRating: new Int8Array(rowCount).fill(-1),
    },
    zmijewski: { ...createScoreColumns(rowCount), score: new Float64Array(rowCount) },
    springate: { value: new Float64Array(rowCount), zone: new Uint8Array(rowCount) },
  };
  if (hasOhlson) {
    scores.ohlson = { ...createScoreColumns(rowCount), score: new Float64Array(rowCount).fill(Number.NaN) };
  }
  return scores;
}

function createBlockScratch(plan: AggregatePlan, blockRows: number): BlockScratch {
  const table: InputTable = {};
  for (const { id } of plan) table[id] = new Float64Array(blockRows);
  return {
    table,
    previousYearTable: { netIncome: new Float64Array(blockRows) },
    priceLevelIndex: new Float64Array(blockRows),
  };
}

/**
 * Scores many company-years given as columns (amounts in euro cents, NaN = absent from the filing, read by
 * the §0 convention) without an object per row: Z′, Z″ with EM score and rating, Zmijewski, Springate and,
 * given previous-year columns, Ohlson. Each row equals the per-model function on the same statement.
 * `formatCodes` (encodeFormatCodes of the current formats) may be passed when the caller has them.
 */
export function scoreBatch(
  columns: StatementColumns,
  ruleSet: DistressModelsRuleSet,
  previousYear?: PreviousYearColumns,
  formatCodes: Uint8Array = encodeFormatCodes(columns.format, columns.format.length),
): BatchScores {
  const rowCount = columns.format.length;
  checkLengths(columns, rowCount, "current-year");
  if (previousYear) checkLengths(previousYear, rowCount, "previous-year");
  const rules = [ruleSet.altmanZPrime, ruleSet.altmanZDoublePrime, ruleSet.zmijewski, ruleSet.springate];
  const needed = new Set<AggregateId>(previousYear ? ohlsonAggregates : []);
  for (const rule of rules) {
    for (const id of findLinearRuleInputs(rule)) if (id !== "marketValueOfEquity") needed.add(id);
  }
  const input: BatchInput = {
    columns,
    formatCodes,
    plan: planAggregateColumns(needed),
    previousYear: previousYear && {
      columns: previousYear,
      formatCodes: encodeFormatCodes(previousYear.format, rowCount),
    },
  };
  const scratch = createBlockScratch(input.plan, Math.max(1, Math.min(rowsPerBlock, rowCount)));
  const scores = createBatchScores(ruleSet, rowCount, previousYear !== undefined);
  for (let start = 0; start < rowCount; start += rowsPerBlock) {
    const end = Math.min(rowCount, start + rowsPerBlock);
    const length = end - start;
    computeAggregateRows(input.plan, columns, input.formatCodes, start, length, scratch.table);
    scoreLinearModelRows(ruleSet, scratch.table, scores, start, end);
    scoreZDoublePrimeRows(scratch.table, ruleSet.altmanZDoublePrime, scores.altmanZDoublePrime, start, end);
    if (input.previousYear && scores.ohlson) {
      const { columns: previousColumns, formatCodes } = input.previousYear;
      computeAggregateRows(
        previousYearPlan,
        previousColumns,
        formatCodes,
        start,
        length,
        scratch.previousYearTable,
      );
      scoreOhlsonRows(ruleSet.ohlson, input, scratch, scores.ohlson, start, length);
    }
  }
  return scores;
}
