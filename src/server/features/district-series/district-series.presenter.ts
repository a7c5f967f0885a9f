import type {
  DistrictSeriesDetail,
  DistrictSeriesSummary,
  SeriesAlarmReason,
} from "../../../contracts/district-series.ts";
import type {
  DistrictSignalsReport,
  SignalAlarm,
} from "../../../domain/district-signals/detect-district-alarms.ts";
import type { AlarmStateRecord, SeriesRecord } from "./district-series.repo.ts";
import type { SeriesListRow } from "./series-lists.repo.ts";

const frequencyOf = (frequency: string): "A" | "Q" | "M" =>
  frequency === "M" || frequency === "Q" ? frequency : "A";

export function presentAlarmReason(alarm: SignalAlarm): SeriesAlarmReason {
  return {
    method: alarm.method,
    period: alarm.period,
    quantity: alarm.quantity,
    scoredValue: alarm.scoredValue,
    statistic: alarm.statistic,
    threshold: alarm.threshold,
    baselineMedian: alarm.baselineMedian,
    baselineSpread: alarm.baselineSpread,
    baselineLength: alarm.baselineLength,
  };
}

export function presentAlarmState(state: AlarmStateRecord | null): DistrictSeriesSummary["alarm"] {
  if (!state) return null;
  return {
    isInAlarm: state.isInAlarm,
    latestPeriod: state.latestPeriod,
    reasons: (state.reasons as SignalAlarm[]).map(presentAlarmReason),
    ruleSetVersion: state.ruleSetVersion,
    evaluatedAt: state.evaluatedAt.toISOString(),
  };
}

export function presentSeriesSummary(row: SeriesListRow): DistrictSeriesSummary {
  return {
    id: row.id,
    key: row.seriesKey,
    source: row.source,
    dataset: row.dataset,
    indicator: row.indicator,
    dimensions: row.dimensions,
    titleIt: row.titleIt,
    titleEn: row.titleEn,
    unit: row.unit,
    frequency: frequencyOf(row.frequency),
    territoryCode: row.territoryCode,
    territoryNameIt: row.territoryNameIt,
    territoryNameEn: row.territoryNameEn,
    observationCount: row.observationCount,
    latest:
      row.latestPeriod === null
        ? null
        : { period: row.latestPeriod, value: row.latestValue, releasedOn: row.latestReleasedOn },
    alarm: presentAlarmState(row.alarm),
  };
}

export function presentAnalysis(report: DistrictSignalsReport): DistrictSeriesDetail["analysis"] {
  return {
    ruleSetVersion: report.ruleSetVersion,
    scoredQuantity: report.scoredQuantity,
    stl: { status: report.stl.status, reason: report.stl.status === "skipped" ? report.stl.reason : null },
    points: report.observations.map((observation) => ({
      period: observation.period,
      value: observation.value,
      yearOnYearChangeRatio: observation.yearOnYearChangeRatio,
      trend: observation.stl?.trend ?? null,
      seasonal: observation.stl?.seasonal ?? null,
      remainder: observation.stl?.remainder ?? null,
      modifiedZ: observation.modifiedZ.status === "scored" ? observation.modifiedZ.score : null,
      cusumUpper: observation.cusum?.upperSum ?? null,
      cusumLower: observation.cusum?.lowerSum ?? null,
      alarms: observation.alarms.map(presentAlarmReason),
    })),
    changePoints: {
      periods: report.changePoints.periods,
      segments: report.changePoints.segments,
    },
    latest: {
      period: report.latest.period,
      isInAlarm: report.latest.isInAlarm,
      alarms: report.latest.alarms.map(presentAlarmReason),
      notScoredReason: report.latest.notScoredReason,
    },
  };
}

export function presentSeriesIdentity(series: SeriesRecord) {
  return {
    key: series.seriesKey,
    source: series.source,
    dataset: series.dataset,
    indicator: series.indicator,
    dimensions: series.dimensions,
    unit: series.unit,
    frequency: frequencyOf(series.frequency),
    territoryCode: series.territoryCode,
    titleEn: series.titleEn,
  };
}
