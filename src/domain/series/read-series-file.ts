import { applyImportProfile, type ImportProfileMapping } from "./apply-import-profile.ts";
import { parseJsonStat } from "./parse-json-stat.ts";
import { isSdmxCsv, parseSdmxCsv } from "./parse-sdmx-csv.ts";
import type { SeriesParseResult } from "./parsed-series.ts";

/**
 * Reads a district-series file: through the import profile when one is given, else JSON-stat (a
 * JSON object) or SDMX-CSV (first column DATAFLOW) natively; any other file needs a profile.
 */
export function readSeriesFile(text: string, mapping?: ImportProfileMapping): SeriesParseResult {
  if (mapping) return applyImportProfile(text, mapping);
  const start = (text.startsWith("\uFEFF") ? text.slice(1) : text).trimStart();
  if (start.startsWith("{")) return parseJsonStat(text);
  if (isSdmxCsv(text)) return parseSdmxCsv(text);
  return {
    status: "rejected",
    format: null,
    problems: [
      {
        row: null,
        column: null,
        message:
          "The file is neither JSON-stat 2.0 nor SDMX-CSV (first column DATAFLOW): choose an import profile that maps its columns.",
      },
    ],
  };
}
