import type { StatementFormat } from "../statements/line-items.ts";
import { standardNormalCdf } from "./normal-distribution.ts";
import { classifyAltmanZone, findEmBounds } from "./scoring-altman.ts";
import type { InputTable } from "./scoring-exact-sign.ts";
import {
  type AggregateId,
  computeAggregateColumn,
  computeAggregateColumns,
  type ItemColumns,
  type StatementColumns,
} from "./scoring-financial-aggregates.ts";
import { computeLinearScoreColumn, settleColumnAgainstCutOffs } from "./scoring-linear-columns.ts";
import {
  type AltmanZone,
  type DistressZone,
  findLinearRuleInputs,
  type SpringateZone,
} from "./scoring-models.ts";
import {
  classifyOhlsonZone,
  computeOhlsonProbability,
  getPriceLevelIndex,
  ohlsonAggregates,
  scoreOhlsonRow,
} from "./scoring-ohlson.ts";
import {
  type AltmanZDoublePrimeRule,
  type DistressModelsRuleSet,
  type EmRating,
  emRatings,
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

function scoreOhlsonColumns(
  table: InputTable,
  columns: StatementColumns,
  previousYear: PreviousYearColumns,
  ruleSet: DistressModelsRuleSet,
  rowCount: number,
): ScoreColumns & { score: Float64Array } {
  const rule = ruleSet.ohlson;
  const previousNetIncome = computeAggregateColumn("netIncome", previousYear, rowCount);
  const priceLevelIndex = new Float64Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    priceLevelIndex[row] = getPriceLevelIndex(rule, columns.periodEndYear?.[row]).value;
  }
  const result = { ...createScoreColumns(rowCount), score: new Float64Array(rowCount).fill(Number.NaN) };
  for (let row = 0; row < rowCount; row += 1) {
    const score = scoreOhlsonRow(rule, table, previousNetIncome, priceLevelIndex, row);
    if (!Number.isFinite(score)) continue;
    const probability = computeOhlsonProbability(score);
    result.score[row] = score;
    result.value[row] = probability;
    result.zone[row] = toZoneCode(classifyOhlsonZone(probability, rule));
  }
  return result;
}

/** rateEmScore as a code (the rating's index in emRatings) for every row whose Z″ is computable, −1 elsewhere. */
function rateEmScoreColumn(
  emScores: Float64Array,
  zDoublePrimeScores: Float64Array,
  rule: AltmanZDoublePrimeRule,
): Int8Array {
  const bounds = rule.emRatingLowerBounds.map(({ lowerBound }) => lowerBound.value);
  const codes = rule.emRatingLowerBounds.map(({ rating }) => emRatings.indexOf(rating));
  const lowestCode = emRatings.indexOf("D");
  const ratings = new Int8Array(emScores.length).fill(-1);
  for (let row = 0; row < emScores.length; row += 1) {
    if (!Number.isFinite(zDoublePrimeScores[row])) continue;
    const emScore = emScores[row] ?? Number.NaN;
    let code = lowestCode;
    for (let index = 0; index < bounds.length; index += 1) {
      if (emScore >= (bounds[index] ?? Number.NaN)) {
        code = codes[index] ?? lowestCode;
        break;
      }
    }
    ratings[row] = code;
  }
  return ratings;
}

/** Altman Z″ with its EM score (constant + Z″, exact against the rating bounds) and EM rating. */
function scoreZDoublePrimeColumns(
  table: InputTable,
  rule: AltmanZDoublePrimeRule,
  rowCount: number,
): BatchScores["altmanZDoublePrime"] {
  const scores = computeLinearScoreColumn(rule, table, rowCount, [
    rule.distressBelow.value,
    rule.safeAbove.value,
  ]);
  const constant = rule.emScoreConstant.value;
  const emScores = new Float64Array(rowCount).fill(Number.NaN);
  for (let row = 0; row < rowCount; row += 1) {
    const score = scores[row] ?? Number.NaN;
    if (Number.isFinite(score)) emScores[row] = constant + score;
  }
  settleColumnAgainstCutOffs(emScores, rule, table, findEmBounds(rule), constant);
  const emRating = rateEmScoreColumn(emScores, scores, rule);
  const zone = new Uint8Array(rowCount);
  for (let row = 0; row < rowCount; row += 1) {
    const score = scores[row] ?? Number.NaN;
    if (Number.isFinite(score)) zone[row] = toZoneCode(classifyAltmanZone(score, rule));
    else scores[row] = Number.NaN;
  }
  return { value: scores, zone, emScore: emScores, emRating };
}

