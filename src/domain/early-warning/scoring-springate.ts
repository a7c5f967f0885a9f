import type { ModelResult, StatementInput } from "./model-result.ts";
import { type InputTable, settleAgainstCutOffs } from "./scoring-exact-sign.ts";
import {
  describeNonFiniteScore,
  evaluateLinearScore,
  readLinearModelInputs,
  type SpringateZone,
  zoneCodes,
} from "./scoring-models.ts";
import type { DistressModelsRuleSet, SpringateRule } from "./scoring-rule-set.ts";

export type SpringateResult = ModelResult<number, SpringateZone>;

/** Failing when S < the cut-off (0.862 by default, §0); S equal to it is not failing. */
export function classifySpringateZone(score: number, rule: SpringateRule): SpringateZone {
  return findSpringateZoneCode(score, rule) === zoneCodes.distress ? "failing" : "not_failing";
}

/** classifySpringateZone as a zone code (zoneCodes: failing is "distress", not failing "safe"), for the batch path. */
export function findSpringateZoneCode(score: number, rule: SpringateRule): number {
  return score < rule.failingBelow.value ? zoneCodes.distress : zoneCodes.safe;
}

/** S for one row of an input table, exact against the cut-off; NaN if not computable. */
export function scoreSpringateRow(rule: SpringateRule, table: InputTable, row: number): number {
  const score = evaluateLinearScore(rule, table, row);
  return settleAgainstCutOffs(score, rule, table, row, [rule.failingBelow.value]);
}

/**
 * Springate (1978): S = 1.03·WC/TA + 3.07·EBIT/TA + 0.66·EBT/CL + 0.40·S/TA; failing when S < 0.862.
 * Coefficients and cut-off from the rule set.
 */
export function computeSpringate(statement: StatementInput, ruleSet: DistressModelsRuleSet): SpringateResult {
  const rule = ruleSet.springate;
  const reading = readLinearModelInputs("springate", ruleSet.version, rule, statement);
  if (reading.status !== "readable") return reading;
  const score = scoreSpringateRow(rule, reading.table, 0);
  if (!Number.isFinite(score)) return describeNonFiniteScore("springate", ruleSet.version);
  return {
    status: "computed",
    model: "springate",
    ruleSetVersion: ruleSet.version,
    value: score,
    zone: classifySpringateZone(score, rule),
    inputs: reading.inputs,
  };
}
