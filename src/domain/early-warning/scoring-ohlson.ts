import type { Computed, NotComputable, SourcedValue, StatementInput } from "./model-result.ts";
import type { InputTable } from "./scoring-exact-sign.ts";
import { type AggregateId, readAggregates } from "./scoring-financial-aggregates.ts";
import {
  createNotComputable,
  type DistressZone,
  describeNonFiniteScore,
  describeZeroDenominators,
  missingInputsReason,
  readModelInputs,
  zoneCodes,
} from "./scoring-models.ts";
import type { DistressModelsRuleSet, OhlsonRule } from "./scoring-rule-set.ts";

/** Ohlson: `value` is the probability P = 1 / (1 + e^−T) (0 to 1), `score` is T. Indicative only (§4). */
export type OhlsonResult =
  | (Computed<number, DistressZone> & { score: number; priceLevelIndex: SourcedValue })
  | NotComputable;

/** The aggregates Ohlson's T reads from the current year; the previous year gives only its net income. */
export const ohlsonAggregates = [
  "totalAssets",
  "totalLiabilities",
  "workingCapital",
  "currentLiabilities",
  "currentAssets",
  "netIncome",
  "fundsFromOperations",
] as const satisfies readonly AggregateId[];

const ohlsonDenominators: readonly AggregateId[] = ["totalAssets", "currentAssets", "totalLiabilities"];

// SIZE is ln(TA in millions of euro ÷ price-level index); amounts are in cents.
const centsPerMillionEuros = 100_000_000;

/** Ohlson's SIZE: ln(total assets in millions of euro ÷ the price-level index); total assets in cents. */
export function computeOhlsonSize(totalAssetsCents: number, priceLevelIndex: number): number {
  return Math.log(totalAssetsCents / centsPerMillionEuros / priceLevelIndex);
}

/** Distress when P > the cut-off (0.5 by default, §0); P equal to it is not distress. */
export function classifyOhlsonZone(probability: number, rule: OhlsonRule): DistressZone {
  return findOhlsonZoneCode(probability, rule) === zoneCodes.distress ? "distress" : "no_distress";
}

/** classifyOhlsonZone as a zone code (zoneCodes: no distress is "safe"), for the batch path. */
export function findOhlsonZoneCode(probability: number, rule: OhlsonRule): number {
  return probability > rule.distressProbabilityAbove.value ? zoneCodes.distress : zoneCodes.safe;
}

/** The price-level index of a period-end year (1968 = 1.0), or the rule set's default for a year not listed. */
export function getPriceLevelIndex(rule: OhlsonRule, year: number | undefined): SourcedValue {
  if (year === undefined || !Number.isInteger(year)) return rule.defaultPriceLevelIndex;
  return rule.priceLevelIndexByYear[year] ?? rule.defaultPriceLevelIndex;
}

/**
 * getPriceLevelIndex as a lookup for many rows: the listed years in a table, every other year (or none)
 * the rule set's default.
 */
export function createPriceLevelIndexLookup(rule: OhlsonRule): (year: number | undefined) => number {
  const years = Object.keys(rule.priceLevelIndexByYear).map(Number).filter(Number.isInteger);
  const first = years.length > 0 ? Math.min(...years) : 0;
  const table = new Float64Array(years.length > 0 ? Math.max(...years) - first + 1 : 0);
  for (let offset = 0; offset < table.length; offset += 1) {
    table[offset] = getPriceLevelIndex(rule, first + offset).value;
  }
  const fallback = rule.defaultPriceLevelIndex.value;
  return (year) => {
    if (year === undefined) return fallback;
    const offset = year - first;
    // A year outside the table, or not an integer, reads the default (as getPriceLevelIndex does).
    return offset >= 0 && offset < table.length && Number.isInteger(year)
      ? (table[offset] as number)
      : fallback;
  };
}

/** P = 1 / (1 + e^−T). */
export function computeOhlsonProbability(score: number): number {
  return 1 / (1 + Math.exp(-score));
}

const column = (table: InputTable, id: AggregateId, row: number) => table[id]?.[row] ?? Number.NaN;

/** The inputs of Ohlson's T for one row (amounts in cents; NaN where missing). */
export type OhlsonRowInputs = {
  totalAssets: number;
  totalLiabilities: number;
  workingCapital: number;
  currentLiabilities: number;
  currentAssets: number;
  netIncome: number;
  fundsFromOperations: number;
  previousNetIncome: number;
  priceLevelIndex: number;
};

/**
 * T for one row's inputs, NaN when an input is missing, a denominator (TA, CA, TL, |NI_t| + |NI_t−1|) is 0,
 * TA is not positive (no logarithm) or the index is not positive.
 */
