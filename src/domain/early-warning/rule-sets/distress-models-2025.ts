import type { SourcedValue } from "../model-result.ts";
import type { DistressModelsRuleSet, LinearScoreTerm, ScoreInputId } from "../scoring-rule-set.ts";

// Every coefficient and cut-off of the scoring models (early-warning.md §4) and the alert-level thresholds
// (§7). Tags follow the document: §4 flags only Ohlson as [R]; its other rows carry no flag, which by the
// document's own rule ("where the primary text could not be checked, the row says so") reads as [V].

const altman1968 =
  "Altman, E. I. (1968), Financial ratios, discriminant analysis and the prediction of corporate bankruptcy, Journal of Finance 23(4); Z for listed manufacturers";
const altmanPrivateFirms = "Altman, E. I. (1983), Corporate Financial Distress, Wiley; Z′ for private firms";
const altmanEmergingMarkets =
  "Altman, E. I., Hartzell, J. and Peck, M. (1995), Emerging Markets Corporate Bonds: A Scoring System, Salomon Brothers; Z″ and EM score";
const zmijewski1984 =
  "Zmijewski, M. E. (1984), Methodological issues related to the estimation of financial distress prediction models, Journal of Accounting Research 22 (Supplement)";
const springate1978 =
  "Springate, G. L. V. (1978), Predicting the possibility of failure in a Canadian firm, MBA research project, Simon Fraser University";
const ohlson1980 =
  "Ohlson, J. A. (1980), Financial ratios and the probabilistic prediction of bankruptcy, Journal of Accounting Research 18(1); US firms of the 1970s, indicative";
const sectorAlertRules = "SECTOR default alert-level rules, early-warning.md §7";

const from =
  (source: string, tag: SourcedValue["tag"]) =>
  (value: number): SourcedValue => ({ value, source, tag });

const altman = from(altman1968, "V");
const altmanPrime = from(altmanPrivateFirms, "V");
const altmanDoublePrime = from(altmanEmergingMarkets, "V");
const zmijewski = from(zmijewski1984, "V");
const springate = from(springate1978, "V");
const ohlson = from(ohlson1980, "R");
const alertRule = from(sectorAlertRules, "V");

const term = (
  coefficient: SourcedValue,
  numerator: ScoreInputId,
  denominator: ScoreInputId,
): LinearScoreTerm => ({ coefficient, numerator, denominator });

