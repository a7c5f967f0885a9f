import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  districtSeries,
  seriesAlarmStates,
  seriesImports,
  seriesObservationRevisions,
  seriesObservations,
  territories,
} from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update" | "execute">;

const chunkSize = 500;
async function inChunks<Row>(rows: readonly Row[], write: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += chunkSize)
    await write(rows.slice(start, start + chunkSize));
}
const excluded = (column: string) => sql.raw(`excluded."${column}"`);

export type SeriesRecord = {
  id: string;
  seriesKey: string;
  source: string;
  dataset: string;
  dimensions: Record<string, string>;
  indicator: string;
  territoryCode: string | null;
  unit: string;
  frequency: string;
  titleIt: string;
  titleEn: string;
};

export type ObservationRow = {
  seriesId: string;
  period: string;
  periodStartOn: string;
  value: number | null;
  statusFlag: string | null;
  releasedOn: string | null;
};

export type AlarmStateRecord = {
  seriesId: string;
  isInAlarm: boolean;
  latestPeriod: string | null;
  reasons: unknown;
  ruleSetVersion: string;
  evaluatedAt: Date;
};

export const seriesColumns = {
  id: districtSeries.id,
  seriesKey: districtSeries.seriesKey,
  source: districtSeries.source,
  dataset: districtSeries.dataset,
  dimensions: districtSeries.dimensions,
  indicator: districtSeries.indicator,
  territoryCode: districtSeries.territoryCode,
  unit: districtSeries.unit,
  frequency: districtSeries.frequency,
  titleIt: districtSeries.titleIt,
  titleEn: districtSeries.titleEn,
};
export const toSeries = (row: { dimensions: unknown } & Omit<SeriesRecord, "dimensions">): SeriesRecord => ({
  ...row,
  dimensions: row.dimensions as Record<string, string>,
});

export async function findImportByHash(db: Executor, contentHash: string, profileName: string | null) {
  const rows = await db
    .select({ id: seriesImports.id })
    .from(seriesImports)
    .where(
      and(
        eq(seriesImports.contentHash, contentHash),
        profileName === null ? isNull(seriesImports.profileName) : eq(seriesImports.profileName, profileName),
      ),
    )
    .limit(1);
  return rows[0];
}

export async function insertImport(
  db: Executor,
  row: Omit<typeof seriesImports.$inferInsert, "id">,
): Promise<string> {
  const rows = await db.insert(seriesImports).values(row).returning({ id: seriesImports.id });
  return rows[0]?.id as string;
}

export async function findExistingTerritoryCodes(
  db: Executor,
  codes: readonly string[],
): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db
    .select({ code: territories.code })
    .from(territories)
    .where(inArray(territories.code, [...codes]));
  return new Set(rows.map((row) => row.code));
}

export async function findSeriesByKeys(db: Executor, keys: readonly string[]): Promise<SeriesRecord[]> {
  const found: SeriesRecord[] = [];
  await inChunks(keys, async (chunk) => {
    const rows = await db
      .select(seriesColumns)
      .from(districtSeries)
      .where(inArray(districtSeries.seriesKey, chunk));
    found.push(...rows.map(toSeries));
  });
  return found;
}

export async function insertSeries(
  db: Executor,
  rows: Omit<SeriesRecord, "id">[],
  at: Date,
): Promise<SeriesRecord[]> {
  const inserted: SeriesRecord[] = [];
  await inChunks(rows, async (chunk) => {
    const result = await db
      .insert(districtSeries)
      .values(chunk.map((row) => ({ ...row, createdAt: at, updatedAt: at })))
      .returning(seriesColumns);
    inserted.push(...result.map(toSeries));
  });
  return inserted;
}

export async function findObservations(
  db: Executor,
  seriesIds: readonly string[],
): Promise<ObservationRow[]> {
  if (seriesIds.length === 0) return [];
  return db
    .select({
      seriesId: seriesObservations.seriesId,
      period: seriesObservations.period,
      periodStartOn: seriesObservations.periodStartOn,
      value: seriesObservations.value,
      statusFlag: seriesObservations.statusFlag,
      releasedOn: seriesObservations.releasedOn,
    })
    .from(seriesObservations)
    .where(inArray(seriesObservations.seriesId, [...seriesIds]))
    .orderBy(asc(seriesObservations.seriesId), asc(seriesObservations.periodStartOn));
}

