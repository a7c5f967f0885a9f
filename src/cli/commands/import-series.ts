import fs from "node:fs";
import path from "node:path";
import { type SeriesImportReport, SeriesImportReportSchema } from "../../contracts/district-series.ts";
import { parseEnv } from "../../server/config/env.ts";
import { importSeriesFile } from "../../server/features/district-series/import-series-file.ts";
import { DataDirLockedError, withDatabase } from "../../server/features/system/with-database.ts";
import { AppError } from "../../server/http/errors.ts";
import { type CommandIo, UsageError } from "../command.ts";
import { createProgressBar } from "../progress.ts";

type FileInput = { fileName: string; bytes: Uint8Array };

/** When a server holds the embedded database, each file goes to its API with the token given. */
async function sendSeriesToServer(
  serverUrl: string,
  apiToken: string,
  files: FileInput[],
  profileName: string | undefined,
  onFileDone: () => void,
): Promise<SeriesImportReport[]> {
  const reports: SeriesImportReport[] = [];
  for (const file of files) {
    const response = await fetch(`${serverUrl}/api/district-series/imports`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        fileName: file.fileName,
        contentBase64: Buffer.from(file.bytes).toString("base64"),
        ...(profileName ? { profileName } : {}),
      }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message =
        (body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${response.status}`;
      throw new AppError(
        response.status === 401
          ? "unauthenticated"
          : response.status === 400
            ? "validation_failed"
            : "forbidden",
        `The server at ${serverUrl} refused the import: ${message}`,
      );
    }
    reports.push(SeriesImportReportSchema.parse(body));
    onFileDone();
  }
  return reports;
}

function describeReport(report: SeriesImportReport): string[] {
  if (report.outcome === "rejected") {
    return [
      `✗ ${report.fileName}: rejected — nothing written`,
      ...report.problems.map(
        (problem) =>
          `    ${problem.row !== null ? `line ${problem.row}` : ""}${problem.column ? ` [${problem.column}]` : ""}${problem.row !== null || problem.column ? ": " : ""}${problem.message}`,
      ),
    ];
  }
  return [
    `✓ ${report.fileName}: ${report.outcome} (${report.format}) — ${report.series} series, ${report.inserted} inserted, ${report.revised} revised, ${report.unchanged} unchanged${report.alarmsEntered > 0 ? `, ${report.alarmsEntered} district alarms entered` : ""}`,
  ];
}

/**
 * `sector import series <files…> [--profile <name>]`: JSON-stat and SDMX-CSV natively, other CSV
 * through a saved import profile; each file all or nothing. Exit code 1 when a file is rejected.
 */
export async function importSeriesFiles(
  paths: string[],
  options: { profileName: string | undefined; isJson: boolean },
  io: CommandIo,
): Promise<number> {
  for (const file of paths) {
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile())
      throw new UsageError(`No such file: ${file}`);
  }
  const env = parseEnv(io.env, io.cwd);
  const inputs = paths.map((file) => ({
    fileName: path.basename(file),
    bytes: new Uint8Array(fs.readFileSync(file)),
  }));
  const bar = createProgressBar("Import", inputs.length);
  const actor = {
    userId: null,
    email: "sector import series (command line)",
    meta: { ipAddress: undefined, requestId: undefined },
  };
  const reports = await withDatabase(env, "sector import", async (context) => {
    const done: SeriesImportReport[] = [];
    for (const input of inputs) {
      done.push(
        (await importSeriesFile(context, { ...input, profileName: options.profileName }, actor)).report,
      );
      bar.advance();
    }
    return done;
  }).catch(async (error: unknown) => {
    if (!(error instanceof DataDirLockedError) || !error.serverUrl) throw error;
    const apiToken = io.env.SECTOR_API_TOKEN;
    if (!apiToken) {
      throw new UsageError(
        `${error.message}\nOr set SECTOR_API_TOKEN to an administrator's or analyst's API token and the files go to the server at ${error.serverUrl}.`,
      );
    }
    io.err(`A server holds the database; sending the files to ${error.serverUrl}.`);
    return sendSeriesToServer(error.serverUrl, apiToken, inputs, options.profileName, () => bar.advance());
  });
  bar.finish();
  if (options.isJson) io.out(JSON.stringify(reports, null, 2));
  else {
    for (const report of reports) for (const line of describeReport(report)) io.out(line);
    const outcomes = { imported: 0, unchanged: 0, rejected: 0 };
    for (const report of reports) outcomes[report.outcome] += 1;
    io.out(`${outcomes.imported} imported, ${outcomes.unchanged} unchanged, ${outcomes.rejected} rejected.`);
  }
  return reports.some((report) => report.outcome === "rejected") ? 1 : 0;
}
