import { alignPeriods, type SeriesObservation } from "./align-periods.ts";
import { computeYearOnYear } from "./compute-year-on-year.ts";
import { decomposeStl, findStlParameters, type StlSkipReason } from "./decompose-stl.ts";
import { detectChangePoints, type NoiseEstimateMethod } from "./detect-change-points.ts";
import { type CusumStep, detectCusum, standardiseAgainstBaseline } from "./detect-cusum.ts";
import {
  type DistrictSignalsRuleSet,
  districtSignalsRuleSet2026,
  type SeriesFrequency,
} from "./rule-sets/district-signals-2026.ts";
import { type ModifiedZScore, scoreModifiedZ } from "./score-modified-z.ts";

export type DistrictSeries = { frequency: SeriesFrequency; observations: readonly SeriesObservation[] };

/** What the alarms look at: the STL remainder, or the YoY change ratio when STL was skipped. */
export type ScoredQuantity = "stl_remainder" | "year_on_year";

/** Why an observation is in alarm, as plain data for an alarm list. */
export type SignalAlarm = {
  method: "modified_z" | "cusum_upper" | "cusum_lower";
  period: string;
  quantity: ScoredQuantity;
  /** The remainder (series units) or YoY ratio that was scored. */
  scoredValue: number;
  /** M for modified_z; S⁺ or S⁻ (standard deviations) for CUSUM. */
  statistic: number;
  /** 3.5 for modified_z, h for CUSUM; the alarm needs statistic (in absolute value) > threshold. */
  threshold: number;
  baselineMedian: number;
  /** The modified z-score's MAD (or scaled mean absolute deviation), or CUSUM's σ. */
  baselineSpread: number;
  baselineLength: number;
};

export type ObservationSignals = {
  period: string;
  value: number | null;
  yearOnYearChangeRatio: number | null;
  /** STL components, null outside the decomposed stretch or when STL was skipped. */
  stl: { trend: number; seasonal: number; remainder: number } | null;
  scoredValue: number | null;
  modifiedZ: ModifiedZScore;
  /** Null when the frequency has no baseline window. */
  cusum: (CusumStep & { baselineMedian: number | null; standardDeviation: number | null }) | null;
  alarms: SignalAlarm[];
};

export type StlStatus =
  | { status: "decomposed"; startPeriod: string; endPeriod: string }
  | { status: "skipped"; reason: StlSkipReason; requiredObservations: number; availableObservations: number };

export type DistrictSignalsReport = {
  ruleSetVersion: string;
  frequency: SeriesFrequency;
  scoredQuantity: ScoredQuantity;
  stl: StlStatus;
  observations: ObservationSignals[];
  /** PELT regimes of the level (for annotation, never alarms); indices count observations with a value. */
  changePoints: {
    periods: string[];
    segments: { startPeriod: string; endPeriod: string; mean: number }[];
    noiseStandardDeviation: number;
    noiseEstimateMethod: NoiseEstimateMethod;
    penalty: number;
  };
  latest: {
    period: string | null;
    isInAlarm: boolean;
    alarms: SignalAlarm[];
    notScoredReason: string | null;
  };
};

export type DetectDistrictAlarmsOptions = {
  ruleSet?: DistrictSignalsRuleSet;
  /** Overrides the rule set's h; must lie in its allowed range (4–5). */
  cusumDecisionInterval?: number;
};

/** The last stretch of consecutive non-missing values: [start, end) positions. */
function findTrailingCompleteStretch(values: readonly (number | null)[]): { start: number; end: number } {
  let end = values.length;
  while (end > 0 && values[end - 1] === null) end -= 1;
  let start = end;
  while (start > 0 && values[start - 1] !== null) start -= 1;
  return { start, end };
}

