import type { SeriesExport } from "../../../contracts/district-series.ts";
import type { Database } from "../../db/client.ts";
import { presentSeriesIdentity } from "./district-series.presenter.ts";
import { findAllSeries, findObservations } from "./district-series.repo.ts";

/** Every district series with its key, dimensions and observations in force, as stored. */
export async function exportDistrictSeries(deps: { db: Database; clock: () => Date }): Promise<SeriesExport> {
  const series = await findAllSeries(deps.db);
  const observations = await findObservations(
    deps.db,
    series.map((item) => item.id),
  );
  const bySeries = new Map<string, SeriesExport["series"][number]["observations"]>();
  for (const { seriesId, period, value, statusFlag, releasedOn } of observations) {
    const list = bySeries.get(seriesId) ?? [];
    list.push({ period, value, statusFlag, releasedOn });
    bySeries.set(seriesId, list);
  }
  return {
    exportedAt: deps.clock().toISOString(),
    series: series.map((item) => ({
      ...presentSeriesIdentity(item),
      observations: bySeries.get(item.id) ?? [],
    })),
  };
}
