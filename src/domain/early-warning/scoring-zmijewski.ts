import type { Computed, NotComputable, StatementInput } from "./model-result.ts";
import { standardNormalCdf } from "./normal-distribution.ts";
import { type InputTable, settleAgainstCutOffs } from "./scoring-exact-sign.ts";
import {
  type DistressZone,
  describeNonFiniteScore,
  evaluateLinearScore,
  readLinearModelInputs,
  zoneCodes,
} from "./scoring-models.ts";
import type { DistressModelsRuleSet, ZmijewskiRule } from "./scoring-rule-set.ts";

/** Zmijewski: `value` is the probability P = Φ(X) (0 to 1), `score` is X. */
export type ZmijewskiResult = (Computed<number, DistressZone> & { score: number }) | NotComputable;

/** Distress when P ≥ the cut-off (0.5 by default, §0). */
export function classifyZmijewskiZone(probability: number, rule: ZmijewskiRule): DistressZone {
  return findZmijewskiZoneCode(probability, rule) === zoneCodes.distress ? "distress" : "no_distress";
}

/** classifyZmijewskiZone as a zone code (zoneCodes: no distress is "safe"), for the batch path. */
export function findZmijewskiZoneCode(probability: number, rule: ZmijewskiRule): number {
  return probability >= rule.distressProbabilityAtLeast.value ? zoneCodes.distress : zoneCodes.safe;
}

// Φ(0) = ½: X is kept exact against 0, so that P ≥ ½ is decided on the exact sign of X.
export const scoreAtEvenOdds: readonly number[] = [0];

/** X for one row of an input table, exact against 0; NaN if not computable. */
export function scoreZmijewskiRow(rule: ZmijewskiRule, table: InputTable, row: number): number {
  return settleAgainstCutOffs(evaluateLinearScore(rule, table, row), rule, table, row, scoreAtEvenOdds);
}

/**
 * Zmijewski (1984): X = −4.336 − 4.513·NI/TA + 5.679·TL/TA + 0.004·CA/CL, P = Φ(X) (standard normal
 * distribution function); distress when P ≥ 0.5. Coefficients and cut-off from the rule set.
 */
export function computeZmijewski(statement: StatementInput, ruleSet: DistressModelsRuleSet): ZmijewskiResult {
  const rule = ruleSet.zmijewski;
  const reading = readLinearModelInputs("zmijewski", ruleSet.version, rule, statement);
  if (reading.status !== "readable") return reading;
  const score = scoreZmijewskiRow(rule, reading.table, 0);
  if (!Number.isFinite(score)) return describeNonFiniteScore("zmijewski", ruleSet.version);
  const probability = standardNormalCdf(score);
  return {
    status: "computed",
    model: "zmijewski",
    ruleSetVersion: ruleSet.version,
    value: probability,
    zone: classifyZmijewskiZone(probability, rule),
    inputs: reading.inputs,
    score,
  };
}
