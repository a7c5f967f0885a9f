import fs from "node:fs";
import path from "node:path";
import type { ImportScoringBody, SpreadsheetImportReportBody } from "../../contracts/imports.ts";
import type { JobRunState } from "../../contracts/jobs.ts";
import { parseEnv } from "../../server/config/env.ts";
import { importXbrlFiles } from "../../server/features/imports/import-xbrl-files.ts";
import { readZipSafely, ZipRejectedError } from "../../server/features/imports/read-zip-safely.ts";
import { importStatementSpreadsheet } from "../../server/features/imports/spreadsheet/import-statement-spreadsheet.ts";
import {
  type CommandContext,
  DataDirLockedError,
  withDatabase,
} from "../../server/features/system/with-database.ts";
import { type Command, UsageError } from "../command.ts";
import { createProgressBar } from "../progress.ts";
import { sendFilesToServer, sendSpreadsheetsToServer } from "../send-to-server.ts";
import { importSeriesFiles } from "./import-series.ts";

const xbrlExtensions = new Set([".xbrl", ".xml"]);
const isXbrlName = (name: string) => xbrlExtensions.has(path.extname(name).toLowerCase());

type Source = { fileName: string; bytes: Uint8Array } | { fileName: string; reason: string };

/** Reads the files; a .zip archive is opened in memory (unsafe names and bombs refused). */
function readSources(files: string[]): Source[] {
  return files.flatMap((file): Source[] => {
    const bytes = new Uint8Array(fs.readFileSync(file));
    const fileName = path.basename(file);
    if (path.extname(file).toLowerCase() !== ".zip") return [{ fileName, bytes }];
    try {
      const { entries, refused } = readZipSafely(bytes, isXbrlName);
      return [
        ...entries.map((entry) => ({ fileName: `${fileName}/${entry.fileName}`, bytes: entry.bytes })),
        ...refused.map((entry) => ({ fileName: `${fileName}/${entry.fileName}`, reason: entry.reason })),
      ];
    } catch (error) {
      if (error instanceof ZipRejectedError) return [{ fileName, reason: error.message }];
      throw error;
    }
  });
}

/** The files named, and the XBRL files inside the folders named (not following links out). */
function listFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const given of paths) {
    const stat = fs.statSync(given, { throwIfNoEntry: false });
    if (!stat) throw new UsageError(`No such file or folder: ${given}`);
    if (stat.isFile()) files.push(given);
    else if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(given, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && (isXbrlName(entry.name) || path.extname(entry.name).toLowerCase() === ".zip")) {
          files.push(path.join(entry.parentPath, entry.name));
        }
      }
    }
  }
  return files.sort();
}

type WithScoring<Report> = Report extends unknown
  ? Omit<Report, "scoringJobRunId"> & { scoring?: ImportScoringBody }
  : never;

/**
 * Waits for the scoring runs the import queued (this process's worker or a server's takes them), so
 * the command returns once the scores are stored; each report then names its run and how it ended.
 */
async function waitForScoring<Report extends { outcome: string; scoringJobRunId?: string }>(
  context: CommandContext,
  reports: Report[],
): Promise<WithScoring<Report>[]> {
  const jobRunIds = [...new Set(reports.flatMap((report) => report.scoringJobRunId ?? []))];
  const states = new Map<string, JobRunState>();
  if (context.jobs && jobRunIds.length > 0) {
    const bar = createProgressBar("Scoring", jobRunIds.length);
    for (const jobRunId of jobRunIds) {
      states.set(jobRunId, (await context.jobs.waitForJobRun(jobRunId)).state as JobRunState);
      bar.advance();
    }
    bar.finish();
  }
  return reports.map(({ scoringJobRunId, ...report }) => {
    if (!scoringJobRunId) return report as WithScoring<Report>;
    const scoring = { jobRunId: scoringJobRunId, state: states.get(scoringJobRunId) ?? "queued" };
    return { ...report, scoring } as WithScoring<Report>;
  });
}

