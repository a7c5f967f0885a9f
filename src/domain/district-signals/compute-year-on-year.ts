/**
 * Year-on-year change ratio x_t / x_(t−lag) − 1 for each position of an evenly spaced series
 * (0.1 = +10 %); null when either value is missing or the base is 0. Lag = 12 monthly, 4 quarterly,
 * 1 annual (early-warning.md §5, rule set `seasonalPeriodByFrequency`).
 */
export function computeYearOnYear(values: readonly (number | null)[], lag: number): (number | null)[] {
  if (!Number.isInteger(lag) || lag < 1)
    throw new RangeError(`The year-on-year lag must be a positive integer, got ${lag}`);
  return values.map((value, index) => {
    const base = index >= lag ? values[index - lag] : null;
    if (value === null || base === null || base === undefined || base === 0) return null;
    return value / base - 1;
  });
}
