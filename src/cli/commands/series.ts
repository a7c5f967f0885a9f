import { type SeriesExport, SeriesExportSchema } from "../../contracts/district-series.ts";
import { formatCsv } from "../../domain/shared/format-csv.ts";
import { parseEnv } from "../../server/config/env.ts";
import { exportDistrictSeries } from "../../server/features/district-series/export-district-series.ts";
import { DataDirLockedError, withDatabase } from "../../server/features/system/with-database.ts";
import { AppError } from "../../server/http/errors.ts";
import { type Command, UsageError } from "../command.ts";

async function fetchExport(serverUrl: string, apiToken: string): Promise<SeriesExport> {
  const response = await fetch(`${serverUrl}/api/district-series/export`, {
    headers: { Authorization: `Bearer ${apiToken}` },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      (body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${response.status}`;
    throw new AppError(
      response.status === 401 ? "unauthenticated" : "forbidden",
      `The server at ${serverUrl} refused: ${message}`,
    );
  }
  return SeriesExportSchema.parse(body);
}

/** One CSV line per observation: the series key, its unit and frequency, then the observation. */
export function formatSeriesExportCsv(exported: SeriesExport): string {
  return formatCsv([
    ["series_key", "unit", "frequency", "period", "value", "status_flag", "released_on"],
    ...exported.series.flatMap((series) =>
      series.observations.map((observation) => [
        series.key,
        series.unit,
        series.frequency,
        observation.period,
        observation.value,
        observation.statusFlag,
        observation.releasedOn,
      ]),
    ),
  ]);
}

export const seriesCommand: Command = {
  name: "series",
  summary: "Export the district series (official statistics) with their keys and observations",
  usage: "sector series export [--json]",
  help: [
    "export: every series with its key (source, dataset and every dimension) and its observations in",
    "  force: CSV (one line per observation) on standard output, or JSON with --json.",
    "Import series with `sector import series <files…> [--profile <name>]`.",
    "When a server holds the embedded database, the export is read from its API with the token in",
    "SECTOR_API_TOKEN.",
    "",
    "Options:",
    "  --json   Print JSON: { exportedAt, series: [{ key, dimensions, unit, frequency, observations }] }",
  ],
  options: { json: { type: "boolean" } },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [action] = positionals;
    if (action !== "export")
      throw new UsageError(action ? `Unknown action "${action}": use export.` : "Say what to do: export.");
    const env = parseEnv(io.env, io.cwd);
    const exported = await withDatabase(env, "sector series export", (context) =>
      exportDistrictSeries(context),
    ).catch(async (error: unknown) => {
      if (!(error instanceof DataDirLockedError) || !error.serverUrl) throw error;
      const apiToken = io.env.SECTOR_API_TOKEN;
      if (!apiToken) {
        throw new UsageError(
          `${error.message}\nOr set SECTOR_API_TOKEN and the export is read from ${error.serverUrl}.`,
        );
      }
      return fetchExport(error.serverUrl, apiToken);
    });
    if (values.json) io.out(JSON.stringify(exported, null, 2));
    // formatCsv ends lines with CRLF (RFC 4180); a terminal expects LF.
    else io.out(formatSeriesExportCsv(exported).replaceAll("\r\n", "\n").trimEnd());
    return 0;
  },
};
