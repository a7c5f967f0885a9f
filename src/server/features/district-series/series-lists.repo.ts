import { and, asc, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client.ts";
import { districtSeries, seriesAlarmStates, seriesObservations, territories } from "../../db/schema.ts";
import { type AlarmStateRecord, type SeriesRecord, seriesColumns, toSeries } from "./district-series.repo.ts";

type Executor = Pick<Database, "select">;

/** Every district with the territories above it (up to four levels), nearest first. */
export async function findDistrictChains(db: Executor) {
  const parent = alias(territories, "parent");
  const grandparent = alias(territories, "grandparent");
  const rows = await db
    .select({
      districtCode: territories.code,
      parentCode: parent.code,
      parentKind: parent.kind,
      grandparentCode: grandparent.code,
      grandparentKind: grandparent.kind,
    })
    .from(territories)
    .leftJoin(parent, eq(parent.code, territories.parentCode))
    .leftJoin(grandparent, eq(grandparent.code, parent.parentCode))
    .where(eq(territories.kind, "district"));
  return rows.map((row) => ({
    districtCode: row.districtCode,
    ancestors: [
      ...(row.parentCode && row.parentKind ? [{ code: row.parentCode, kind: row.parentKind }] : []),
      ...(row.grandparentCode && row.grandparentKind
        ? [{ code: row.grandparentCode, kind: row.grandparentKind }]
        : []),
    ],
  }));
}

export type SeriesListRow = SeriesRecord & {
  territoryNameIt: string | null;
  territoryNameEn: string | null;
  observationCount: number;
  latestPeriod: string | null;
  latestValue: number | null;
  latestReleasedOn: string | null;
  alarm: AlarmStateRecord | null;
};

/** A page of series (optionally only of some territories), each with its latest value and alarm state. */
export async function findSeriesPage(
  db: Executor,
  filter: {
    territoryCodes?: readonly string[] | undefined;
    seriesId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ rows: SeriesListRow[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.seriesId) conditions.push(eq(districtSeries.id, filter.seriesId));
  if (filter.territoryCodes) {
    conditions.push(
      filter.territoryCodes.length > 0
        ? inArray(districtSeries.territoryCode, [...filter.territoryCodes])
        : sql`false`,
    );
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [totalRow] = await db.select({ total: count() }).from(districtSeries).where(where);
  const latest = db
    .select({
      seriesId: seriesObservations.seriesId,
      observationCount: sql<number>`count(*)::int`.as("observation_count"),
      latestPeriod: sql<string>`max(${seriesObservations.period})`.as("last_observed_period"),
    })
    .from(seriesObservations)
    .groupBy(seriesObservations.seriesId)
    .as("latest");
  const rows = await db
    .select({
      ...seriesColumns,
      territoryNameIt: territories.nameIt,
      territoryNameEn: territories.nameEn,
      observationCount: latest.observationCount,
      latestPeriod: latest.latestPeriod,
      latestValue: seriesObservations.value,
      latestReleasedOn: seriesObservations.releasedOn,
      alarm: seriesAlarmStates,
    })
    .from(districtSeries)
    .leftJoin(territories, eq(territories.code, districtSeries.territoryCode))
    .leftJoin(latest, eq(latest.seriesId, districtSeries.id))
    .leftJoin(
      seriesObservations,
      and(
        eq(seriesObservations.seriesId, districtSeries.id),
        eq(seriesObservations.period, latest.latestPeriod),
      ),
    )
    .leftJoin(seriesAlarmStates, eq(seriesAlarmStates.seriesId, districtSeries.id))
    .where(where)
    .orderBy(
      desc(sql`coalesce(${seriesAlarmStates.isInAlarm}, false)`),
      asc(districtSeries.titleEn),
      asc(districtSeries.seriesKey),
    )
    .limit(filter.limit)
    .offset(filter.offset);
  return {
    total: totalRow?.total ?? 0,
    rows: rows.map((row) => ({
      ...toSeries(row),
      territoryNameIt: row.territoryNameIt,
      territoryNameEn: row.territoryNameEn,
      observationCount: row.observationCount ?? 0,
      latestPeriod: row.latestPeriod ?? null,
      latestValue: row.latestValue,
      latestReleasedOn: row.latestReleasedOn,
      alarm: row.alarm,
    })),
  };
}

/** Series of some territories with their alarm state (for a district's alarm list). */
export async function findSeriesWithAlarms(db: Executor, territoryCodes: readonly string[]) {
  if (territoryCodes.length === 0) return [];
  const rows = await db
    .select({ ...seriesColumns, alarm: seriesAlarmStates })
    .from(districtSeries)
    .innerJoin(seriesAlarmStates, eq(seriesAlarmStates.seriesId, districtSeries.id))
    .where(inArray(districtSeries.territoryCode, [...territoryCodes]))
    .orderBy(desc(seriesAlarmStates.isInAlarm), asc(districtSeries.titleEn));
  return rows.map((row) => ({ series: toSeries(row), alarm: row.alarm }));
}
