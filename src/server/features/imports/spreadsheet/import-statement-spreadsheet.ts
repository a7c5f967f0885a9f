import { createHash } from "node:crypto";
import type { Database } from "../../../db/client.ts";
import { storeStatementVersion } from "../../companies/store-statement-version.ts";
import type { FileImportReport, ImportedPeriod } from "../import-xbrl-file.ts";
import { findCompanyByTaxCode } from "../imports.repo.ts";
import { type ImportDeps, requestScoring } from "../request-scoring.ts";
import {
  type ParsedStatementSpreadsheet,
  parseStatementSpreadsheet,
  type SpreadsheetProblem,
  type StatementRow,
} from "./parse-statement-spreadsheet.ts";

export const spreadsheetImporterVersion = "statement-spreadsheet-1";

/** One stored row: the company-year as an ImportedPeriod, with its row and company. */
export type SpreadsheetRowReport = ImportedPeriod & {
  row: number;
  company: { id: string; countryCode: string; taxCode: string; name: string };
  format: string;
};

/** Like an XBRL file's report, for a file carrying many companies; a rejection lists every problem. */
export type SpreadsheetImportReport =
  | {
      fileName: string;
      outcome: "imported" | "unchanged";
      rows: SpreadsheetRowReport[];
      statementIds: string[];
      /** Headers that named no template column; their cells were ignored. */
      unknownColumns: string[];
      /** The job run scoring what was imported; absent when the scores were stored with the import. */
      scoringJobRunId?: string;
    }
  | (Extract<FileImportReport, { outcome: "rejected" }> & {
      problems: SpreadsheetProblem[];
      unknownColumns: string[];
    });

const problemsInReason = 5;

function rejectedReport(
  fileName: string,
  problems: SpreadsheetProblem[],
  unknownColumns: string[],
): SpreadsheetImportReport {
  const shown = problems.slice(0, problemsInReason).map((problem) => problem.message);
  const more = problems.length - shown.length;
  const reason = `${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
  return { fileName, outcome: "rejected", reason, problems, unknownColumns };
}

type Company = { id: string; name: string };

/** Finds every company of the file by country and tax code; one not registered rejects its rows. */
async function findCompanies(db: Database, rows: readonly StatementRow[]) {
  const companies = new Map<string, Company | undefined>();
  const problems: SpreadsheetProblem[] = [];
  for (const row of rows) {
    const key = `${row.countryCode}:${row.taxCode}`;
    if (!companies.has(key)) {
      companies.set(key, await findCompanyByTaxCode(db, row.countryCode, row.taxCode));
    }
    if (!companies.get(key)) {
      problems.push({
        row: row.row,
        column: null,
        message: `row ${row.row}: no company with tax code ${row.taxCode} in ${row.countryCode}: register the company first (Companies › Import a list)`,
      });
    }
  }
  return { companies, problems };
}

/**
 * Imports a statements spreadsheet (CSV or XLSX, the statements template), all or nothing: every row is read
 * and checked and every company looked up first; any problem stores nothing. Otherwise each row is stored in
 * one transaction as its company's own statement for the period (source: the file's hash and the row
 * number); once committed, the companies' scoring is queued (or done at once without a queue). The
 * same file again changes nothing.
 */
export async function importStatementSpreadsheet(
  deps: ImportDeps,
  file: { fileName: string; bytes: Uint8Array },
  options: { maximumBytes?: number; maximumUncompressedBytes?: number } = {},
): Promise<SpreadsheetImportReport> {
  const parsed: ParsedStatementSpreadsheet = await parseStatementSpreadsheet(file, options);
  if (!parsed.isAccepted) return rejectedReport(file.fileName, parsed.problems, parsed.unknownColumns);
  const { companies, problems } = await findCompanies(deps.db, parsed.rows);
  if (problems.length > 0) return rejectedReport(file.fileName, problems, parsed.unknownColumns);

  const fileHash = createHash("sha256").update(file.bytes).digest("hex");
  const report = await deps.db.transaction(async (tx): Promise<SpreadsheetImportReport> => {
    const rows: SpreadsheetRowReport[] = [];
    const statementIds: string[] = [];
    for (const row of parsed.rows) {
      const company = companies.get(`${row.countryCode}:${row.taxCode}`) as Company;
      const result = await storeStatementVersion(tx, {
        companyId: company.id,
        periodStartOn: row.periodStartOn,
        periodEndOn: row.periodEndOn,
        format: row.format,
        currency: row.currency,
        legalForm: null,
        items: row.items,
        isOwnPeriod: true,
        sourceKind: "spreadsheet",
        sourceFileName: file.fileName,
        // One file holds many company-years: the row number keeps each row's source distinct.
        sourceContentHash: `${fileHash}:${row.row}`,
        importerVersion: spreadsheetImporterVersion,
        filedOn: null,
      });
      statementIds.push(result.statementId);
      rows.push({
        row: row.row,
        company: { id: company.id, countryCode: row.countryCode, taxCode: row.taxCode, name: company.name },
        format: row.format,
        periodStartOn: row.periodStartOn,
        periodEndOn: row.periodEndOn,
        isOwnPeriod: true,
        isShortPeriod: row.isShortPeriod,
        outcome: result.outcome,
        warnings: row.warnings,
      });
    }
    return {
      fileName: file.fileName,
      outcome: rows.every((row) => row.outcome === "unchanged") ? "unchanged" : "imported",
      rows,
      statementIds,
      unknownColumns: parsed.unknownColumns,
    };
  });
  if (report.outcome !== "imported") return report;
  const touched = report.rows.filter((row) => row.outcome === "inserted").map((row) => row.company.id);
  const scoringJobRunId = await requestScoring(deps, touched, `import of ${file.fileName}`);
  return scoringJobRunId ? { ...report, scoringJobRunId } : report;
}
