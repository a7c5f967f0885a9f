import type { SeriesFrequency } from "./rule-sets/district-signals-2026.ts";

/** One observation of a district series; value null when the source publishes no figure. */
export type SeriesObservation = { period: string; value: number | null };

/** An evenly spaced series: one entry per period from the first to the last label. */
export type AlignedSeries = { periods: string[]; values: (number | null)[] };

const patterns: Record<SeriesFrequency, RegExp> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  annual: /^(\d{4})$/,
};

const periodsPerYear: Record<SeriesFrequency, number> = { monthly: 12, quarterly: 4, annual: 1 };

/**
 * The position of a period label on a continuous count of periods: "2024-03" (monthly), "2024-Q1"
 * (quarterly), "2024" (annual). Throws a RangeError on any other label.
 */
export function computePeriodIndex(period: string, frequency: SeriesFrequency): number {
  const match = patterns[frequency].exec(period);
  if (match === null) throw new RangeError(`"${period}" is not a ${frequency} period label`);
  const year = Number(match[1]);
  const withinYear = frequency === "annual" ? 1 : Number(match[2]);
  return year * periodsPerYear[frequency] + withinYear - 1;
}

/** The label of a period index (inverse of computePeriodIndex). */
export function formatPeriodLabel(index: number, frequency: SeriesFrequency): string {
  const perYear = periodsPerYear[frequency];
  const year = String(Math.floor(index / perYear)).padStart(4, "0");
  const withinYear = (index % perYear) + 1;
  if (frequency === "monthly") return `${year}-${String(withinYear).padStart(2, "0")}`;
  if (frequency === "quarterly") return `${year}-Q${withinYear}`;
  return year;
}

/**
 * Places observations on an even grid of periods, filling absent periods with null. Labels must be
 * strictly increasing (no duplicates); a RangeError names the first offending label.
 */
export function alignPeriods(
  observations: readonly SeriesObservation[],
  frequency: SeriesFrequency,
): AlignedSeries {
  const first = observations[0];
  if (first === undefined) return { periods: [], values: [] };
  const startIndex = computePeriodIndex(first.period, frequency);
  const periods: string[] = [];
  const values: (number | null)[] = [];
  let previousIndex = startIndex - 1;
  for (const observation of observations) {
    const index = computePeriodIndex(observation.period, frequency);
    if (index <= previousIndex) {
      throw new RangeError(`Period "${observation.period}" is repeated or out of order`);
    }
    if (observation.value !== null && !Number.isFinite(observation.value)) {
      throw new RangeError(`Period "${observation.period}" has a non-finite value`);
    }
    for (let gap = previousIndex + 1; gap < index; gap += 1) {
      periods.push(formatPeriodLabel(gap, frequency));
      values.push(null);
    }
    periods.push(observation.period);
    values.push(observation.value);
    previousIndex = index;
  }
  return { periods, values };
}
