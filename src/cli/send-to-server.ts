import { FileImportReportSchema, SpreadsheetImportReportSchema } from "../contracts/imports.ts";
import { AppError } from "../server/http/errors.ts";

/**
 * When a server holds the embedded database, the CLI sends the files to that server's API with
 * an administrator's (or analyst's) API token instead of failing. One request per file.
 */
export async function sendFilesToServer(
  serverUrl: string,
  apiToken: string,
  files: { fileName: string; bytes: Uint8Array }[],
  onFileDone: () => void,
) {
  const reports = [];
  for (const file of files) {
    const response = await fetch(`${serverUrl}/api/statements/import`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        fileName: file.fileName,
        contentBase64: Buffer.from(file.bytes).toString("base64"),
      }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message =
        (body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${response.status}`;
      throw new AppError(
        response.status === 401 ? "unauthenticated" : "forbidden",
        `The server at ${serverUrl} refused the import: ${message}`,
      );
    }
    reports.push(FileImportReportSchema.parse(body));
    onFileDone();
  }
  const counts = { imported: 0, unchanged: 0, rejected: 0 };
  for (const report of reports) counts[report.outcome] += 1;
  return { files: reports, counts };
}

/** The same for statements spreadsheets (CSV or XLSX of the template). */
export async function sendSpreadsheetsToServer(
  serverUrl: string,
  apiToken: string,
  files: { fileName: string; bytes: Uint8Array }[],
  onFileDone: () => void,
) {
  const reports = [];
  for (const file of files) {
    const response = await fetch(`${serverUrl}/api/statements/import-spreadsheet`, {
      method: "POST",
      headers: { Authorization: `Bearer ${apiToken}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        fileName: file.fileName,
        contentBase64: Buffer.from(file.bytes).toString("base64"),
      }),
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const message =
        (body as { error?: { message?: string } } | undefined)?.error?.message ?? `HTTP ${response.status}`;
      throw new AppError(
        response.status === 401 ? "unauthenticated" : "forbidden",
        `The server at ${serverUrl} refused the import: ${message}`,
      );
    }
    reports.push(SpreadsheetImportReportSchema.parse(body));
    onFileDone();
  }
  return reports;
}
