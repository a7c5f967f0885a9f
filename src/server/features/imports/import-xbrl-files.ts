import type { Database } from "../../db/client.ts";
import { type FileImportReport, importXbrlFile } from "./import-xbrl-file.ts";

export type BatchImportReport = {
  files: FileImportReport[];
  counts: { imported: number; unchanged: number; rejected: number };
};

/** Imports many filings one by one; a bad file is reported and the batch goes on. */
export async function importXbrlFiles(
  deps: { db: Database; clock: () => Date },
  files:
    | AsyncIterable<{ fileName: string; bytes: Uint8Array }>
    | Iterable<{ fileName: string; bytes: Uint8Array }>,
  onFileDone: (report: FileImportReport) => void = () => {},
): Promise<BatchImportReport> {
  const reports: FileImportReport[] = [];
  for await (const file of files) {
    const report = await importXbrlFile(deps, file);
    reports.push(report);
    onFileDone(report);
  }
  const counts = { imported: 0, unchanged: 0, rejected: 0 };
  for (const report of reports) counts[report.outcome] += 1;
  return { files: reports, counts };
}
