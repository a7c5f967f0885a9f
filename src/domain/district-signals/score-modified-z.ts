import { type BaselineSummary, findPrecedingWindow, summariseBaseline } from "./robust-statistics.ts";

export type ModifiedZParameters = {
  /** Preceding observations in the baseline window (24 monthly, 8 quarterly). */
  baselineLength: number;
  /** 0.6745 */
  consistencyConstant: number;
  /** 1.253314: scale = factor × mean absolute deviation when MAD = 0. */
  meanAbsoluteDeviationFactor: number;
  /** 3.5: alarm when |M| is strictly greater. */
  alarmThreshold: number;
};

/** Which spread scaled the score: MAD, or the mean absolute deviation fallback when MAD = 0. */
export type SpreadMethod = "median_absolute_deviation" | "mean_absolute_deviation";

export type ModifiedZScore =
  | {
      status: "scored";
      value: number;
      /** M, dimensionless. */
      score: number;
      isAlarm: boolean;
      baseline: BaselineSummary;
      spreadMethod: SpreadMethod;
      alarmThreshold: number;
    }
  | {
      status: "not_scored";
      /**
       * zero_spread: MAD and mean absolute deviation are both 0, so no alarm (early-warning.md §5);
       * no_baseline_window: the rule set gives the frequency no window (annual series).
       */
      reason: "missing_value" | "incomplete_baseline" | "zero_spread" | "no_baseline_window";
      value: number | null;
      baseline: BaselineSummary | null;
    };

/**
 * Modified z-score (Iglewicz and Hoaglin 1993) of one value against a baseline window:
 * M = 0.6745·(x − median)/MAD; when MAD = 0, M = (x − median)/(1.253314·mean absolute deviation);
 * when both are 0, not scored. Alarm when |M| > threshold (3.5, strictly).
 */
export function computeModifiedZ(
  value: number,
  baselineValues: readonly number[],
  parameters: ModifiedZParameters,
): ModifiedZScore {
  if (baselineValues.length === 0) {
    return { status: "not_scored", reason: "incomplete_baseline", value, baseline: null };
  }
  const baseline = summariseBaseline(baselineValues);
  const deviation = value - baseline.median;
  let score: number;
  let spreadMethod: SpreadMethod;
  if (baseline.medianAbsoluteDeviation > 0) {
    score = (parameters.consistencyConstant * deviation) / baseline.medianAbsoluteDeviation;
    spreadMethod = "median_absolute_deviation";
  } else if (baseline.meanAbsoluteDeviation > 0) {
    score = deviation / (parameters.meanAbsoluteDeviationFactor * baseline.meanAbsoluteDeviation);
    spreadMethod = "mean_absolute_deviation";
  } else {
    return { status: "not_scored", reason: "zero_spread", value, baseline };
  }
  return {
    status: "scored",
    value,
    score,
    isAlarm: Math.abs(score) > parameters.alarmThreshold,
    baseline,
    spreadMethod,
    alarmThreshold: parameters.alarmThreshold,
  };
}

/**
 * Rolling modified z-score: each value against the `baselineLength` values just before it (the
 * window must lie inside the series and hold no missing value). Positions are evenly spaced periods.
 */
export function scoreModifiedZ(
  values: readonly (number | null)[],
  parameters: ModifiedZParameters,
): ModifiedZScore[] {
  return values.map((value, index) => {
    if (value === null) return { status: "not_scored", reason: "missing_value", value, baseline: null };
    const window = findPrecedingWindow(values, index, parameters.baselineLength);
    if (window === undefined)
      return { status: "not_scored", reason: "incomplete_baseline", value, baseline: null };
    return computeModifiedZ(value, window, parameters);
  });
}
