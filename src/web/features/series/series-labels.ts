import type { SeriesAlarmReason } from "../../../contracts/district-series.ts";
import { intlLocaleTag, type SupportedLocale } from "../../i18n/locales.ts";

/** A period label for people: "gen 2024" / "Jan 2024", "T1 2024" / "Q1 2024", "2024". */
export function formatPeriod(period: string, locale: SupportedLocale): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(intlLocaleTag[locale], {
      month: "short",
      year: "numeric",
      timeZone: "UTC",
    }).format(date);
  }
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${locale === "it" ? "T" : "Q"}${quarter[2]} ${quarter[1]}`;
  return period;
}

/** The i18n key and values of one alarm reason: method, statistic against threshold, baseline. */
export function describeAlarmReason(reason: SeriesAlarmReason): {
  key: "alarm.reason.modifiedZ" | "alarm.reason.cusumUpper" | "alarm.reason.cusumLower";
  values: { statistic: number; threshold: number; median: number; length: number; quantity: string };
} {
  const key =
    reason.method === "modified_z"
      ? "alarm.reason.modifiedZ"
      : reason.method === "cusum_upper"
        ? "alarm.reason.cusumUpper"
        : "alarm.reason.cusumLower";
  return {
    key,
    values: {
      statistic: reason.statistic,
      threshold: reason.threshold,
      median: reason.baselineMedian,
      length: reason.baselineLength,
      quantity: reason.quantity,
    },
  };
}

/** A series title in the interface language (files give one title; both are stored). */
export function seriesTitle(series: { titleIt: string; titleEn: string }, locale: SupportedLocale): string {
  return locale === "it" ? series.titleIt : series.titleEn;
}
