import { computeMedian } from "./robust-statistics.ts";
import type { DistrictSignalsRuleSet, SeriesFrequency, StlSpans } from "./rule-sets/district-signals-2026.ts";
import { fitLoessAt, smoothLoess } from "./smooth-loess.ts";

export type StlParameters = {
  /** n_p: observations per seasonal cycle (≥ 2). */
  period: number;
  spans: StlSpans;
  degree: 0 | 1;
  /** n_i */
  innerIterations: number;
  /** n_o: 0 for the non-robust procedure. */
  outerIterations: number;
  minimumFullPeriods: number;
};

export type StlSkipReason = "not_seasonal" | "too_short" | "missing_values";

export type StlDecomposition =
  | {
      status: "decomposed";
      trend: number[];
      seasonal: number[];
      /** value − trend − seasonal */
      remainder: number[];
      /** Bisquare robustness weights of the last outer pass, in [0, 1] (all 1 when not robust). */
      robustnessWeights: number[];
    }
  | {
      status: "skipped";
      reason: StlSkipReason;
      requiredObservations: number;
      availableObservations: number;
    };

const nextOdd = (value: number): number => {
  const ceiling = Math.ceil(value);
  return ceiling % 2 === 1 ? ceiling : ceiling + 1;
};

/**
 * Default spans of Cleveland et al. (1990): n_l = least odd ≥ n_p; n_t = least odd ≥
 * 1.5·n_p/(1 − 1.5/n_s). Spans count observations.
 */
export function computeStlSpans(period: number, seasonalSpan: number): StlSpans {
  return {
    seasonal: seasonalSpan,
    lowPass: nextOdd(period),
    trend: nextOdd((1.5 * period) / (1 - 1.5 / seasonalSpan)),
  };
}

/** STL parameters of the rule set for a frequency, or null when the frequency has no seasonal cycle. */
export function findStlParameters(
  ruleSet: DistrictSignalsRuleSet,
  frequency: SeriesFrequency,
): StlParameters | null {
  const spans = ruleSet.stl.spansByFrequency[frequency].value;
  const period = ruleSet.seasonalPeriodByFrequency[frequency].value;
  if (spans === null || period < 2) return null;
  const isRobust = ruleSet.stl.isRobust.value;
  return {
    period,
    spans,
    degree: ruleSet.stl.loessDegree.value,
    innerIterations: ruleSet.stl.innerIterations.value,
    outerIterations: isRobust ? ruleSet.stl.outerIterations.value : 0,
    minimumFullPeriods: ruleSet.stl.minimumFullPeriods.value,
  };
}

function computeMovingAverage(values: readonly number[], length: number): number[] {
  const averages: number[] = [];
  let sum = 0;
  values.forEach((value, index) => {
    sum += value;
    if (index >= length) sum -= values[index - length] ?? 0;
    if (index >= length - 1) averages.push(sum / length);
  });
  return averages;
}

/** Smooths each cycle-subseries and extends it by one cycle at each end: length n + 2·period. */
function smoothCycleSubseries(
  detrended: readonly number[],
  robustnessWeights: readonly number[],
  parameters: StlParameters,
): number[] {
  const { period, degree } = parameters;
  const span = parameters.spans.seasonal;
  const extended: number[] = new Array(detrended.length + 2 * period).fill(0);
  for (let cycleIndex = 0; cycleIndex < period; cycleIndex += 1) {
    const subseries: number[] = [];
    const subseriesWeights: number[] = [];
    for (let position = cycleIndex; position < detrended.length; position += period) {
      subseries.push(detrended[position] ?? 0);
      subseriesWeights.push(robustnessWeights[position] ?? 1);
    }
    const count = subseries.length;
    const options = { span, degree, robustnessWeights: subseriesWeights };
    const smoothed = smoothLoess(subseries, options);
    const before = fitLoessAt(subseries, -1, 0, Math.min(span, count) - 1, options) ?? smoothed[0] ?? 0;
    const after =
      fitLoessAt(subseries, count, Math.max(0, count - span), count - 1, options) ?? smoothed[count - 1] ?? 0;
    [before, ...smoothed, after].forEach((value, cycle) => {
      extended[cycle * period + cycleIndex] = value;
    });
  }
  return extended;
}