/**
 * Scores many company-years given as columns (amounts in euro cents, NaN = absent from the filing, read by
 * the §0 convention) without an object per row: Z′, Z″ with EM score and rating, Zmijewski, Springate and,
 * given previous-year columns, Ohlson. Each row equals the per-model function on the same statement.
 */
export function scoreBatch(
  columns: StatementColumns,
  ruleSet: DistressModelsRuleSet,
  previousYear?: PreviousYearColumns,
): BatchScores {
  const rowCount = columns.format.length;
  checkLengths(columns, rowCount, "current-year");
  if (previousYear) checkLengths(previousYear, rowCount, "previous-year");
  const rules = [ruleSet.altmanZPrime, ruleSet.altmanZDoublePrime, ruleSet.zmijewski, ruleSet.springate];
  const needed = new Set<AggregateId>(previousYear ? ohlsonAggregates : []);
  for (const rule of rules) {
    for (const id of findLinearRuleInputs(rule)) if (id !== "marketValueOfEquity") needed.add(id);
  }
  const table: InputTable = computeAggregateColumns(needed, columns, rowCount);
  const { altmanZPrime: primeRule, zmijewski: zmijewskiRule, springate: springateRule } = ruleSet;

  const primeCutOffs = [primeRule.distressBelow.value, primeRule.safeAbove.value];
  const zPrime = {
    value: computeLinearScoreColumn(primeRule, table, rowCount, primeCutOffs),
    zone: new Uint8Array(rowCount),
  };
  const zmijewskiScores = computeLinearScoreColumn(zmijewskiRule, table, rowCount, scoreAtEvenOdds);
  const zmijewski = { ...createScoreColumns(rowCount), score: zmijewskiScores };
  const springateCutOffs = [springateRule.failingBelow.value];
  const springate = {
    value: computeLinearScoreColumn(springateRule, table, rowCount, springateCutOffs),
    zone: new Uint8Array(rowCount),
  };
  for (let row = 0; row < rowCount; row += 1) {
    const primeScore = zPrime.value[row] ?? Number.NaN;
    if (Number.isFinite(primeScore)) zPrime.zone[row] = toZoneCode(classifyAltmanZone(primeScore, primeRule));
    else zPrime.value[row] = Number.NaN;
    const zmijewskiScore = zmijewskiScores[row] ?? Number.NaN;
    if (Number.isFinite(zmijewskiScore)) {
      const probability = standardNormalCdf(zmijewskiScore);
      zmijewski.value[row] = probability;
      zmijewski.zone[row] = toZoneCode(classifyZmijewskiZone(probability, zmijewskiRule));
    } else zmijewskiScores[row] = Number.NaN;
    const springateScore = springate.value[row] ?? Number.NaN;
    if (Number.isFinite(springateScore)) {
      springate.zone[row] = toZoneCode(classifySpringateZone(springateScore, springateRule));
    } else springate.value[row] = Number.NaN;
  }
  const scores: BatchScores = {
    ruleSetVersion: ruleSet.version,
    rowCount,
    altmanZPrime: zPrime,
    altmanZDoublePrime: scoreZDoublePrimeColumns(table, ruleSet.altmanZDoublePrime, rowCount),
    zmijewski,
    springate,
  };
  if (previousYear) scores.ohlson = scoreOhlsonColumns(table, columns, previousYear, ruleSet, rowCount);
  return scores;
}
