import { computeSeriesKey } from "./compute-series-key.ts";
import { comparePeriods, type NormalisedPeriod } from "./normalise-period.ts";
import type { ParsedSeries, SeriesFileProblem, SeriesFrequencyCode } from "./parsed-series.ts";

/** One observation as a reader found it, before it is grouped into its series. */
export type ObservationRecord = {
  /** The file line, for problems (null in JSON files). */
  row: number | null;
  dimensions: Record<string, string>;
  period: NormalisedPeriod;
  value: number | null;
  statusFlag: string | null;
  releasedOn: string | null;
};

export type SeriesDescription = {
  source: string;
  dataset: string;
  /** What is measured; the dataset id unless the file or profile says better. */
  indicator: string;
  /** Dimension ids holding the unit, the frequency and the territory (case-insensitive match). */
  unitDimension: string | undefined;
  frequencyDimension: string | undefined;
  territoryDimension: string | undefined;
  /** The title of one series from its dimensions. */
  titleOf(dimensions: Record<string, string>): string;
};

const frequencyCodes = new Set(["A", "Q", "M"]);

/** The dimension id in `ids` equal to one of `candidates`, ignoring case. */
export function findDimension(ids: readonly string[], candidates: readonly string[]): string | undefined {
  const wanted = candidates.map((candidate) => candidate.toLowerCase());
  return ids.find((id) => wanted.includes(id.toLowerCase()));
}

export const unitDimensionNames = ["unit", "unit_measure", "unita", "unità"];
export const frequencyDimensionNames = ["freq", "frequency"];
export const territoryDimensionNames = ["geo", "ref_area", "territory", "territorio"];

/**
 * Groups observation records into series by their dimensions (every dimension kept), checking
 * that each series has one frequency, agrees with its frequency dimension, names a unit and has
 * each period once. Problems name the line when there is one.
 */
export function assembleSeries(
  records: readonly ObservationRecord[],
  description: SeriesDescription,
): { series: ParsedSeries[]; problems: SeriesFileProblem[] } {
  const problems: SeriesFileProblem[] = [];
  const groups = new Map<string, ObservationRecord[]>();
  for (const record of records) {
    const key = computeSeriesKey({
      source: description.source,
      dataset: description.dataset,
      dimensions: record.dimensions,
    });
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  const series: ParsedSeries[] = [];
  for (const [key, group] of groups) {
    const first = group[0];
    if (!first) continue;
    const { dimensions } = first;
    const frequencies = new Set(group.map((record) => record.period.frequency));
    if (frequencies.size > 1) {
      problems.push({
        row: first.row,
        column: null,
        message: `Series ${key} mixes frequencies (${[...frequencies].join(", ")}) in its periods.`,
      });
      continue;
    }
    const frequency = first.period.frequency as SeriesFrequencyCode;
    const declared = description.frequencyDimension ? dimensions[description.frequencyDimension] : undefined;
    if (declared !== undefined && frequencyCodes.has(declared) && declared !== frequency) {
      problems.push({
        row: first.row,
        column: description.frequencyDimension ?? null,
        message: `Series ${key} is declared with frequency ${declared} but its periods (e.g. ${first.period.period}) are ${frequency}.`,
      });
      continue;
    }
    const unit = description.unitDimension ? dimensions[description.unitDimension] : undefined;
    if (!unit) {
      problems.push({
        row: first.row,
        column: null,
        message: `Series ${key} has no unit: the file needs a unit dimension (or, for a CSV profile, a unit column or constant).`,
      });
      continue;
    }
    const sorted = [...group].sort((left, right) => comparePeriods(left.period.period, right.period.period));
    let isDuplicated = false;
    for (let index = 1; index < sorted.length; index += 1) {
      const current = sorted[index];
      const previous = sorted[index - 1];
      if (current && previous && current.period.period === previous.period.period) {
        problems.push({
          row: current.row,
          column: null,
          message: `Series ${key} has period ${current.period.period} twice${previous.row !== null ? ` (also on line ${previous.row})` : ""}.`,
        });
        isDuplicated = true;
      }
    }
    if (isDuplicated) continue;
    series.push({
      source: description.source,
      dataset: description.dataset,
      indicator: description.indicator,
      dimensions,
      unit,
      frequency,
      territory: description.territoryDimension ? (dimensions[description.territoryDimension] ?? null) : null,
      title: description.titleOf(dimensions),
      observations: sorted.map((record) => ({
        period: record.period.period,
        value: record.value,
        statusFlag: record.statusFlag,
        releasedOn: record.releasedOn,
      })),
    });
  }
  return { series, problems };
}
