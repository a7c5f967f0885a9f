import type { ModelId, NotComputable, StatementInput } from "./model-result.ts";
import type { InputTable } from "./scoring-exact-sign.ts";
import { type AggregateId, readAggregates } from "./scoring-financial-aggregates.ts";
import { type EmRating, emRatings, type LinearScoreRule, type ScoreInputId } from "./scoring-rule-set.ts";

/** Zones of the scoring models (early-warning.md §0, §4). */
export type AltmanZone = "distress" | "grey" | "safe";
export type DistressZone = "distress" | "no_distress";
export type SpringateZone = "failing" | "not_failing";

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

/** Inputs no filing carries, entered by a user (§0), in euro cents. */
export type UserScoreInputs = { marketValueOfEquityCents?: number | undefined };

export function createNotComputable(
  model: ModelId,
  ruleSetVersion: string,
  missing: readonly string[],
  reason: string,
): NotComputable {
  return { status: "not_computable", model, ruleSetVersion, missing: [...missing], reason };
}

/** Reason of a result whose denominators include zeros, naming them (a zero denominator is never 0 nor ∞). */
export function describeZeroDenominators(denominators: readonly string[]): string {
  return `zero_denominator: ${denominators.join(", ")}`;
}

export const missingInputsReason = "missing_inputs";

/**
 * intercept + Σ coefficient × numerator ÷ denominator for one row of an input table, the terms added in
 * the rule's order; NaN when an input is missing (NaN) or a denominator is 0.
 */
export function evaluateLinearScore(rule: LinearScoreRule, table: InputTable, row: number): number {
  let score = rule.intercept?.value ?? 0;
  for (const term of rule.terms) {
    const numerator = table[term.numerator]?.[row] ?? Number.NaN;
    const denominator = table[term.denominator]?.[row] ?? Number.NaN;
    if (Number.isNaN(numerator) || Number.isNaN(denominator) || denominator === 0) return Number.NaN;
    score += term.coefficient.value * (numerator / denominator);
  }
  return score;
}

/** The inputs a linear rule reads, numerators and denominators, each once, in the rule's order. */
export function findLinearRuleInputs(rule: LinearScoreRule): ScoreInputId[] {
  const ids: ScoreInputId[] = [];
  for (const term of rule.terms) {
    if (!ids.includes(term.numerator)) ids.push(term.numerator);
    if (!ids.includes(term.denominator)) ids.push(term.denominator);
  }
  return ids;
}

/** Column values for one statement: a table of one row, so per-statement and batch share the row kernels. */
export function toSingleRowTable(values: Readonly<Record<string, number>>): InputTable {
  const table: InputTable = {};
  for (const [id, value] of Object.entries(values)) table[id as ScoreInputId] = Float64Array.of(value);
  return table;
}

export type ModelInputsReading =
  | { status: "readable"; inputs: Record<string, number>; table: InputTable }
  | NotComputable;

/**
 * Reads what a model needs from a statement (aggregates by the §0 convention) and from the user inputs,
 * then checks the denominators: missing items or inputs, or a zero denominator, make it not computable.
 */
export function readModelInputs(
  model: ModelId,
  ruleSetVersion: string,
  statement: StatementInput,
  needed: readonly ScoreInputId[],
  denominators: readonly ScoreInputId[],
  userInputs: UserScoreInputs = {},
): ModelInputsReading {
  const aggregateIds = needed.filter((id): id is AggregateId => id !== "marketValueOfEquity");
  const { values, missing } = readAggregates(statement, aggregateIds);
  const inputs: Record<string, number> = {};
  const missingNames: string[] = [...missing];
  for (const id of needed) {
    const value = id === "marketValueOfEquity" ? userInputs.marketValueOfEquityCents : values[id];
    if (value !== undefined && Number.isFinite(value)) inputs[id] = value;
    else if (id === "marketValueOfEquity") missingNames.push(id);
  }
  if (missingNames.length > 0) {
    return createNotComputable(model, ruleSetVersion, missingNames, missingInputsReason);
  }
  const zeroDenominators = denominators.filter((id) => inputs[id] === 0);
  if (zeroDenominators.length > 0) {
    return createNotComputable(model, ruleSetVersion, [], describeZeroDenominators(zeroDenominators));
  }
  return { status: "readable", inputs, table: toSingleRowTable(inputs) };
}

/** Reads the inputs of a linear model (Altman, Zmijewski, Springate). */
export function readLinearModelInputs(
  model: ModelId,
  ruleSetVersion: string,
  rule: LinearScoreRule,
  statement: StatementInput,
  userInputs: UserScoreInputs = {},
): ModelInputsReading {
  const denominators = [...new Set(rule.terms.map((term) => term.denominator))];
  return readModelInputs(
    model,
    ruleSetVersion,
    statement,
    findLinearRuleInputs(rule),
    denominators,
    userInputs,
  );
}

/** Not computable because the score overflowed (an absurd ratio): never a zone from ±∞. */
export function describeNonFiniteScore(model: ModelId, ruleSetVersion: string): NotComputable {
  return createNotComputable(model, ruleSetVersion, [], "non_finite_score");
}