/** One pass of the inner loop: updates the seasonal and trend components in place. */
function runInnerLoop(
  values: readonly number[],
  robustnessWeights: readonly number[],
  parameters: StlParameters,
  components: { seasonal: number[]; trend: number[] },
): void {
  const { period, degree, spans } = parameters;
  const detrended = values.map((value, index) => value - (components.trend[index] ?? 0));
  const cycleSubseries = smoothCycleSubseries(detrended, robustnessWeights, parameters);
  const averaged = computeMovingAverage(
    computeMovingAverage(computeMovingAverage(cycleSubseries, period), period),
    3,
  );
  const lowPass = smoothLoess(averaged, { span: spans.lowPass, degree });
  values.forEach((_, index) => {
    components.seasonal[index] = (cycleSubseries[period + index] ?? 0) - (lowPass[index] ?? 0);
  });
  const deseasonalised = values.map((value, index) => value - (components.seasonal[index] ?? 0));
  const trend = smoothLoess(deseasonalised, { span: spans.trend, degree, robustnessWeights });
  trend.forEach((value, index) => {
    components.trend[index] = value;
  });
}

/** Bisquare weights B(|r|/h) with h = 6·median|r| (Fortran `stlrwt` cut-offs at 0.1 % and 99.9 % of h). */
function computeRobustnessWeights(residuals: readonly number[]): number[] {
  const absolute = residuals.map((residual) => Math.abs(residual));
  const scale = 6 * computeMedian(absolute);
  return absolute.map((residual) => {
    if (residual <= 0.001 * scale) return 1;
    if (residual <= 0.999 * scale) return (1 - (residual / scale) ** 2) ** 2;
    return 0;
  });
}

function validateParameters(parameters: StlParameters): void {
  const { period, spans } = parameters;
  if (!Number.isInteger(period) || period < 2) throw new RangeError(`STL needs a period ≥ 2, got ${period}`);
  for (const [name, span] of Object.entries(spans)) {
    if (!Number.isInteger(span) || span < 3 || span % 2 === 0) {
      throw new RangeError(`STL ${name} span must be an odd integer ≥ 3, got ${span}`);
    }
  }
}

/**
 * STL (Cleveland et al. 1990): value = trend + seasonal + remainder, with LOESS inner loops and,
 * when `outerIterations` > 0, bisquare robustness weights. Needs `minimumFullPeriods` full cycles and
 * no missing value, else returns a skip reason (early-warning.md §5: then work on YoY).
 */
export function decomposeStl(
  values: readonly (number | null)[],
  parameters: StlParameters,
): StlDecomposition {
  validateParameters(parameters);
  const requiredObservations = parameters.minimumFullPeriods * parameters.period;
  const availableObservations = values.length;
  const complete = values.filter((value): value is number => value !== null);
  if (complete.length !== values.length) {
    return { status: "skipped", reason: "missing_values", requiredObservations, availableObservations };
  }
  if (availableObservations < requiredObservations) {
    return { status: "skipped", reason: "too_short", requiredObservations, availableObservations };
  }
  const components = {
    seasonal: new Array<number>(complete.length).fill(0),
    trend: new Array<number>(complete.length).fill(0),
  };
  let robustnessWeights = new Array<number>(complete.length).fill(1);
  for (let outer = 0; outer <= parameters.outerIterations; outer += 1) {
    for (let inner = 0; inner < parameters.innerIterations; inner += 1) {
      runInnerLoop(complete, robustnessWeights, parameters, components);
    }
    if (outer < parameters.outerIterations) {
      robustnessWeights = computeRobustnessWeights(
        complete.map(
          (value, index) => value - (components.trend[index] ?? 0) - (components.seasonal[index] ?? 0),
        ),
      );
    }
  }
  return {
    status: "decomposed",
    trend: components.trend,
    seasonal: components.seasonal,
    remainder: complete.map(
      (value, index) => value - (components.trend[index] ?? 0) - (components.seasonal[index] ?? 0),
    ),
    robustnessWeights,
  };
}