export function computeOhlsonScore(rule: OhlsonRule, inputs: OhlsonRowInputs): number {
  const { totalAssets, totalLiabilities, currentAssets, netIncome } = inputs;
  const previous = inputs.previousNetIncome;
  const index = inputs.priceLevelIndex;
  const netIncomeScale = Math.abs(netIncome) + Math.abs(previous);
  if (!(totalAssets > 0 && index > 0) || currentAssets === 0 || totalLiabilities === 0) return Number.NaN;
  if (netIncomeScale === 0) return Number.NaN;
  let score = rule.intercept.value;
  score += rule.size.value * computeOhlsonSize(totalAssets, index);
  score += rule.totalLiabilitiesToTotalAssets.value * (totalLiabilities / totalAssets);
  score += rule.workingCapitalToTotalAssets.value * (inputs.workingCapital / totalAssets);
  score += rule.currentLiabilitiesToCurrentAssets.value * (inputs.currentLiabilities / currentAssets);
  score += rule.liabilitiesExceedAssets.value * (totalLiabilities > totalAssets ? 1 : 0);
  score += rule.netIncomeToTotalAssets.value * (netIncome / totalAssets);
  score += rule.fundsFromOperationsToTotalLiabilities.value * (inputs.fundsFromOperations / totalLiabilities);
  score += rule.netLossInBothYears.value * (netIncome < 0 && previous < 0 ? 1 : 0);
  score += rule.netIncomeChange.value * ((netIncome - previous) / netIncomeScale);
  return score;
}

/** computeOhlsonScore for row `row` of an input table and the previous year's net income and index columns. */
export function scoreOhlsonRow(
  rule: OhlsonRule,
  table: InputTable,
  previousNetIncome: Float64Array,
  priceLevelIndex: Float64Array,
  row: number,
): number {
  return computeOhlsonScore(rule, {
    totalAssets: column(table, "totalAssets", row),
    totalLiabilities: column(table, "totalLiabilities", row),
    workingCapital: column(table, "workingCapital", row),
    currentLiabilities: column(table, "currentLiabilities", row),
    currentAssets: column(table, "currentAssets", row),
    netIncome: column(table, "netIncome", row),
    fundsFromOperations: column(table, "fundsFromOperations", row),
    previousNetIncome: previousNetIncome[row] ?? Number.NaN,
    priceLevelIndex: priceLevelIndex[row] ?? Number.NaN,
  });
}

function findStructuralProblem(
  inputs: Readonly<Record<string, number>>,
  previousNetIncome: number,
  index: number,
): string | undefined {
  const netIncome = inputs.netIncome ?? Number.NaN;
  if (Math.abs(netIncome) + Math.abs(previousNetIncome) === 0) {
    return describeZeroDenominators(["|netIncome| + |previousNetIncome|"]);
  }
  if (!((inputs.totalAssets ?? Number.NaN) > 0)) return "non_positive_total_assets";
  if (!(index > 0)) return "non_positive_price_level_index";
  return undefined;
}

/**
 * Ohlson O-score (1980): T = −1.32 − 0.407·SIZE + 6.03·TL/TA − 1.43·WC/TA + 0.0757·CL/CA − 1.72·X −
 * 2.37·NI/TA − 1.83·FFO/TL + 0.285·Y − 0.521·(NI_t − NI_t−1)/(|NI_t| + |NI_t−1|), SIZE = ln(TA in millions
 * of euro ÷ price-level index), X = 1 when TL > TA, Y = 1 after two net losses; P = 1/(1 + e^−T), distress
 * when P > 0.5 [R]. Needs the previous year's statement.
 */
export function computeOhlson(
  statement: StatementInput,
  previousStatement: StatementInput | undefined,
  ruleSet: DistressModelsRuleSet,
): OhlsonResult {
  const rule = ruleSet.ohlson;
  const version = ruleSet.version;
  const reading = readModelInputs("ohlson", version, statement, ohlsonAggregates, ohlsonDenominators);
  const previous = previousStatement ? readAggregates(previousStatement, ["netIncome"]) : undefined;
  const previousMissing = previous ? previous.missing : ["previousYear"];
  const currentMissing =
    reading.status === "not_computable" && reading.reason === missingInputsReason ? reading.missing : [];
  if (currentMissing.length + previousMissing.length > 0) {
    return createNotComputable(
      "ohlson",
      version,
      [...currentMissing, ...previousMissing],
      missingInputsReason,
    );
  }
  if (reading.status !== "readable") return reading;
  const previousNetIncome = previous?.values.netIncome ?? Number.NaN;
  const priceLevelIndex = getPriceLevelIndex(rule, Number(statement.periodEndOn.slice(0, 4)));
  const problem = findStructuralProblem(reading.inputs, previousNetIncome, priceLevelIndex.value);
  if (problem) return createNotComputable("ohlson", version, [], problem);
  const score = scoreOhlsonRow(
    rule,
    reading.table,
    Float64Array.of(previousNetIncome),
    Float64Array.of(priceLevelIndex.value),
    0,
  );
  if (!Number.isFinite(score)) return describeNonFiniteScore("ohlson", version);
  const probability = computeOhlsonProbability(score);
  return {
    status: "computed",
    model: "ohlson",
    ruleSetVersion: version,
    value: probability,
    zone: classifyOhlsonZone(probability, rule),
    inputs: { ...reading.inputs, previousNetIncome },
    score,
    priceLevelIndex,
  };
}
