/** The centre and spreads of a baseline window, in the units of its values. */
export type BaselineSummary = {
  median: number;
  /** Median of |x − median| (unscaled). */
  medianAbsoluteDeviation: number;
  /** Mean of |x − median| (unscaled). */
  meanAbsoluteDeviation: number;
  observationCount: number;
};

/** Median of a non-empty list (mean of the two middle values when the count is even). */
export function computeMedian(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("Cannot take the median of no values");
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  if (sorted.length % 2 === 1) return upper;
  return ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}

/** Median, MAD and mean absolute deviation from the median of a non-empty baseline window. */
export function summariseBaseline(values: readonly number[]): BaselineSummary {
  const median = computeMedian(values);
  const deviations = values.map((value) => Math.abs(value - median));
  const total = deviations.reduce((sum, deviation) => sum + deviation, 0);
  return {
    median,
    medianAbsoluteDeviation: computeMedian(deviations),
    meanAbsoluteDeviation: total / deviations.length,
    observationCount: values.length,
  };
}

/**
 * The `length` values strictly before `index`, or undefined when the window starts before the series
 * or holds a missing value: early-warning.md §5 scores "against the preceding 24 months or 8 quarters".
 */
export function findPrecedingWindow(
  values: readonly (number | null)[],
  index: number,
  length: number,
): number[] | undefined {
  if (index < length) return undefined;
  const window: number[] = [];
  for (let position = index - length; position < index; position += 1) {
    const value = values[position];
    if (value === null || value === undefined) return undefined;
    window.push(value);
  }
  return window;
}
