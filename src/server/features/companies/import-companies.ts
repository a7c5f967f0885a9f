import type { CompanyImportReport } from "../../../contracts/registry.ts";
import { mapCompanyColumns, planCompanyImport } from "../../../domain/companies/plan-company-import.ts";
import { validateTaxCode } from "../../../domain/companies/validate-tax-code.ts";
import { parseCsvRecords } from "../../../domain/shared/parse-csv.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { buildCompanyLookups } from "./build-company-lookups.ts";
import { findCompaniesByKeys, insertCompanies, updateCompanyRow } from "./registry.repo.ts";

function detectDelimiter(firstLine: string): string {
  const semicolons = firstLine.split(";").length;
  const commas = firstLine.split(",").length;
  return semicolons > commas ? ";" : ",";
}

/**
 * Imports a CSV list of companies, all or nothing: every row is checked first; if any is invalid
 * nothing is written and the report says why, row by row. Re-importing the same file changes
 * nothing (rows come back "unchanged"). With `isPreview` the report is produced and nothing written.
 */
export async function importCompanies(
  deps: { db: Database; clock: () => Date },
  input: { csvText: string; fileName: string | null; isPreview: boolean },
): Promise<CompanyImportReport> {
  const text = input.csvText.replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  if (firstLine.trim() === "")
    throw new AppError("validation_failed", "The file is empty: the first line must hold the column names.");
  let records: Record<string, string>[];
  try {
    records = parseCsvRecords(text, detectDelimiter(firstLine));
  } catch (error) {
    throw new AppError("validation_failed", `The file is not valid CSV: ${(error as Error).message}`);
  }
  const mapping = mapCompanyColumns(
    Object.keys(records[0] ?? {}).length > 0
      ? Object.keys(records[0] ?? {})
      : firstLine.split(detectDelimiter(firstLine)),
  );
  if (mapping.missingFields.length > 0) {
    throw new AppError(
      "validation_failed",
      `Required columns are missing: ${mapping.missingFields.join(", ")}. Download the template to see the column names.`,
    );
  }
  const lookups = await buildCompanyLookups(deps.db);
  const fieldValue = (record: Record<string, string>, field: string) =>
    Object.entries(record).find(([header]) => mapping.fieldByHeader.get(header) === field)?.[1] ?? "";
  const keys = records.flatMap((record) => {
    const countryCode = fieldValue(record, "countryCode").trim().toUpperCase();
    const taxCode = validateTaxCode(countryCode, fieldValue(record, "taxCode"));
    return taxCode.isValid ? [{ countryCode, taxCode: taxCode.normalised }] : [];
  });
  const existing = await findCompaniesByKeys(deps.db, keys);
  const plan = planCompanyImport(records, mapping.fieldByHeader, existing, lookups);
  const counts = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of plan) counts[row.outcome] += 1;
  const isRejected = counts.error > 0;
  if (!isRejected && !input.isPreview) {
    const now = deps.clock();
    await deps.db.transaction(async (tx) => {
      const creations = plan
        .filter((row) => row.outcome === "create" && row.company)
        .map((row) => row.company as NonNullable<typeof row.company>);
      await insertCompanies(tx, creations, now);
      for (const row of plan) {
        if (row.outcome === "update" && row.company && row.existingId)
          await updateCompanyRow(tx, row.existingId, row.company, now);
      }
    });
  }
  return {
    fileName: input.fileName,
    isApplied: !isRejected && !input.isPreview,
    isRejected,
    counts,
    ignoredColumns: mapping.unknownHeaders,
    rows: plan.map((row) => ({
      row: row.row,
      taxCode: row.taxCode,
      name: row.name,
      outcome: row.outcome,
      messages: row.messages,
    })),
  };
}

export const companyTemplateHeaders = {
  en: [
    "country",
    "tax_code",
    "name",
    "legal_form",
    "ateco_code",
    "address",
    "municipality_istat_code",
    "nuts3_code",
    "district_code",
    "headcount",
  ],
  it: [
    "paese",
    "codice_fiscale",
    "ragione_sociale",
    "forma_giuridica",
    "ateco",
    "indirizzo",
    "comune_istat",
    "nuts3",
    "distretto",
    "addetti",
  ],
} as const;
