import type { SeriesImportReport } from "../../../contracts/district-series.ts";
import type { DistrictAlarmEntered } from "../../../domain/early-warning/alert-level-change.ts";
import { computeSeriesKey } from "../../../domain/series/compute-series-key.ts";
import { computePeriodStartOn } from "../../../domain/series/normalise-period.ts";
import type { ParsedSeries, SeriesFileFormat } from "../../../domain/series/parsed-series.ts";
import { planObservationChanges } from "../../../domain/series/plan-observation-changes.ts";
import { titleSeries } from "../../../domain/series/title-series.ts";
import type { Database } from "../../db/client.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { RequestMeta } from "../auth/principal.ts";
import { recordDistrictAlarmNotifications } from "../notifications/notify-district-alarms.ts";
import {
  findExistingTerritoryCodes,
  findImportByHash,
  findObservations,
  findSeriesByKeys,
  insertImport,
  insertRevisions,
  insertSeries,
  type ObservationRow,
  type SeriesRecord,
  upsertObservations,
} from "./district-series.repo.ts";
import { evaluateSeriesAlarms } from "./evaluate-series-alarms.ts";
import { readSeriesUpload, type SeriesUpload } from "./read-series-upload.ts";

export type SeriesImportActor = { userId: string | null; email: string | null; meta: RequestMeta };

export type SeriesImportResult = {
  report: SeriesImportReport;
  /** Series linked to a district that entered alarm with this import; the caller sends notifications. */
  alarmsEntered: DistrictAlarmEntered[];
};

type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

async function ensureSeries(tx: Transaction, parsed: readonly ParsedSeries[], at: Date) {
  const keys = parsed.map((series) => computeSeriesKey(series));
  const existing = new Map((await findSeriesByKeys(tx, keys)).map((series) => [series.seriesKey, series]));
  const territories = await findExistingTerritoryCodes(tx, [
    ...new Set(parsed.flatMap((series) => (series.territory ? [series.territory] : []))),
  ]);
  const missing = parsed.flatMap((series, index) => {
    const seriesKey = keys[index] ?? "";
    if (existing.has(seriesKey)) return [];
    return [
      {
        seriesKey,
        source: series.source,
        dataset: series.dataset,
        dimensions: series.dimensions,
        indicator: series.indicator,
        territoryCode: series.territory && territories.has(series.territory) ? series.territory : null,
        unit: series.unit,
        frequency: series.frequency,
        titleIt: titleSeries(series).it,
        titleEn: titleSeries(series).en,
      },
    ];
  });
  for (const created of await insertSeries(tx, missing, at)) existing.set(created.seriesKey, created);
  return keys.map((key) => existing.get(key) as SeriesRecord);
}