function decomposeSeries(
  values: readonly (number | null)[],
  periods: readonly string[],
  frequency: SeriesFrequency,
  ruleSet: DistrictSignalsRuleSet,
): { status: StlStatus; components: ObservationSignals["stl"][] } {
  const components: ObservationSignals["stl"][] = values.map(() => null);
  const parameters = findStlParameters(ruleSet, frequency);
  const stretch = findTrailingCompleteStretch(values);
  const availableObservations = stretch.end - stretch.start;
  if (parameters === null) {
    return {
      status: { status: "skipped", reason: "not_seasonal", requiredObservations: 0, availableObservations },
      components,
    };
  }
  const decomposition = decomposeStl(values.slice(stretch.start, stretch.end), parameters);
  if (decomposition.status === "skipped") {
    const { status: _status, ...skip } = decomposition;
    return { status: { status: "skipped", ...skip }, components };
  }
  decomposition.remainder.forEach((remainder, offset) => {
    components[stretch.start + offset] = {
      trend: decomposition.trend[offset] ?? 0,
      seasonal: decomposition.seasonal[offset] ?? 0,
      remainder,
    };
  });
  return {
    status: {
      status: "decomposed",
      startPeriod: periods[stretch.start] ?? "",
      endPeriod: periods[stretch.end - 1] ?? "",
    },
    components,
  };
}

function describeAlarms(
  period: string,
  quantity: ScoredQuantity,
  modifiedZ: ModifiedZScore,
  cusum: ObservationSignals["cusum"],
  limits: { baselineLength: number; decisionInterval: number; scoredValue: number | null },
): SignalAlarm[] {
  const { baselineLength } = limits;
  const alarms: SignalAlarm[] = [];
  if (modifiedZ.status === "scored" && modifiedZ.isAlarm) {
    const { baseline } = modifiedZ;
    alarms.push({
      method: "modified_z",
      period,
      quantity,
      scoredValue: modifiedZ.value,
      statistic: modifiedZ.score,
      threshold: modifiedZ.alarmThreshold,
      baselineMedian: baseline.median,
      baselineSpread:
        modifiedZ.spreadMethod === "median_absolute_deviation"
          ? baseline.medianAbsoluteDeviation
          : baseline.meanAbsoluteDeviation,
      baselineLength,
    });
  }
  if (cusum?.isAlarm && limits.scoredValue !== null) {
    const sides: ("upper" | "lower")[] =
      cusum.alarmSide === "both" ? ["upper", "lower"] : cusum.alarmSide === null ? [] : [cusum.alarmSide];
    for (const side of sides) {
      alarms.push({
        method: side === "upper" ? "cusum_upper" : "cusum_lower",
        period,
        quantity,
        scoredValue: limits.scoredValue,
        statistic: side === "upper" ? cusum.upperSum : cusum.lowerSum,
        threshold: limits.decisionInterval,
        baselineMedian: cusum.baselineMedian ?? 0,
        baselineSpread: cusum.standardDeviation ?? 0,
        baselineLength,
      });
    }
  }
  return alarms;
}

/**
 * District signals of early-warning.md §5 for one series: YoY, robust STL, rolling modified z-score
 * and two-sided CUSUM of the STL remainder (or of YoY when STL is skipped), and PELT regimes of the
 * level. Each alarm states method, statistic, threshold and baseline; nothing is summed.
 */
