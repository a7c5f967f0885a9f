import type { ModelId } from "./model-result.ts";
import type { AltmanResult, AltmanZDoublePrimeResult } from "./scoring-altman.ts";
import { scoreAltmanRow } from "./scoring-altman.ts";
import type { InputTable } from "./scoring-exact-sign.ts";
import { findLinearRuleInputs, toSingleRowTable } from "./scoring-models.ts";
import type { DistressModelsRuleSet, LinearScoreRule, ScoreInputId } from "./scoring-rule-set.ts";
import { type SpringateResult, scoreSpringateRow } from "./scoring-springate.ts";
import { scoreZmijewskiRow, type ZmijewskiResult } from "./scoring-zmijewski.ts";

/** The results whose score is linear in its ratios (early-warning.md §7, "what moved the score"). */
export type LinearScoreResult = AltmanResult | AltmanZDoublePrimeResult | ZmijewskiResult | SpringateResult;

/** One term's part of the change: coefficient × (ratio this year − ratio last year). */
export type ScoreTermChange = {
  numerator: ScoreInputId;
  denominator: ScoreInputId;
  coefficient: number;
  previousRatio: number;
  currentRatio: number;
  change: number;
};

export type ScoreChangeExplanation =
  | {
      status: "explained";
      model: ModelId;
      ruleSetVersion: string;
      /** The linear score: Z, Z′, Z″, Springate's S, or Zmijewski's X (not P). */
      previousScore: number;
      currentScore: number;
      scoreChange: number;
      /** In the rule's order; their changes add up to scoreChange (up to floating-point rounding). */
      terms: ScoreTermChange[];
    }
  | {
      status: "not_explainable";
      model: ModelId;
      reason:
        | "not_computed"
        | "different_models"
        | "not_a_linear_score"
        | "rule_set_version_mismatch"
        | "inputs_incomplete";
    };

type LinearModel = {
  rule: LinearScoreRule;
  score: (table: InputTable) => number;
};

function findLinearModel(model: ModelId, ruleSet: DistressModelsRuleSet): LinearModel | undefined {
  switch (model) {
    case "altman_z":
      return { rule: ruleSet.altmanZ, score: (table) => scoreAltmanRow(ruleSet.altmanZ, table, 0) };
    case "altman_z_prime":
      return { rule: ruleSet.altmanZPrime, score: (table) => scoreAltmanRow(ruleSet.altmanZPrime, table, 0) };
    case "altman_z_double_prime":
      return {
        rule: ruleSet.altmanZDoublePrime,
        score: (table) => scoreAltmanRow(ruleSet.altmanZDoublePrime, table, 0),
      };
    case "zmijewski":
      return { rule: ruleSet.zmijewski, score: (table) => scoreZmijewskiRow(ruleSet.zmijewski, table, 0) };
    case "springate":
      return { rule: ruleSet.springate, score: (table) => scoreSpringateRow(ruleSet.springate, table, 0) };
    default:
      return undefined;
  }
}

function hasInputs(inputs: Readonly<Record<string, number>>, ids: readonly ScoreInputId[]): boolean {
  return ids.every((id) => Number.isFinite(inputs[id]));
}

const ratioOf = (inputs: Readonly<Record<string, number>>, numerator: string, denominator: string) =>
  (inputs[numerator] ?? Number.NaN) / (inputs[denominator] ?? Number.NaN);

/**
 * What moved a linear score between two years: each term's change, coefficient × change of its ratio,
 * derived from the inputs the two results recorded. The changes add up to the change of the score.
 */
export function explainScoreChange(
  current: LinearScoreResult,
  previous: LinearScoreResult,
  ruleSet: DistressModelsRuleSet,
): ScoreChangeExplanation {
  const model = current.model;
  if (previous.model !== model) return { status: "not_explainable", model, reason: "different_models" };
  if (current.status !== "computed" || previous.status !== "computed") {
    return { status: "not_explainable", model, reason: "not_computed" };
  }
  if (current.ruleSetVersion !== ruleSet.version || previous.ruleSetVersion !== ruleSet.version) {
    return { status: "not_explainable", model, reason: "rule_set_version_mismatch" };
  }
  const linearModel = findLinearModel(model, ruleSet);
  if (!linearModel) return { status: "not_explainable", model, reason: "not_a_linear_score" };
  const needed = findLinearRuleInputs(linearModel.rule);
  if (!hasInputs(current.inputs, needed) || !hasInputs(previous.inputs, needed)) {
    return { status: "not_explainable", model, reason: "inputs_incomplete" };
  }
  const currentScore = linearModel.score(toSingleRowTable(current.inputs));
  const previousScore = linearModel.score(toSingleRowTable(previous.inputs));
  const terms = linearModel.rule.terms.map((term): ScoreTermChange => {
    const currentRatio = ratioOf(current.inputs, term.numerator, term.denominator);
    const previousRatio = ratioOf(previous.inputs, term.numerator, term.denominator);
    const coefficient = term.coefficient.value;
    const change = coefficient * (currentRatio - previousRatio);
    return {
      numerator: term.numerator,
      denominator: term.denominator,
      coefficient,
      previousRatio,
      currentRatio,
      change,
    };
  });
  return {
    status: "explained",
    model,
    ruleSetVersion: ruleSet.version,
    previousScore,
    currentScore,
    scoreChange: currentScore - previousScore,
    terms,
  };
}
