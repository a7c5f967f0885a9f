import {
  type FileImportReport,
  type PreparedFiling,
  prepareXbrlFile,
  storePreparedFiling,
} from "./import-xbrl-file.ts";
import { type ImportDeps, requestScoring } from "./request-scoring.ts";
import { storePreparedFilings } from "./store-prepared-filings.ts";

export type BatchImportReport = {
  files: FileImportReport[];
  counts: { imported: number; unchanged: number; rejected: number };
  /** The job runs scoring what was imported, one per group; empty when scored with the import. */
  scoringJobRunIds: string[];
};

type FileInput = { fileName: string; bytes: Uint8Array };
type Deps = ImportDeps;
type Prepared = Awaited<ReturnType<typeof prepareXbrlFile>>;

const yieldToEventLoop = () => new Promise((resolve) => setImmediate(resolve));

/** Parses a group's files one at a time, letting the database work of the previous group go on in between. */
async function prepareGroup(group: readonly FileInput[]): Promise<Prepared[]> {
  const prepared: Prepared[] = [];
  for (const file of group) {
    prepared.push(await prepareXbrlFile(file));
    await yieldToEventLoop();
  }
  return prepared;
}

/** Stores a prepared group in one transaction: together when it can, else a savepoint per file. */
async function storeGroup(deps: Deps, prepared: readonly Prepared[]): Promise<FileImportReport[]> {
  const now = deps.clock();
  return deps.db.transaction(async (tx) => {
    const storable = prepared.filter((filing): filing is PreparedFiling => !("outcome" in filing));
    // Optimistic: the whole group in a few statements (one savepoint). If that fails, the savepoint is
    // rolled back and the files are stored one by one, so that only a bad file is rejected.
    const together =
      storable.length > 1
        ? await tx
            .transaction((savepoint) => storePreparedFilings(savepoint, storable, now))
            .catch(() => undefined)
        : undefined;
    const stored: FileImportReport[] = [];
    for (const filing of prepared) {
      if ("outcome" in filing) {
        stored.push(filing);
        continue;
      }
      const report = together?.[storable.indexOf(filing)];
      if (report) {
        stored.push(report);
        continue;
      }
      // A savepoint per file: a failure undoes that file only.
      stored.push(
        await tx
          .transaction((savepoint) => storePreparedFiling(savepoint, filing, now))
          .catch(
            (error: Error): FileImportReport => ({
              fileName: filing.fileName,
              outcome: "rejected",
              reason: error.message,
            }),
          ),
      );
    }
    return stored;
  });
}

/**
 * Imports many filings: each file is still all or nothing, but files share a transaction per group,
 * are stored together in a few set-based statements (falling back to a savepoint per file when the
 * group fails), and the companies touched are scored once per group, after its commit: a job run
 * per group with a queue (waiting for them is the caller's), else at once. The next group is parsed
 * while the database stores and scores the previous one. A bad file is reported and the batch goes on.
 */
export async function importXbrlFiles(
  deps: Deps,
  files: AsyncIterable<FileInput> | Iterable<FileInput>,
  onFileDone: (report: FileImportReport) => void = () => {},
  options: { filesPerTransaction?: number } = {},
): Promise<BatchImportReport> {
  const groupSize = options.filesPerTransaction ?? 50;
  const reports: FileImportReport[] = [];
  const scoringJobRunIds: string[] = [];
  const storeAndScore = async (prepared: readonly Prepared[]) => {
    const groupReports = await storeGroup(deps, prepared);
    const imported = groupReports.filter(
      (report): report is Exclude<FileImportReport, { outcome: "rejected" }> => report.outcome === "imported",
    );
    const scoringJobRunId = await requestScoring(
      deps,
      imported.map((report) => report.company.id),
      describeGroup(imported.map((report) => report.fileName)),
    );
    if (scoringJobRunId) scoringJobRunIds.push(scoringJobRunId);
    for (const report of groupReports) {
      const reported =
        scoringJobRunId && report.outcome === "imported" ? { ...report, scoringJobRunId } : report;
      reports.push(reported);
      onFileDone(reported);
    }
  };
  // The group being stored; its failure is kept and thrown when the next group waits for it.
  let storing: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const waitForStoring = async () => {
    await storing;
    if (failure) throw failure.error;
  };
  let group: FileInput[] = [];
  const flush = async () => {
    if (group.length === 0) return;
    const prepared = await prepareGroup(group);
    group = [];
    await waitForStoring();
    storing = storeAndScore(prepared).catch((error: unknown) => {
      failure = { error };
    });
  };
  for await (const file of files) {
    group.push(file);
    if (group.length >= groupSize) await flush();
  }
  await flush();
  await waitForStoring();
  const counts = { imported: 0, unchanged: 0, rejected: 0 };
  for (const report of reports) counts[report.outcome] += 1;
  return { files: reports, counts, scoringJobRunIds };
}

function describeGroup(fileNames: readonly string[]): string {
  const [first] = fileNames;
  if (fileNames.length <= 1) return `import of ${first ?? "no file"}`;
  return `import of ${first} and ${fileNames.length - 1} more files`;
}