export function detectDistrictAlarms(
  series: DistrictSeries,
  options: DetectDistrictAlarmsOptions = {},
): DistrictSignalsReport {
  const ruleSet = options.ruleSet ?? districtSignalsRuleSet2026;
  const { frequency } = series;
  const { periods, values } = alignPeriods(series.observations, frequency);
  const yearOnYear = computeYearOnYear(values, ruleSet.seasonalPeriodByFrequency[frequency].value);
  const decomposition = decomposeSeries(values, periods, frequency, ruleSet);
  const scoredQuantity: ScoredQuantity =
    decomposition.status.status === "decomposed" ? "stl_remainder" : "year_on_year";
  const scoredValues =
    scoredQuantity === "stl_remainder"
      ? decomposition.components.map((component) => component?.remainder ?? null)
      : yearOnYear;

  const baselineLength = ruleSet.baselineLengthByFrequency[frequency].value;
  const modifiedZParameters = {
    baselineLength: baselineLength ?? 0,
    consistencyConstant: ruleSet.modifiedZ.consistencyConstant.value,
    meanAbsoluteDeviationFactor: ruleSet.modifiedZ.meanAbsoluteDeviationFactor.value,
    alarmThreshold: ruleSet.modifiedZ.alarmThreshold.value,
  };
  const modifiedZScores: ModifiedZScore[] =
    baselineLength === null
      ? scoredValues.map((value) => ({
          status: "not_scored",
          reason: "no_baseline_window",
          value,
          baseline: null,
        }))
      : scoreModifiedZ(scoredValues, modifiedZParameters);

  const decisionInterval = options.cusumDecisionInterval ?? ruleSet.cusum.decisionInterval.value;
  let cusumSteps: ObservationSignals["cusum"][] = scoredValues.map(() => null);
  if (baselineLength !== null) {
    const standardised = standardiseAgainstBaseline(scoredValues, {
      baselineLength,
      medianAbsoluteDeviationFactor: ruleSet.cusum.medianAbsoluteDeviationFactor.value,
      meanAbsoluteDeviationFactor: ruleSet.modifiedZ.meanAbsoluteDeviationFactor.value,
    });
    const steps = detectCusum(
      standardised.map((entry) => (entry.status === "standardised" ? entry.standardisedValue : null)),
      {
        referenceValue: ruleSet.cusum.referenceValue.value,
        decisionInterval,
        allowedDecisionInterval: ruleSet.cusum.allowedDecisionInterval.value,
      },
    );
    cusumSteps = steps.map((step, index) => {
      const entry = standardised[index];
      const isStandardised = entry?.status === "standardised";
      return {
        ...step,
        baselineMedian: isStandardised ? entry.baselineMedian : null,
        standardDeviation: isStandardised ? entry.standardDeviation : null,
      };
    });
  }

  const observations: ObservationSignals[] = periods.map((period, index) => {
    const modifiedZ = modifiedZScores[index] ?? {
      status: "not_scored",
      reason: "missing_value",
      value: null,
      baseline: null,
    };
    const cusum = cusumSteps[index] ?? null;
    return {
      period,
      value: values[index] ?? null,
      yearOnYearChangeRatio: yearOnYear[index] ?? null,
      stl: decomposition.components[index] ?? null,
      scoredValue: scoredValues[index] ?? null,
      modifiedZ,
      cusum,
      alarms: describeAlarms(period, scoredQuantity, modifiedZ, cusum, {
        baselineLength: baselineLength ?? 0,
        decisionInterval,
        scoredValue: scoredValues[index] ?? null,
      }),
    };
  });

  const levelPositions = values.flatMap((value, index) => (value === null ? [] : [index]));
  const levels = levelPositions.map((index) => values[index] ?? 0);
  const detection = detectChangePoints(levels, {
    penaltyMultiplier: ruleSet.changePoints.penaltyMultiplier.value,
    minimumSegmentLength: ruleSet.changePoints.minimumSegmentLength.value,
    medianAbsoluteDeviationFactor: ruleSet.changePoints.medianAbsoluteDeviationFactor.value,
    meanAbsoluteDeviationFactor: ruleSet.modifiedZ.meanAbsoluteDeviationFactor.value,
  });
  const periodOfLevel = (position: number): string => periods[levelPositions[position] ?? 0] ?? "";

  const latestObservation = observations.at(-1);
  const latestModifiedZ = latestObservation?.modifiedZ;
  return {
    ruleSetVersion: ruleSet.version,
    frequency,
    scoredQuantity,
    stl: decomposition.status,
    observations,
    changePoints: {
      periods: detection.changePointIndices.map(periodOfLevel),
      segments: detection.segments.map((segment) => ({
        startPeriod: periodOfLevel(segment.startIndex),
        endPeriod: periodOfLevel(segment.endIndex),
        mean: segment.mean,
      })),
      noiseStandardDeviation: detection.noiseStandardDeviation,
      noiseEstimateMethod: detection.noiseEstimateMethod,
      penalty: detection.penalty,
    },
    latest: {
      period: latestObservation?.period ?? null,
      isInAlarm: (latestObservation?.alarms.length ?? 0) > 0,
      alarms: latestObservation?.alarms ?? [],
      notScoredReason: latestModifiedZ?.status === "not_scored" ? latestModifiedZ.reason : null,
    },
  };
}
