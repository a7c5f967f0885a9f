import { formatCsv } from "../shared/format-csv.ts";
import type { ParsedSeries } from "./parsed-series.ts";

/**
 * Writes series of one dataflow as SDMX-CSV 1.0 (DATAFLOW, LAST UPDATE as dd/mm/yy, the dimensions,
 * TIME_PERIOD, OBS_VALUE, OBS_FLAG), the form parseSdmxCsv reads back. Every series must share
 * source, dataset and dimension ids.
 */
export function formatSdmxCsv(series: readonly ParsedSeries[]): string {
  const first = series[0];
  if (!first) throw new RangeError("Nothing to write: no series");
  const dimensionIds = Object.keys(first.dimensions);
  for (const item of series) {
    if (item.source !== first.source || item.dataset !== first.dataset) {
      throw new RangeError(
        `One dataflow per file: ${item.source}:${item.dataset} differs from ${first.source}:${first.dataset}`,
      );
    }
    if (Object.keys(item.dimensions).join("|") !== dimensionIds.join("|")) {
      throw new RangeError("Every series of one file needs the same dimensions in the same order");
    }
  }
  const dataflow = `${first.source}:${first.dataset}(1.0)`;
  const dayFirst = (date: string | null) =>
    date ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(2, 4)} 00:00:00` : "";
  return formatCsv([
    ["DATAFLOW", "LAST UPDATE", ...dimensionIds, "TIME_PERIOD", "OBS_VALUE", "OBS_FLAG"],
    ...series.flatMap((item) =>
      item.observations.map((observation) => [
        dataflow,
        dayFirst(observation.releasedOn),
        ...dimensionIds.map((id) => item.dimensions[id] ?? ""),
        observation.period,
        observation.value,
        observation.statusFlag,
      ]),
    ),
  ]);
}
