import { generateDemoSeries } from "../../../domain/demo/generate-demo-series.ts";
import { demoShock } from "../../../domain/demo/trajectories.ts";
import { formatSdmxCsv } from "../../../domain/series/format-sdmx-csv.ts";
import type { Database } from "../../db/client.ts";
import { importSeriesFile, type SeriesImportResult } from "./import-series-file.ts";

/**
 * The demo's district series, from the year before its first statement year to its last, with the
 * Prato shock in the same year as its companies'. Written as SDMX-CSV files (one per dataset) and
 * loaded through the import use case, as a user's files would be.
 */
export async function loadDemoSeries(
  deps: { db: Database; clock: () => Date },
  options: {
    seed: number;
    firstStatementYear: number;
    statementYears: number;
    districtIds: readonly string[];
  },
): Promise<SeriesImportResult[]> {
  const lastYear = options.firstStatementYear + options.statementYears - 1;
  const series = generateDemoSeries({
    seed: options.seed,
    firstYear: options.firstStatementYear - 1,
    lastYear,
    shockYear: options.firstStatementYear + demoShock.yearIndex,
    districtIds: options.districtIds,
    releasedOn: `${lastYear + 1}-03-31`,
  });
  const results: SeriesImportResult[] = [];
  for (const dataset of [...new Set(series.map((item) => item.dataset))]) {
    const text = formatSdmxCsv(series.filter((item) => item.dataset === dataset));
    results.push(
      await importSeriesFile(
        deps,
        { fileName: `${dataset.toLowerCase()}-demo.csv`, bytes: new TextEncoder().encode(text) },
        { userId: null, email: "demo-loader", meta: { ipAddress: undefined, requestId: undefined } },
      ),
    );
  }
  return results;
}
