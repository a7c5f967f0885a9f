import type { DistrictSignalsReport } from "../../../domain/district-signals/detect-district-alarms.ts";
import { detectDistrictAlarms } from "../../../domain/district-signals/detect-district-alarms.ts";
import type { SeriesFrequency } from "../../../domain/district-signals/rule-sets/district-signals-2026.ts";
import type { DistrictAlarmEntered } from "../../../domain/early-warning/alert-level-change.ts";
import { findLinkedDistricts } from "../../../domain/series/link-series-to-districts.ts";
import type { Database } from "../../db/client.ts";
import {
  findAlarmStates,
  findObservations,
  type ObservationRow,
  type SeriesRecord,
  upsertAlarmStates,
} from "./district-series.repo.ts";
import { findDistrictChains } from "./series-lists.repo.ts";

type Executor = Parameters<typeof findObservations>[0];

const signalFrequencies: Record<string, SeriesFrequency> = { A: "annual", Q: "quarterly", M: "monthly" };

/** The §5 signals of one stored series, computed by the domain engine. */
export function analyseSeries(
  series: Pick<SeriesRecord, "frequency">,
  observations: readonly Pick<ObservationRow, "period" | "value">[],
): DistrictSignalsReport {
  return detectDistrictAlarms({
    frequency: signalFrequencies[series.frequency] ?? "annual",
    observations: observations.map((observation) => ({
      period: observation.period,
      value: observation.value,
    })),
  });
}

/**
 * Re-evaluates the alarm state of each series on its latest observation and stores it. Returns,
 * for each series that entered alarm (it was not in alarm, or had no state) and each district it is
 * a signal of (link-series-to-districts.ts), what notifications are built from. A reason's `value`
 * is the statistic (M, or the CUSUM sum) that crossed `threshold`; `baseline` is the baseline median.
 */
export async function evaluateSeriesAlarms(
  db: Executor & Pick<Database, "select">,
  series: readonly SeriesRecord[],
  at: Date,
): Promise<DistrictAlarmEntered[]> {
  if (series.length === 0) return [];
  const ids = series.map((item) => item.id);
  const observations = await findObservations(db, ids);
  const bySeries = new Map<string, ObservationRow[]>();
  for (const observation of observations) {
    const list = bySeries.get(observation.seriesId);
    if (list) list.push(observation);
    else bySeries.set(observation.seriesId, [observation]);
  }
  const previous = new Map((await findAlarmStates(db, ids)).map((state) => [state.seriesId, state]));
  const chains = await findDistrictChains(db);
  const states = [];
  const entered: DistrictAlarmEntered[] = [];
  for (const item of series) {
    const report = analyseSeries(item, bySeries.get(item.id) ?? []);
    const { latest } = report;
    states.push({
      seriesId: item.id,
      isInAlarm: latest.isInAlarm,
      latestPeriod: latest.period,
      reasons: latest.alarms,
      ruleSetVersion: report.ruleSetVersion,
      evaluatedAt: at,
    });
    if (!latest.isInAlarm || previous.get(item.id)?.isInAlarm || latest.period === null) continue;
    for (const districtCode of findLinkedDistricts(item.territoryCode, chains)) {
      entered.push({
        seriesId: item.id,
        districtCode,
        period: latest.period,
        reasons: latest.alarms.map((alarm) => ({
          method: alarm.method,
          value: alarm.statistic,
          baseline: alarm.baselineMedian,
          threshold: alarm.threshold,
        })),
      });
    }
  }
  await upsertAlarmStates(db, states);
  return entered;
}
