import type { AltmanZDoublePrimeResult } from "./scoring-altman.ts";
import type { AlertLevelRules, DistressModelsRuleSet } from "./scoring-rule-set.ts";
import type { SpringateResult } from "./scoring-springate.ts";
import type { ZmijewskiResult } from "./scoring-zmijewski.ts";

/** The alert levels of early-warning.md §7: red high risk, orange watch, green, grey not assessable. */
export type AlertLevel = "red" | "orange" | "green" | "grey";

/** What the alert level needs of the CNDCEC screen (§1). */
export type CndcecScreenSummary = {
  /** Crisis presumed by equity, DSCR or all five indices. */
  isCrisisPresumed: boolean;
  breachedIndexCount: number;
  computableIndexCount: number;
};

export type AlertLevelInput = {
  cndcec: CndcecScreenSummary;
  zDoublePrime: AltmanZDoublePrimeResult;
  zmijewski: ZmijewskiResult;
  springate: SpringateResult;
  /** (equity this year − equity last year) ÷ equity last year; undefined without a comparable year. */
  equityChangeRatio: number | undefined;
};

export type DistressModel = "altman_z_double_prime" | "zmijewski" | "springate";

/** A condition that fired (red and orange), or why the level is grey. */
export type AlertReason =
  | "cndcec_crisis_presumed"
  | "distress_models_with_breached_index"
  | "z_double_prime_distress"
  | "zmijewski_distress"
  | "springate_failing"
  | "cndcec_indices_breached"
  | "equity_fell"
  | "z_double_prime_not_computable"
  | "too_few_cndcec_indices_computable";

export type AlertDecision = {
  model: "alert_level";
  ruleSetVersion: string;
  level: AlertLevel;
  /** Red: every condition that fired, red ones first; orange: the orange ones; green: none; grey: why. */
  reasons: AlertReason[];
  /** The models among Z″, Zmijewski and Springate that signal distress. */
  distressModels: DistressModel[];
};

function findDistressModels(input: AlertLevelInput): DistressModel[] {
  const models: DistressModel[] = [];
  if (input.zDoublePrime.status === "computed" && input.zDoublePrime.zone === "distress") {
    models.push("altman_z_double_prime");
  }
  if (input.zmijewski.status === "computed" && input.zmijewski.zone === "distress") models.push("zmijewski");
  if (input.springate.status === "computed" && input.springate.zone === "failing") models.push("springate");
  return models;
}

const distressReasonOf: Record<DistressModel, AlertReason> = {
  altman_z_double_prime: "z_double_prime_distress",
  zmijewski: "zmijewski_distress",
  springate: "springate_failing",
};

// Called once per company-year by the batch path: plain functions and one reasons array per call, no
// closure created per call (tsx and esbuild name every closure they create, at a cost on each call).
function createDecision(
  level: AlertLevel,
  reasons: AlertReason[],
  distressModels: DistressModel[],
  ruleSet: DistressModelsRuleSet,
): AlertDecision {
  return { model: "alert_level", ruleSetVersion: ruleSet.version, level, reasons, distressModels };
}

/** Appends the orange conditions that fired to `reasons`. */
function addOrangeReasons(
  reasons: AlertReason[],
  input: AlertLevelInput,
  distressModels: readonly DistressModel[],
  rules: AlertLevelRules,
): void {
  if (distressModels.length >= rules.minimumDistressModelsForOrange.value) {
    for (const model of distressModels) reasons.push(distressReasonOf[model]);
  }
  if (input.cndcec.breachedIndexCount >= rules.minimumBreachedIndicesForOrange.value) {
    reasons.push("cndcec_indices_breached");
  }
  if (input.equityChangeRatio !== undefined && input.equityChangeRatio < -rules.equityFallShareAbove.value) {
    reasons.push("equity_fell");
  }
}

/**
 * The alert level of a company-year (early-warning.md §7, thresholds from the rule set). Red: crisis
 * presumed by CNDCEC, or two of Z″/Zmijewski/Springate in distress with a CNDCEC index breached. Orange:
 * one of them in distress, two indices breached, or equity down by more than a third. Green: none of these
 * with Z″ and three indices computable. Grey: too little data for green or worse.
 */
export function decideAlertLevel(input: AlertLevelInput, ruleSet: DistressModelsRuleSet): AlertDecision {
  const rules = ruleSet.alertLevel;
  const { cndcec } = input;
  const distressModels = findDistressModels(input);
  // Red reasons first, then the orange ones: red keeps them all, orange has only its own.
  const reasons: AlertReason[] = [];
  if (cndcec.isCrisisPresumed) reasons.push("cndcec_crisis_presumed");
  if (
    distressModels.length >= rules.minimumDistressModelsForRed.value &&
    cndcec.breachedIndexCount >= rules.minimumBreachedIndicesForRed.value
  ) {
    reasons.push("distress_models_with_breached_index");
  }
  const isRed = reasons.length > 0;
  addOrangeReasons(reasons, input, distressModels, rules);
  if (isRed) return createDecision("red", reasons, distressModels, ruleSet);
  if (reasons.length > 0) return createDecision("orange", reasons, distressModels, ruleSet);
  if (input.zDoublePrime.status !== "computed") reasons.push("z_double_prime_not_computable");
  if (cndcec.computableIndexCount < rules.minimumComputableIndicesForGreen.value) {
    reasons.push("too_few_cndcec_indices_computable");
  }
  return createDecision(reasons.length > 0 ? "grey" : "green", reasons, distressModels, ruleSet);
}

/**
 * (current − previous) ÷ previous equity, the input of the "equity fell by more than a third" rule;
 * undefined when either year is unknown or the previous equity is not positive (no meaningful fall).
 */
export function computeEquityChangeRatio(
  currentEquityCents: number | undefined,
  previousEquityCents: number | undefined,
): number | undefined {
  const ratio = findEquityChangeRatio(currentEquityCents ?? Number.NaN, previousEquityCents ?? Number.NaN);
  return Number.isNaN(ratio) ? undefined : ratio;
}

/** computeEquityChangeRatio with NaN for unknown (the batch path's form: a number for every row). */
export function findEquityChangeRatio(currentEquityCents: number, previousEquityCents: number): number {
  if (!Number.isFinite(currentEquityCents) || !Number.isFinite(previousEquityCents)) return Number.NaN;
  if (previousEquityCents <= 0) return Number.NaN;
  return (currentEquityCents - previousEquityCents) / previousEquityCents;
}