/** Says which files' scoring failed: their statements are stored; an administrator can rescore. */
function reportFailedScoring(
  reports: readonly { fileName: string; scoring?: ImportScoringBody }[],
  io: Parameters<Command["run"]>[2],
): boolean {
  const failed = reports.filter((report) => report.scoring?.state === "failed");
  for (const report of failed) {
    io.err(
      `${report.fileName}: stored, but scoring failed (job run ${report.scoring?.jobRunId}); see Administration › Background work.`,
    );
  }
  return failed.length > 0;
}

/** `sector import statements`: CSV or XLSX files of the statements template, each all or nothing. */
async function importSpreadsheets(
  files: string[],
  isJson: boolean,
  io: Parameters<Command["run"]>[2],
): Promise<number> {
  for (const file of files) {
    if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile())
      throw new UsageError(`No such file: ${file}`);
  }
  const env = parseEnv(io.env, io.cwd);
  const bar = createProgressBar("Import", files.length);
  const inputs = files.map((file) => ({
    fileName: path.basename(file),
    bytes: new Uint8Array(fs.readFileSync(file)),
  }));
  const reports: SpreadsheetImportReportBody[] = await withDatabase(
    env,
    "sector import",
    async (context) => {
      const done = [];
      for (const input of inputs) {
        done.push(await importStatementSpreadsheet(context, input));
        bar.advance();
      }
      bar.finish();
      return waitForScoring(context, done);
    },
    { hasJobQueue: true },
  ).catch(async (error: unknown) => {
    // A server holds the embedded database: send it the files through its API instead.
    if (!(error instanceof DataDirLockedError) || !error.serverUrl) throw error;
    const apiToken = io.env.SECTOR_API_TOKEN;
    if (!apiToken) {
      throw new UsageError(
        `${error.message}\nOr set SECTOR_API_TOKEN and the files go to the server at ${error.serverUrl}.`,
      );
    }
    io.err(`A server holds the database; sending the files to ${error.serverUrl}.`);
    return sendSpreadsheetsToServer(error.serverUrl, apiToken, inputs, () => bar.advance());
  });
  bar.finish();
  if (isJson) io.out(JSON.stringify(reports, null, 2));
  else {
    for (const report of reports) {
      if (report.outcome === "rejected") {
        io.out(`✗ ${report.fileName}: rejected — nothing written`);
        for (const problem of report.problems) io.out(`    ${problem.message}`);
      } else io.out(`✓ ${report.fileName}: ${report.outcome}, ${report.rows.length} company-years`);
    }
  }
  const hasFailedScoring = reportFailedScoring(reports, io);
  return hasFailedScoring || reports.some((report) => report.outcome === "rejected") ? 1 : 0;
}

