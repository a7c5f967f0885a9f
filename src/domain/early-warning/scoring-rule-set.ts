import type { SourcedValue } from "./model-result.ts";
import type { AggregateId } from "./scoring-financial-aggregates.ts";

/** What a ratio of a scoring model is built from: an aggregate, or the user-supplied market value of equity. */
export type ScoreInputId = AggregateId | "marketValueOfEquity";

/** One term of a linear score: coefficient × numerator ÷ denominator. */
export type LinearScoreTerm = {
  numerator: ScoreInputId;
  denominator: ScoreInputId;
  coefficient: SourcedValue;
};

/** score = intercept + Σ coefficient × ratio, the terms added in the order listed. */
export type LinearScoreRule = { intercept?: SourcedValue; terms: readonly LinearScoreTerm[] };

/** Altman zones: distress below `distressBelow`, safe above `safeAbove`, grey in between, cut-offs grey. */
export type AltmanRule = LinearScoreRule & { distressBelow: SourcedValue; safeAbove: SourcedValue };

/** The bond-rating scale of Altman's EM score, best first; D is everything below the CCC− bound. */
export const emRatings = [
  "AAA",
  "AA+",
  "AA",
  "AA-",
  "A+",
  "A",
  "A-",
  "BBB+",
  "BBB",
  "BBB-",
  "BB+",
  "BB",
  "BB-",
  "B+",
  "B",
  "B-",
  "CCC+",
  "CCC",
  "CCC-",
  "D",
] as const;

export type EmRating = (typeof emRatings)[number];

export type AltmanZDoublePrimeRule = AltmanRule & {
  /** EM score = emScoreConstant + Z″. */
  emScoreConstant: SourcedValue;
  /** Inclusive lower bounds, best rating first; a score below every bound is D. */
  emRatingLowerBounds: readonly { rating: Exclude<EmRating, "D">; lowerBound: SourcedValue }[];
};

/** X = intercept + Σ terms; P = Φ(X); distress when P ≥ the cut-off. */
export type ZmijewskiRule = LinearScoreRule & { distressProbabilityAtLeast: SourcedValue };

/** Failing when S is below the cut-off. */
export type SpringateRule = LinearScoreRule & { failingBelow: SourcedValue };

/** Ohlson's O-score coefficients (signed as they enter T), cut-off and price-level index. */
export type OhlsonRule = {
  intercept: SourcedValue;
  size: SourcedValue;
  totalLiabilitiesToTotalAssets: SourcedValue;
  workingCapitalToTotalAssets: SourcedValue;
  currentLiabilitiesToCurrentAssets: SourcedValue;
  /** X = 1 when TL > TA. */
  liabilitiesExceedAssets: SourcedValue;
  netIncomeToTotalAssets: SourcedValue;
  fundsFromOperationsToTotalLiabilities: SourcedValue;
  /** Y = 1 when a net loss in each of the last two years. */
  netLossInBothYears: SourcedValue;
  /** Coefficient of (NI_t − NI_t−1) ÷ (|NI_t| + |NI_t−1|). */
  netIncomeChange: SourcedValue;
  distressProbabilityAbove: SourcedValue;
  /** Price level by calendar year of the period end, 1968 = 1.0; a year not listed uses the default. */
  priceLevelIndexByYear: Readonly<Record<number, SourcedValue>>;
  defaultPriceLevelIndex: SourcedValue;
};

/** The §7 thresholds of the alert levels. */
export type AlertLevelRules = {
  /** red: at least this many of Z″, Zmijewski, Springate in distress … */
  minimumDistressModelsForRed: SourcedValue;
  /** … and at least this many CNDCEC indices breached. */
  minimumBreachedIndicesForRed: SourcedValue;
  /** orange: at least this many of the three models in distress, */
  minimumDistressModelsForOrange: SourcedValue;
  /** or at least this many CNDCEC indices breached, */
  minimumBreachedIndicesForOrange: SourcedValue;
  /** or equity fell by more than this share of the previous year's. */
  equityFallShareAbove: SourcedValue;
  /** green needs Z″ and at least this many CNDCEC indices computable. */
  minimumComputableIndicesForGreen: SourcedValue;
  /** deteriorating: the EM rating fell by at least this many notches. */
  deterioratingEmRatingNotches: SourcedValue;
};

/** A published version of the scoring models and alert rules; every result records `version`. */
export type DistressModelsRuleSet = {
  version: string;
  altmanZ: AltmanRule;
  altmanZPrime: AltmanRule;
  altmanZDoublePrime: AltmanZDoublePrimeRule;
  zmijewski: ZmijewskiRule;
  springate: SpringateRule;
  ohlson: OhlsonRule;
  alertLevel: AlertLevelRules;
};
