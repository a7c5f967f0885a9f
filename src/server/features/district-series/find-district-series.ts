import type {
  DistrictAlarmList,
  DistrictSeriesDetail,
  DistrictSeriesList,
} from "../../../contracts/district-series.ts";
import { findDistrictTerritoryCodes } from "../../../domain/series/link-series-to-districts.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { presentAlarmState, presentAnalysis, presentSeriesSummary } from "./district-series.presenter.ts";
import { findObservations, findRevisions, findSeriesById } from "./district-series.repo.ts";
import { analyseSeries } from "./evaluate-series-alarms.ts";
import { findDistrictChains, findSeriesPage, findSeriesWithAlarms } from "./series-lists.repo.ts";

type Deps = { db: Database };

/** The territories whose series speak for a district; 404 when the district is unknown. */
async function findTerritoriesOfDistrict(deps: Deps, districtCode: string): Promise<string[]> {
  const chain = (await findDistrictChains(deps.db)).find((item) => item.districtCode === districtCode);
  if (!chain) throw new AppError("not_found", `No district "${districtCode}".`);
  return findDistrictTerritoryCodes(chain);
}

/** District series (official statistics, public), those in alarm first, with latest value and alarm state. */
export async function findDistrictSeriesPage(
  deps: Deps,
  query: { district?: string | undefined; limit: number; offset: number },
): Promise<DistrictSeriesList> {
  const territoryCodes = query.district ? await findTerritoriesOfDistrict(deps, query.district) : undefined;
  const page = await findSeriesPage(deps.db, { territoryCodes, limit: query.limit, offset: query.offset });
  return { items: page.rows.map(presentSeriesSummary), total: page.total };
}

/** One series with its observations, revisions and the §5 signals computed by the domain engine. */
export async function getDistrictSeries(deps: Deps, seriesId: string): Promise<DistrictSeriesDetail> {
  const series = await findSeriesById(deps.db, seriesId);
  if (!series) throw new AppError("not_found", "No such series.");
  const [observations, revisions, page] = await Promise.all([
    findObservations(deps.db, [seriesId]),
    findRevisions(deps.db, seriesId),
    findSeriesPage(deps.db, { seriesId, limit: 1, offset: 0 }),
  ]);
  const row = page.rows[0];
  if (!row) throw new AppError("not_found", "No such series.");
  const summary = presentSeriesSummary(row);
  return {
    series: summary,
    observations: observations.map(({ seriesId: _id, ...observation }) => observation),
    revisions: revisions.map((revision) => ({ ...revision, replacedAt: revision.replacedAt.toISOString() })),
    analysis: presentAnalysis(analyseSeries(series, observations)),
  };
}

/** A district's alarm list: every signal with a stored state, those in alarm first, each with why. */
export async function findDistrictAlarms(deps: Deps, districtCode: string): Promise<DistrictAlarmList> {
  const territoryCodes = await findTerritoriesOfDistrict(deps, districtCode);
  const rows = await findSeriesWithAlarms(deps.db, territoryCodes);
  return {
    districtCode,
    items: rows.map(({ series, alarm }) => {
      const state = presentAlarmState(alarm);
      return {
        seriesId: series.id,
        titleIt: series.titleIt,
        titleEn: series.titleEn,
        unit: series.unit,
        frequency: series.frequency === "M" || series.frequency === "Q" ? series.frequency : "A",
        territoryCode: series.territoryCode,
        isInAlarm: alarm.isInAlarm,
        latestPeriod: alarm.latestPeriod,
        reasons: state?.reasons ?? [],
        ruleSetVersion: alarm.ruleSetVersion,
        evaluatedAt: alarm.evaluatedAt.toISOString(),
      };
    }),
  };
}
