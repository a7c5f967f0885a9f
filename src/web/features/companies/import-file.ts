import type { CompanyImportReport } from "../../../contracts/registry.ts";
import type { CompanyFormField } from "./company-form-values.ts";

/** The server takes a CSV text of at most 10,000,000 characters; larger files are refused before sending. */
export const maximumFileBytes = 10_000_000;

/** A file read in the browser, ready to be sent. */
export type ChosenFile = { name: string; size: number; text: string; rowCount: number };

export type FileProblem = "tooLarge" | "empty" | "spreadsheet";

const spreadsheetExtensions = [".xlsx", ".xls", ".ods", ".numbers"];

/** What can be told about a file before reading it. */
export function checkImportFile(file: { name: string; size: number }): FileProblem | undefined {
  if (file.size > maximumFileBytes) return "tooLarge";
  if (file.size === 0) return "empty";
  const name = file.name.toLowerCase();
  if (spreadsheetExtensions.some((extension) => name.endsWith(extension))) return "spreadsheet";
  return undefined;
}

/** Rows with data in a CSV text (the first line holds the column names; blank lines do not count). */
export function countDataRows(text: string): number {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  return Math.max(0, lines.length - 1);
}

export type ReportRow = CompanyImportReport["rows"][number];

const outcomeOrder: Record<ReportRow["outcome"], number> = { error: 0, create: 1, update: 2, unchanged: 3 };

/** Errors first (they must be fixed), then creations, updates and unchanged rows, each by line. */
export function sortReportRows(rows: readonly ReportRow[]): ReportRow[] {
  return [...rows].sort(
    (first, second) => outcomeOrder[first.outcome] - outcomeOrder[second.outcome] || first.row - second.row,
  );
}

const reportFields: readonly string[] = [
  "countryCode",
  "taxCode",
  "name",
  "legalForm",
  "atecoCode",
  "address",
  "municipalityCode",
  "nuts3Code",
  "districtCode",
  "headcount",
  "districtSource",
];

/**
 * A row message of the server split into the field it names and the rest, so that the field can be
 * named in the interface language: "taxCode: fails its check digit" → field taxCode, text "fails…";
 * "changes: name, headcount" → the changed fields.
 */
export function readRowMessage(
  message: string,
):
  | { kind: "changes"; fields: string[] }
  | { kind: "field"; field: CompanyFormField | "districtSource"; text: string }
  | { kind: "text"; text: string } {
  const separator = message.indexOf(": ");
  if (separator < 0) return { kind: "text", text: message };
  const head = message.slice(0, separator);
  const rest = message.slice(separator + 2);
  if (head === "changes") return { kind: "changes", fields: rest.split(/,\s*/).filter(Boolean) };
  if (reportFields.includes(head))
    return { kind: "field", field: head as CompanyFormField | "districtSource", text: rest };
  return { kind: "text", text: message };
}

/** Bytes as kB or MB with one decimal (decimal units, as the 10 MB limit). */
export function describeFileSize(bytes: number): { value: number; unit: "kB" | "MB" } {
  if (bytes >= 1_000_000) return { value: Math.round(bytes / 100_000) / 10, unit: "MB" };
  return { value: Math.max(0.1, Math.round(bytes / 100) / 10), unit: "kB" };
}