/** Writes observations in force (new periods and revised values alike), recording the import. */
export async function upsertObservations(db: Executor, rows: ObservationRow[], importId: string, at: Date) {
  await inChunks(rows, (chunk) =>
    db
      .insert(seriesObservations)
      .values(chunk.map((row) => ({ ...row, importId, updatedAt: at })))
      .onConflictDoUpdate({
        target: [seriesObservations.seriesId, seriesObservations.period],
        set: {
          value: excluded("value"),
          statusFlag: excluded("status_flag"),
          releasedOn: excluded("released_on"),
          importId: excluded("import_id"),
          updatedAt: excluded("updated_at"),
        },
      }),
  );
}

/** Moves replaced values to the history; their import is read from the row still in force. */
export async function insertRevisions(
  db: Executor,
  rows: {
    seriesId: string;
    period: string;
    value: number | null;
    statusFlag: string | null;
    releasedOn: string | null;
  }[],
  replacedByImportId: string,
  at: Date,
) {
  await inChunks(rows, async (chunk) => {
    const current = await db
      .select({
        seriesId: seriesObservations.seriesId,
        period: seriesObservations.period,
        importId: seriesObservations.importId,
      })
      .from(seriesObservations)
      .where(
        sql`(${seriesObservations.seriesId}, ${seriesObservations.period}) in (${sql.join(
          chunk.map((row) => sql`(${row.seriesId}::uuid, ${row.period})`),
          sql`, `,
        )})`,
      );
    const importOf = new Map(current.map((row) => [`${row.seriesId}|${row.period}`, row.importId]));
    await db.insert(seriesObservationRevisions).values(
      chunk.map((row) => ({
        ...row,
        importId: importOf.get(`${row.seriesId}|${row.period}`) ?? replacedByImportId,
        replacedAt: at,
        replacedByImportId,
      })),
    );
  });
}

export async function findRevisions(db: Executor, seriesId: string) {
  return db
    .select({
      period: seriesObservationRevisions.period,
      value: seriesObservationRevisions.value,
      statusFlag: seriesObservationRevisions.statusFlag,
      releasedOn: seriesObservationRevisions.releasedOn,
      replacedAt: seriesObservationRevisions.replacedAt,
    })
    .from(seriesObservationRevisions)
    .where(eq(seriesObservationRevisions.seriesId, seriesId))
    .orderBy(desc(seriesObservationRevisions.id));
}

export async function findAlarmStates(
  db: Executor,
  seriesIds: readonly string[],
): Promise<AlarmStateRecord[]> {
  if (seriesIds.length === 0) return [];
  return db
    .select()
    .from(seriesAlarmStates)
    .where(inArray(seriesAlarmStates.seriesId, [...seriesIds]));
}

export async function upsertAlarmStates(db: Executor, rows: AlarmStateRecord[]) {
  await inChunks(rows, (chunk) =>
    db
      .insert(seriesAlarmStates)
      .values(chunk)
      .onConflictDoUpdate({
        target: seriesAlarmStates.seriesId,
        set: {
          isInAlarm: excluded("is_in_alarm"),
          latestPeriod: excluded("latest_period"),
          reasons: excluded("reasons"),
          ruleSetVersion: excluded("rule_set_version"),
          evaluatedAt: excluded("evaluated_at"),
        },
      }),
  );
}

export async function findSeriesById(db: Executor, seriesId: string): Promise<SeriesRecord | undefined> {
  const rows = await db
    .select(seriesColumns)
    .from(districtSeries)
    .where(eq(districtSeries.id, seriesId))
    .limit(1);
  return rows[0] ? toSeries(rows[0]) : undefined;
}

export async function findAllSeries(db: Executor): Promise<SeriesRecord[]> {
  const rows = await db.select(seriesColumns).from(districtSeries).orderBy(asc(districtSeries.seriesKey));
  return rows.map(toSeries);
}
