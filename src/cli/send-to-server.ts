import type { z } from "zod";
import { FileImportReportSchema, SpreadsheetImportReportSchema } from "../contracts/imports.ts";
import { AppError } from "../server/http/errors.ts";

type FileInput = { fileName: string; bytes: Uint8Array };

/**
 * When a server holds the embedded database, the CLI sends the files to that server's API with an
 * administrator's or analyst's API token instead of failing. One request per file, each answered
 * once the server's queue has stored the scores of what it imported (`?wait=true`).
 */
async function sendEachToServer<Schema extends z.ZodType>(
  serverUrl: string,
  apiToken: string,
  path: string,
  schema: Schema,
  files: FileInput[],
  onFileDone: () => void,
): Promise<z.infer<Schema>[]> {
  const reports: z.infer<Schema>[] = [];
  for (const file of files) {
    const response = await fetch(`${serverUrl}${path}`, {
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
    reports.push(schema.parse(body));
    onFileDone();
  }
  return reports;
}

/** XBRL filings, with the same counts a local import reports. */
export async function sendFilesToServer(
  serverUrl: string,
  apiToken: string,
  files: FileInput[],
  onFileDone: () => void,
) {
  const reports = await sendEachToServer(
    serverUrl,
    apiToken,
    "/api/statements/import?wait=true",
    FileImportReportSchema,
    files,
    onFileDone,
  );
  const counts = { imported: 0, unchanged: 0, rejected: 0 };
  for (const report of reports) counts[report.outcome] += 1;
  return { files: reports, counts };
}

/** Statements spreadsheets (CSV or XLSX of the template). */
export function sendSpreadsheetsToServer(
  serverUrl: string,
  apiToken: string,
  files: FileInput[],
  onFileDone: () => void,
) {
  return sendEachToServer(
    serverUrl,
    apiToken,
    "/api/statements/import-spreadsheet?wait=true",
    SpreadsheetImportReportSchema,
    files,
    onFileDone,
  );
}
