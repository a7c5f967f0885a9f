import { findPrecedingWindow, summariseBaseline } from "./robust-statistics.ts";

export type CusumParameters = {
  /** k, in standard deviations (0.5). */
  referenceValue: number;
  /** h, in standard deviations (5): alarm when a sum is strictly greater. */
  decisionInterval: number;
  /** The range h must lie in (4–5, early-warning.md §5). */
  allowedDecisionInterval: { minimum: number; maximum: number };
};

export type StandardisationParameters = {
  /** Preceding observations in the baseline window. */
  baselineLength: number;
  /** 1.4826: σ = factor × MAD. */
  medianAbsoluteDeviationFactor: number;
  /** 1.253314: σ = factor × mean absolute deviation when MAD = 0. */
  meanAbsoluteDeviationFactor: number;
};

export type StandardisedValue =
  | { status: "standardised"; standardisedValue: number; baselineMedian: number; standardDeviation: number }
  | { status: "not_standardised"; reason: "missing_value" | "incomplete_baseline" | "zero_spread" };

/** One observation of the two-sided CUSUM; sums are in standard deviations. */
export type CusumStep = {
  standardisedValue: number | null;
  /** S⁺ after this observation (before any reset). */
  upperSum: number;
  /** S⁻ after this observation (before any reset), as a positive magnitude. */
  lowerSum: number;
  isAlarm: boolean;
  /** Which sum exceeded h; both restart at 0 on the next observation. */
  alarmSide: "upper" | "lower" | "both" | null;
};

/**
 * z = (x − median)/σ against the `baselineLength` preceding values, σ = 1.4826·MAD (early-warning.md §5);
 * when MAD = 0, σ = 1.253314·mean absolute deviation, as for the modified z-score; both 0: no value.
 */
export function standardiseAgainstBaseline(
  values: readonly (number | null)[],
  parameters: StandardisationParameters,
): StandardisedValue[] {
  return values.map((value, index): StandardisedValue => {
    if (value === null) return { status: "not_standardised", reason: "missing_value" };
    const window = findPrecedingWindow(values, index, parameters.baselineLength);
    if (window === undefined || window.length === 0) {
      return { status: "not_standardised", reason: "incomplete_baseline" };
    }
    const baseline = summariseBaseline(window);
    const standardDeviation =
      baseline.medianAbsoluteDeviation > 0
        ? parameters.medianAbsoluteDeviationFactor * baseline.medianAbsoluteDeviation
        : parameters.meanAbsoluteDeviationFactor * baseline.meanAbsoluteDeviation;
    if (standardDeviation === 0) return { status: "not_standardised", reason: "zero_spread" };
    return {
      status: "standardised",
      standardisedValue: (value - baseline.median) / standardDeviation,
      baselineMedian: baseline.median,
      standardDeviation,
    };
  });
}

/** Throws a RangeError unless k ≥ 0 and h lies in its allowed range. */
export function validateCusumParameters(parameters: CusumParameters): void {
  const { referenceValue, decisionInterval, allowedDecisionInterval } = parameters;
  if (!Number.isFinite(referenceValue) || referenceValue < 0) {
    throw new RangeError(`CUSUM reference value k must be ≥ 0, got ${referenceValue}`);
  }
  if (
    !Number.isFinite(decisionInterval) ||
    decisionInterval < allowedDecisionInterval.minimum ||
    decisionInterval > allowedDecisionInterval.maximum
  ) {
    throw new RangeError(
      `CUSUM decision interval h must lie in ${allowedDecisionInterval.minimum}–${allowedDecisionInterval.maximum}, got ${decisionInterval}`,
    );
  }
}

/**
 * Two-sided tabular CUSUM (Page 1954) on standardised values: S⁺ = max(0, S⁺ + z − k),
 * S⁻ = max(0, S⁻ − z − k); alarm when either is > h, then both reset to 0. A missing z leaves the sums
 * unchanged. Units: standard deviations.
 */
export function detectCusum(
  standardisedValues: readonly (number | null)[],
  parameters: CusumParameters,
): CusumStep[] {
  validateCusumParameters(parameters);
  const { referenceValue, decisionInterval } = parameters;
  let upperSum = 0;
  let lowerSum = 0;
  return standardisedValues.map((standardisedValue) => {
    if (standardisedValue === null) {
      return { standardisedValue, upperSum, lowerSum, isAlarm: false, alarmSide: null };
    }
    upperSum = Math.max(0, upperSum + standardisedValue - referenceValue);
    lowerSum = Math.max(0, lowerSum - standardisedValue - referenceValue);
    const isUpper = upperSum > decisionInterval;
    const isLower = lowerSum > decisionInterval;
    const alarmSide = isUpper && isLower ? "both" : isUpper ? "upper" : isLower ? "lower" : null;
    const step: CusumStep = { standardisedValue, upperSum, lowerSum, isAlarm: alarmSide !== null, alarmSide };
    if (alarmSide !== null) {
      upperSum = 0;
      lowerSum = 0;
    }
    return step;
  });
}
