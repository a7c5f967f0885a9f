import type { AlertLevel } from "./alert-level.ts";
import { type DistressModelsRuleSet, type EmRating, emRatings } from "./scoring-rule-set.ts";

/** One year of a company as the history rules see it: its alert level and, when Z″ was computed, its EM rating. */
export type AlertYear = { level: AlertLevel; emRating?: EmRating | undefined };

// Grey is not assessable: it is neither better nor worse than another level.
const severity: Record<AlertLevel, number | undefined> = { green: 0, orange: 1, red: 2, grey: undefined };

/**
 * Deteriorating (early-warning.md §7): the level is worse than the previous year's (green < orange < red;
 * grey compares with nothing), or the EM rating fell by at least the rule set's notches (2 by default).
 */
export function isDeteriorating(
  current: AlertYear,
  previous: AlertYear,
  ruleSet: DistressModelsRuleSet,
): boolean {
  const currentSeverity = severity[current.level];
  const previousSeverity = severity[previous.level];
  if (currentSeverity !== undefined && previousSeverity !== undefined && currentSeverity > previousSeverity) {
    return true;
  }
  if (current.emRating === undefined || previous.emRating === undefined) return false;
  const notchesFallen = emRatings.indexOf(current.emRating) - emRatings.indexOf(previous.emRating);
  return notchesFallen >= ruleSet.alertLevel.deterioratingEmRatingNotches.value;
}

const isAlert = (level: AlertLevel | undefined) => level === "red" || level === "orange";

/**
 * First alert (§7): red or orange in `year` (default: the latest year on record) and no red or orange in
 * any earlier year on record.
 */
export function isFirstAlert(levelsByYear: Readonly<Record<number, AlertLevel>>, year?: number): boolean {
  const years = Object.keys(levelsByYear).map(Number);
  if (years.length === 0) return false;
  const thisYear = year ?? Math.max(...years);
  if (!isAlert(levelsByYear[thisYear])) return false;
  return years.every((earlier) => earlier >= thisYear || !isAlert(levelsByYear[earlier]));
}
