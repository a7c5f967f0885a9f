import type { AlertLevelChange } from "../early-warning/alert-level-change.ts";

/**
 * Followers hear of a company's alert level only for its most recent year on record, and only when
 * the level really differs from the one before (a first level on record counts as a change).
 */
export function shouldNotifyAlertLevelChange(change: AlertLevelChange): boolean {
  return change.isLatest && change.previousLevel !== change.level;
}
