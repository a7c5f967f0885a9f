import type { Database } from "../../db/client.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";
import { type FileImportReport, prepareXbrlFile, storePreparedFiling } from "./import-xbrl-file.ts";

export type BatchImportReport = {
  files: FileImportReport[];
  counts: { imported: number; unchanged: number; rejected: number };
};

type FileInput = { fileName: string; bytes: Uint8Array };

/**
 * Imports many filings: each file is still all or nothing (its own savepoint), but files share a
 * transaction per group and the companies touched are scored once per group, which saves most of
 * the round trips of importing one by one. A bad file is reported and the batch goes on; scores
 * are stored before the function returns.
 */
export async function importXbrlFiles(
  deps: { db: Database; clock: () => Date },
  files: AsyncIterable<FileInput> | Iterable<FileInput>,
  onFileDone: (report: FileImportReport) => void = () => {},
  options: { filesPerTransaction?: number } = {},
): Promise<BatchImportReport> {
  const groupSize = options.filesPerTransaction ?? 50;
  const reports: FileImportReport[] = [];
  let group: FileInput[] = [];
  const flush = async () => {
    if (group.length === 0) return;
    const prepared = await Promise.all(group.map((file) => prepareXbrlFile(file)));
    group = [];
    const now = deps.clock();
    const groupReports = await deps.db.transaction(async (tx) => {
      const stored: FileImportReport[] = [];
      for (const filing of prepared) {
        if ("outcome" in filing) {
          stored.push(filing);
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
    const touched = [
      ...new Set(
        groupReports.flatMap((report) => (report.outcome === "imported" ? [report.company.id] : [])),
      ),
    ];
    if (touched.length > 0) await scoreCompanies(deps, touched);
    for (const report of groupReports) {
      reports.push(report);
      onFileDone(report);
    }
  };
  for await (const file of files) {
    group.push(file);
    if (group.length >= groupSize) await flush();
  }
  await flush();
  const counts = { imported: 0, unchanged: 0, rejected: 0 };
  for (const report of reports) counts[report.outcome] += 1;
  return { files: reports, counts };
}
