import type { AlertLevel } from "./alert-level.ts";

/**
 * A company whose alert level for a year changed (or appeared) in a scoring run: what the risk
 * projection reports after scoring and what notifications are built from.
 */
export type AlertLevelChange = {
  companyId: string;
  fiscalYear: number;
  periodEndOn: string;
  /** The level stored for the same year before the run, else the previous year's level, else null. */
  previousLevel: AlertLevel | null;
  level: AlertLevel;
  isDeteriorating: boolean;
  isFirstAlert: boolean;
  /** Whether the year is the company's most recent on record (notifications are sent only then). */
  isLatest: boolean;
};

/** A district signal whose latest observation entered alarm (§5), for notifications. */
export type DistrictAlarmEntered = {
  seriesId: string;
  districtCode: string;
  period: string;
  /** The alarm list entries: method, value, baseline, threshold. */
  reasons: Array<{ method: string; value: number; baseline: number; threshold: number }>;
};
