import type { Computed, ModelId, ModelResult, NotComputable, StatementInput } from "./model-result.ts";
import { type InputTable, settleAgainstCutOffs } from "./scoring-exact-sign.ts";
import {
  type AltmanZone,
  describeNonFiniteScore,
  evaluateLinearScore,
  readLinearModelInputs,
  type UserScoreInputs,
  zoneCodes,
} from "./scoring-models.ts";
import type {
  AltmanRule,
  AltmanZDoublePrimeRule,
  DistressModelsRuleSet,
  EmRating,
} from "./scoring-rule-set.ts";

export type AltmanResult = ModelResult<number, AltmanZone>;

/** Z″ with Altman's EM score (3.25 + Z″) and its bond-rating equivalent. */
export type AltmanZDoublePrimeResult =
  | (Computed<number, AltmanZone> & { emScore: number; emRating: EmRating })
  | NotComputable;

/** Distress below the lower cut-off, safe above the upper one, grey in between, both cut-offs grey (§0). */
export function classifyAltmanZone(score: number, rule: AltmanRule): AltmanZone {
  const code = findAltmanZoneCode(score, rule);
  if (code === zoneCodes.distress) return "distress";
  return code === zoneCodes.safe ? "safe" : "grey";
}

/** classifyAltmanZone as a zone code (zoneCodes), for the batch path. */
export function findAltmanZoneCode(score: number, rule: AltmanRule): number {
  if (score < rule.distressBelow.value) return zoneCodes.distress;
  return score > rule.safeAbove.value ? zoneCodes.safe : zoneCodes.grey;
}

/** The bond-rating equivalent of an EM score: the best rating whose lower bound it reaches (inclusive). */
export function rateEmScore(emScore: number, rule: AltmanZDoublePrimeRule): EmRating {
  for (const { rating, lowerBound } of rule.emRatingLowerBounds) {
    if (emScore >= lowerBound.value) return rating;
  }
  return "D";
}

/** An Altman score for one row of an input table, exact against the zone cut-offs; NaN if not computable. */
export function scoreAltmanRow(rule: AltmanRule, table: InputTable, row: number): number {
  const score = evaluateLinearScore(rule, table, row);
  return settleAgainstCutOffs(score, rule, table, row, [rule.distressBelow.value, rule.safeAbove.value]);
}

const emBoundsByRule = new WeakMap<AltmanZDoublePrimeRule, number[]>();

/** The EM rating lower bounds of a rule as numbers, best rating first (read once per rule). */
export function findEmBounds(rule: AltmanZDoublePrimeRule): number[] {
  let bounds = emBoundsByRule.get(rule);
  if (!bounds) {
    bounds = rule.emRatingLowerBounds.map((bound) => bound.lowerBound.value);
    emBoundsByRule.set(rule, bounds);
  }
  return bounds;
}

/** EM score = constant + Z″ for one row, exact against the rating bounds. */
export function scoreEmRow(
  rule: AltmanZDoublePrimeRule,
  table: InputTable,
  row: number,
  zDoublePrime: number,
): number {
  const constant = rule.emScoreConstant.value;
  return settleAgainstCutOffs(constant + zDoublePrime, rule, table, row, findEmBounds(rule), constant);
}

function computeAltman(
  model: ModelId,
  rule: AltmanRule,
  statement: StatementInput,
  ruleSetVersion: string,
  userInputs: UserScoreInputs = {},
): AltmanResult {
  const reading = readLinearModelInputs(model, ruleSetVersion, rule, statement, userInputs);
  if (reading.status !== "readable") return reading;
  const score = scoreAltmanRow(rule, reading.table, 0);
  if (!Number.isFinite(score)) return describeNonFiniteScore(model, ruleSetVersion);
  const zone = classifyAltmanZone(score, rule);
  return { status: "computed", model, ruleSetVersion, value: score, zone, inputs: reading.inputs };
}

/**
 * Altman Z (1968, listed manufacturers) = 1.2·WC/TA + 1.4·RE/TA + 3.3·EBIT/TA + 0.6·MVE/TL + 1.0·S/TA;
 * needs the user-supplied market value of equity (euro cents). Coefficients and cut-offs from the rule set.
 */
export function computeAltmanZ(
  statement: StatementInput,
  marketValueOfEquityCents: number | undefined,
  ruleSet: DistressModelsRuleSet,
): AltmanResult {
  return computeAltman("altman_z", ruleSet.altmanZ, statement, ruleSet.version, { marketValueOfEquityCents });
}

/** Altman Z′ (private firms) = 0.717·WC/TA + 0.847·RE/TA + 3.107·EBIT/TA + 0.420·BVE/TL + 0.998·S/TA. */
export function computeAltmanZPrime(statement: StatementInput, ruleSet: DistressModelsRuleSet): AltmanResult {
  return computeAltman("altman_z_prime", ruleSet.altmanZPrime, statement, ruleSet.version);
}

/**
 * Altman Z″ (1995, non-manufacturing and emerging markets) = 6.56·WC/TA + 3.26·RE/TA + 6.72·EBIT/TA +
 * 1.05·BVE/TL, with the EM score 3.25 + Z″ rated by inclusive lower bounds (EM = 5.85 is BBB).
 */
export function computeAltmanZDoublePrime(
  statement: StatementInput,
  ruleSet: DistressModelsRuleSet,
): AltmanZDoublePrimeResult {
  const rule = ruleSet.altmanZDoublePrime;
  const model = "altman_z_double_prime";
  const reading = readLinearModelInputs(model, ruleSet.version, rule, statement);
  if (reading.status !== "readable") return reading;
  const score = scoreAltmanRow(rule, reading.table, 0);
  if (!Number.isFinite(score)) return describeNonFiniteScore(model, ruleSet.version);
  const emScore = scoreEmRow(rule, reading.table, 0, score);
  return {
    status: "computed",
    model,
    ruleSetVersion: ruleSet.version,
    value: score,
    zone: classifyAltmanZone(score, rule),
    inputs: reading.inputs,
    emScore,
    emRating: rateEmScore(emScore, rule),
  };
}