export const distressModels2025: DistressModelsRuleSet = {
  version: "distress-models-2025.1",
  altmanZ: {
    terms: [
      term(altman(1.2), "workingCapital", "totalAssets"),
      term(altman(1.4), "earnedReserves", "totalAssets"),
      term(altman(3.3), "earningsBeforeInterestAndTaxes", "totalAssets"),
      term(altman(0.6), "marketValueOfEquity", "totalLiabilities"),
      term(altman(1.0), "sales", "totalAssets"),
    ],
    distressBelow: altman(1.81),
    safeAbove: altman(2.99),
  },
  altmanZPrime: {
    terms: [
      term(altmanPrime(0.717), "workingCapital", "totalAssets"),
      term(altmanPrime(0.847), "earnedReserves", "totalAssets"),
      term(altmanPrime(3.107), "earningsBeforeInterestAndTaxes", "totalAssets"),
      term(altmanPrime(0.42), "bookValueOfEquity", "totalLiabilities"),
      term(altmanPrime(0.998), "sales", "totalAssets"),
    ],
    distressBelow: altmanPrime(1.23),
    safeAbove: altmanPrime(2.9),
  },
  altmanZDoublePrime: {
    terms: [
      term(altmanDoublePrime(6.56), "workingCapital", "totalAssets"),
      term(altmanDoublePrime(3.26), "earnedReserves", "totalAssets"),
      term(altmanDoublePrime(6.72), "earningsBeforeInterestAndTaxes", "totalAssets"),
      term(altmanDoublePrime(1.05), "bookValueOfEquity", "totalLiabilities"),
    ],
    distressBelow: altmanDoublePrime(1.1),
    safeAbove: altmanDoublePrime(2.6),
    emScoreConstant: altmanDoublePrime(3.25),
    emRatingLowerBounds: [
      { rating: "AAA", lowerBound: altmanDoublePrime(8.15) },
      { rating: "AA+", lowerBound: altmanDoublePrime(7.6) },
      { rating: "AA", lowerBound: altmanDoublePrime(7.3) },
      { rating: "AA-", lowerBound: altmanDoublePrime(7.0) },
      { rating: "A+", lowerBound: altmanDoublePrime(6.85) },
      { rating: "A", lowerBound: altmanDoublePrime(6.65) },
      { rating: "A-", lowerBound: altmanDoublePrime(6.4) },
      { rating: "BBB+", lowerBound: altmanDoublePrime(6.25) },
      { rating: "BBB", lowerBound: altmanDoublePrime(5.85) },
      { rating: "BBB-", lowerBound: altmanDoublePrime(5.65) },
      { rating: "BB+", lowerBound: altmanDoublePrime(5.25) },
      { rating: "BB", lowerBound: altmanDoublePrime(4.95) },
      { rating: "BB-", lowerBound: altmanDoublePrime(4.75) },
      { rating: "B+", lowerBound: altmanDoublePrime(4.5) },
      { rating: "B", lowerBound: altmanDoublePrime(4.15) },
      { rating: "B-", lowerBound: altmanDoublePrime(3.75) },
      { rating: "CCC+", lowerBound: altmanDoublePrime(3.2) },
      { rating: "CCC", lowerBound: altmanDoublePrime(2.5) },
      { rating: "CCC-", lowerBound: altmanDoublePrime(1.75) },
    ],
  },
  zmijewski: {
    intercept: zmijewski(-4.336),
    terms: [
      term(zmijewski(-4.513), "netIncome", "totalAssets"),
      term(zmijewski(5.679), "totalLiabilities", "totalAssets"),
      term(zmijewski(0.004), "currentAssets", "currentLiabilities"),
    ],
    distressProbabilityAtLeast: zmijewski(0.5),
  },
  springate: {
    terms: [
      term(springate(1.03), "workingCapital", "totalAssets"),
      term(springate(3.07), "earningsBeforeInterestAndTaxes", "totalAssets"),
      term(springate(0.66), "earningsBeforeTaxes", "currentLiabilities"),
      term(springate(0.4), "sales", "totalAssets"),
    ],
    failingBelow: springate(0.862),
  },
  ohlson: {
    intercept: ohlson(-1.32),
    size: ohlson(-0.407),
    totalLiabilitiesToTotalAssets: ohlson(6.03),
    workingCapitalToTotalAssets: ohlson(-1.43),
    currentLiabilitiesToCurrentAssets: ohlson(0.0757),
    liabilitiesExceedAssets: ohlson(-1.72),
    netIncomeToTotalAssets: ohlson(-2.37),
    fundsFromOperationsToTotalLiabilities: ohlson(-1.83),
    netLossInBothYears: ohlson(0.285),
    netIncomeChange: ohlson(-0.521),
    distressProbabilityAbove: ohlson(0.5),
    // No series shipped yet: every year uses the default (early-warning.md §4: "default 1.0").
    priceLevelIndexByYear: {},
    defaultPriceLevelIndex: ohlson(1.0),
  },
  alertLevel: {
    minimumDistressModelsForRed: alertRule(2),
    minimumBreachedIndicesForRed: alertRule(1),
    minimumDistressModelsForOrange: alertRule(1),
    minimumBreachedIndicesForOrange: alertRule(2),
    equityFallShareAbove: alertRule(1 / 3),
    minimumComputableIndicesForGreen: alertRule(3),
    deterioratingEmRatingNotches: alertRule(2),
  },
};