/** Stores parsed series in the caller's transaction: new periods inserted, changed values revised. */
async function storeSeries(
  tx: Transaction,
  file: { fileName: string; format: SeriesFileFormat; contentHash: string; profileName: string | null },
  parsed: readonly ParsedSeries[],
  actor: SeriesImportActor,
  at: Date,
) {
  const records = await ensureSeries(tx, parsed, at);
  const current = await findObservations(
    tx,
    records.map((record) => record.id),
  );
  const currentBySeries = new Map<string, ObservationRow[]>();
  for (const observation of current) {
    const list = currentBySeries.get(observation.seriesId);
    if (list) list.push(observation);
    else currentBySeries.set(observation.seriesId, [observation]);
  }
  const upserts: ObservationRow[] = [];
  const revisions: Parameters<typeof insertRevisions>[1] = [];
  const affected: SeriesRecord[] = [];
  let unchanged = 0;
  parsed.forEach((series, index) => {
    const record = records[index] as SeriesRecord;
    const changes = planObservationChanges(currentBySeries.get(record.id) ?? [], series.observations);
    unchanged += changes.unchangedCount;
    if (changes.inserted.length + changes.revised.length > 0) affected.push(record);
    for (const observation of [...changes.inserted, ...changes.revised.map((revision) => revision.next)]) {
      upserts.push({
        seriesId: record.id,
        periodStartOn: computePeriodStartOn(observation.period),
        ...observation,
      });
    }
    for (const { previous } of changes.revised) revisions.push({ seriesId: record.id, ...previous });
  });
  const inserted = upserts.length - revisions.length;
  const releaseDates = parsed.flatMap((series) =>
    series.observations.map((observation) => observation.releasedOn ?? ""),
  );
  const importId = await insertImport(tx, {
    fileName: file.fileName,
    contentHash: file.contentHash,
    format: file.format,
    profileName: file.profileName,
    source: [...new Set(parsed.map((series) => series.source))].join(", "),
    releasedOn: releaseDates.filter(Boolean).sort().at(-1) ?? null,
    seriesCount: parsed.length,
    insertedCount: inserted,
    revisedCount: revisions.length,
    unchangedCount: unchanged,
    importedByUserId: actor.userId,
    importedAt: at,
  });
  // History first: a revision records the import that brought the value it replaces.
  await insertRevisions(tx, revisions, importId, at);
  await upsertObservations(tx, upserts, importId, at);
  await insertAuditEvent(tx, {
    occurredAt: at,
    action: "series.imported",
    actorUserId: actor.userId ?? undefined,
    actorEmail: actor.email ?? undefined,
    details: {
      fileName: file.fileName,
      format: file.format,
      profileName: file.profileName,
      series: parsed.length,
      inserted,
      revised: revisions.length,
      unchanged,
    },
    ipAddress: actor.meta.ipAddress,
    requestId: actor.meta.requestId,
  });
  const alarmsEntered = await evaluateSeriesAlarms(tx, affected, at);
  return { inserted, revised: revisions.length, unchanged, alarmsEntered };
}

/**
 * Imports one file of district series, all or nothing: JSON-stat and SDMX-CSV natively, other CSV
 * through a saved import profile. New periods are inserted, changed values replace the current ones
 * (the old kept as revisions), and the alarm state of every changed series is re-evaluated (§5).
 * The same file with the same profile again changes nothing.
 */
export async function importSeriesFile(
  deps: { db: Database; clock: () => Date },
  upload: SeriesUpload,
  actor: SeriesImportActor,
): Promise<SeriesImportResult> {
  const { parsed, contentHash, profileName } = await readSeriesUpload(deps.db, upload);
  if (parsed.status === "rejected") {
    const [first] = parsed.problems;
    const where = [
      first?.row ? `line ${first.row}` : undefined,
      first?.column ? `column "${first.column}"` : undefined,
    ].filter(Boolean);
    return {
      alarmsEntered: [],
      report: {
        fileName: upload.fileName,
        outcome: "rejected",
        format: parsed.format,
        reason: `${where.length > 0 ? `${where.join(", ")}: ` : ""}${first?.message ?? "The file cannot be read."}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more problems)` : ""}`,
        problems: parsed.problems,
      },
    };
  }
  const observationCount = parsed.series.reduce((total, series) => total + series.observations.length, 0);
  const unchangedReport = {
    alarmsEntered: [],
    report: {
      fileName: upload.fileName,
      outcome: "unchanged" as const,
      format: parsed.format,
      series: parsed.series.length,
      inserted: 0,
      revised: 0,
      unchanged: observationCount,
      alarmsEntered: 0,
    },
  };
  if (await findImportByHash(deps.db, contentHash, profileName)) return unchangedReport;
  const at = deps.clock();
  const stored = await deps.db.transaction((tx) =>
    storeSeries(
      tx,
      { fileName: upload.fileName, format: parsed.format, contentHash, profileName },
      parsed.series,
      actor,
      at,
    ),
  );
  // Followers of the districts hear of it: notifications are stored here, emailed by the server.
  await recordDistrictAlarmNotifications(deps, stored.alarmsEntered);
  return {
    alarmsEntered: stored.alarmsEntered,
    report: {
      fileName: upload.fileName,
      outcome: stored.inserted + stored.revised > 0 ? "imported" : "unchanged",
      format: parsed.format,
      series: parsed.series.length,
      inserted: stored.inserted,
      revised: stored.revised,
      unchanged: stored.unchanged,
      alarmsEntered: stored.alarmsEntered.length,
    },
  };
}
