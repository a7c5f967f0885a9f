import type { SeriesPreview } from "../../../contracts/district-series.ts";
import type { ImportProfileMapping } from "../../../domain/series/apply-import-profile.ts";
import { computeSeriesKey } from "../../../domain/series/compute-series-key.ts";
import type { Database } from "../../db/client.ts";
import { findImportByHash } from "./district-series.repo.ts";
import { readSeriesUpload, type SeriesUpload } from "./read-series-upload.ts";

const previewSeries = 20;
const previewObservations = 5;

/**
 * Reads a district-series file without writing anything: the format found, the series and their
 * first observations, or every problem with its line and column; and whether it was imported before.
 */
export async function previewSeriesFile(
  deps: { db: Database },
  upload: SeriesUpload,
  unsavedMapping?: ImportProfileMapping,
): Promise<SeriesPreview> {
  const { parsed, contentHash, profileName } = await readSeriesUpload(deps.db, upload, unsavedMapping);
  const isAlreadyImported = (await findImportByHash(deps.db, contentHash, profileName)) !== undefined;
  if (parsed.status === "rejected") {
    return {
      fileName: upload.fileName,
      format: parsed.format,
      outcome: "rejected",
      isAlreadyImported,
      seriesCount: 0,
      observationCount: 0,
      series: [],
      problems: parsed.problems,
    };
  }
  return {
    fileName: upload.fileName,
    format: parsed.format,
    outcome: "ready",
    isAlreadyImported,
    seriesCount: parsed.series.length,
    observationCount: parsed.series.reduce((total, series) => total + series.observations.length, 0),
    series: parsed.series.slice(0, previewSeries).map((series) => ({
      key: computeSeriesKey(series),
      title: series.title,
      unit: series.unit,
      frequency: series.frequency,
      territory: series.territory,
      observationCount: series.observations.length,
      firstObservations: series.observations.slice(0, previewObservations),
    })),
    problems: [],
  };
}