export const importCommand: Command = {
  name: "import",
  summary: "Import financial statements (XBRL filings, spreadsheets) or district series from files",
  usage: "sector import xbrl|statements|series <file or folder>… [--profile <name>] [--json]",
  help: [
    "xbrl: itcc-ci XBRL filings (.xbrl, .xml, or .zip archives of them).",
    "statements: CSV or XLSX files of the statements template (download it from the app or",
    "  GET /api/statement-template?locale=it|en&format=csv|xlsx), one row per company-year.",
    "Each file is imported whole or not at all; a bad file is reported and the others go on.",
    "The command returns once the scores of what it imported are stored: the background queue scores",
    "them, with a worker in this process (or a server's, on the same PostgreSQL database).",
    "Importing the same file again changes nothing. Folders are searched for .xbrl, .xml and .zip files;",
    "archives are read in memory, refusing unsafe entry names and anything unpacking beyond 200 MB.",
    "Uses DATABASE_URL, else the embedded database in $SECTOR_DATA_DIR; when a server holds that",
    "database, the files are sent to it through its API with the token in SECTOR_API_TOKEN.",
    "series: district series (official statistics): JSON-stat 2.0 and SDMX-CSV files are read as they",
    "  are; other CSV files need --profile, the name of a saved import profile (made in the app).",
    "",
    "Options:",
    "  --profile <name>   (series) The import profile mapping the CSV columns",
    "  --json             Print the report as JSON",
  ],
  options: { json: { type: "boolean" }, profile: { type: "string" } },
  allowPositionals: true,
  async run(values, positionals, io) {
    const [kind, ...paths] = positionals;
    if (kind !== "xbrl" && kind !== "statements" && kind !== "series") {
      throw new UsageError(
        kind
          ? `Unknown import kind "${kind}": use xbrl, statements or series.`
          : "Say what to import: xbrl, statements or series.",
      );
    }
    if (paths.length === 0) throw new UsageError("Name at least one file or folder.");
    if (kind === "series")
      return importSeriesFiles(
        paths.map((given) => path.resolve(io.cwd, given)),
        {
          profileName: typeof values.profile === "string" ? values.profile : undefined,
          isJson: values.json === true,
        },
        io,
      );
    if (values.profile !== undefined) throw new UsageError("--profile applies to series imports only.");
    if (kind === "statements")
      return importSpreadsheets(
        paths.map((given) => path.resolve(io.cwd, given)),
        values.json === true,
        io,
      );
    const files = listFiles(paths.map((given) => path.resolve(io.cwd, given)));
    if (files.length === 0) throw new UsageError("No .xbrl, .xml or .zip file found there.");
    const env = parseEnv(io.env, io.cwd);
    const sources = readSources(files);
    const readable = sources.filter(
      (source): source is { fileName: string; bytes: Uint8Array } => "bytes" in source,
    );
    const bar = createProgressBar("Import", readable.length);
    const imported = await withDatabase(
      env,
      "sector import",
      async (context) => {
        const { files: reports, counts } = await importXbrlFiles(context, readable, () => bar.advance());
        bar.finish();
        return { files: await waitForScoring(context, reports), counts };
      },
      { hasJobQueue: true },
    ).catch(async (error: unknown) => {
      // A server holds the embedded database: send it the work through its API instead.
      if (!(error instanceof DataDirLockedError) || !error.serverUrl) throw error;
      const apiToken = io.env.SECTOR_API_TOKEN;
      if (!apiToken) {
        throw new UsageError(
          `${error.message}\nOr set SECTOR_API_TOKEN to an administrator's or analyst's API token (\`sector users token\`, or My account) and the files go to the server at ${error.serverUrl}.`,
        );
      }
      io.err(`A server holds the database; sending the files to ${error.serverUrl}.`);
      return sendFilesToServer(error.serverUrl, apiToken, readable, () => bar.advance());
    });
    bar.finish();
    const unreadable = sources.flatMap((source) =>
      "reason" in source
        ? [{ fileName: source.fileName, outcome: "rejected" as const, reason: source.reason }]
        : [],
    );
    const report = {
      files: [...imported.files, ...unreadable],
      counts: { ...imported.counts, rejected: imported.counts.rejected + unreadable.length },
    };
    if (values.json) {
      io.out(JSON.stringify(report, null, 2));
    } else {
      for (const file of report.files) {
        if (file.outcome === "rejected") io.out(`✗ ${file.fileName}: rejected — ${file.reason}`);
        else {
          const periods = file.periods.map(
            (period) =>
              `${period.periodEndOn}${period.isOwnPeriod ? "" : " (comparative)"} ${period.outcome}`,
          );
          io.out(
            `✓ ${file.fileName}: ${file.company.name} (${file.company.taxCode}${file.company.isNew ? ", new" : ""}) — ${periods.join(", ")}`,
          );
        }
      }
      io.out(
        `${report.counts.imported} imported, ${report.counts.unchanged} unchanged, ${report.counts.rejected} rejected.`,
      );
    }
    const hasFailedScoring = reportFailedScoring(report.files, io);
    return hasFailedScoring || report.counts.rejected > 0 ? 1 : 0;
  },
};
