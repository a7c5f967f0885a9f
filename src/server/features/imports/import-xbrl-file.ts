import { createHash } from "node:crypto";
import { storeStatementVersion } from "../companies/store-statement-version.ts";
import { findCompanyByTaxCode, insertImportedCompany, isKnownSector } from "./imports.repo.ts";
import { type ImportDeps, requestScoring } from "./request-scoring.ts";
import { parseItccXbrl, type XbrlParseResult, XbrlRejectedError } from "./xbrl/parse-itcc-xbrl.ts";

export const xbrlImporterVersion = "itcc-xbrl-1";

export type ImportedPeriod = {
  periodStartOn: string;
  periodEndOn: string;
  isOwnPeriod: boolean;
  isShortPeriod: boolean;
  outcome: "inserted" | "unchanged";
  warnings: string[];
};

export type FileImportReport =
  | {
      fileName: string;
      outcome: "imported" | "unchanged";
      company: { id: string; taxCode: string; name: string; isNew: boolean };
      format: string;
      periods: ImportedPeriod[];
      statementIds: string[];
      /** The job run scoring what was imported; absent when the scores were stored with the import. */
      scoringJobRunId?: string;
    }
  | { fileName: string; outcome: "rejected"; reason: string };

type Rejected = Extract<FileImportReport, { outcome: "rejected" }>;
export type PreparedFiling = {
  fileName: string;
  parsed: XbrlParseResult;
  taxCode: string;
  companyName: string;
  contentHash: string;
};

type Executor = Parameters<typeof storeStatementVersion>[0];

/** Parses and checks one filing outside any transaction; a rejection says why. */
export async function prepareXbrlFile(
  file: { fileName: string; bytes: Uint8Array },
  options: { maximumBytes?: number } = {},
): Promise<PreparedFiling | Rejected> {
  const rejected = (reason: string): Rejected => ({ fileName: file.fileName, outcome: "rejected", reason });
  let parsed: XbrlParseResult;
  try {
    parsed = await parseItccXbrl(
      (async function* () {
        yield file.bytes;
      })(),
      options,
    );
  } catch (error) {
    if (error instanceof XbrlRejectedError) return rejected(error.message);
    throw error;
  }
  const { identity } = parsed;
  if (!identity.taxCode || !identity.isTaxCodeValid) {
    return rejected(
      `The filing's tax code (DatiAnagraficiCodiceFiscale) is ${identity.taxCode ? `invalid: ${identity.taxCode}` : "missing"}.`,
    );
  }
  if (!identity.name) return rejected("The filing has no company name (DatiAnagraficiDenominazione).");
  if (parsed.periods.length === 0) return rejected("The filing holds no period with statement items.");
  return {
    fileName: file.fileName,
    parsed,
    taxCode: identity.taxCode,
    companyName: identity.name,
    contentHash: createHash("sha256").update(file.bytes).digest("hex"),
  };
}

/** Stores a prepared filing inside the caller's transaction: the company, then both periods. */
export async function storePreparedFiling(
  tx: Executor,
  filing: PreparedFiling,
  now: Date,
): Promise<FileImportReport> {
  const { parsed, taxCode } = filing;
  const { identity } = parsed;
  const existing = await findCompanyByTaxCode(tx, "IT", taxCode);
  const atecoCode =
    !existing && identity.atecoCode && (await isKnownSector(tx, identity.atecoCode))
      ? identity.atecoCode
      : null;
  const companyId =
    existing?.id ??
    (await insertImportedCompany(
      tx,
      {
        taxCode,
        name: filing.companyName,
        legalForm: identity.legalFormCode ?? "other",
        atecoCode,
        address: identity.registeredOffice ?? null,
      },
      now,
    ));
  const periods: ImportedPeriod[] = [];
  const statementIds: string[] = [];
  for (const period of parsed.periods) {
    const periodReport = parsed.report.periods.find(
      (candidate) =>
        candidate.periodEndOn === period.periodEndOn && candidate.isOwnPeriod === period.isOwnPeriod,
    );
    const result = await storeStatementVersion(tx, {
      companyId,
      periodStartOn: period.periodStartOn,
      periodEndOn: period.periodEndOn,
      format: parsed.format,
      currency: parsed.currency,
      legalForm: identity.legalFormCode ?? null,
      items: period.items,
      isOwnPeriod: period.isOwnPeriod,
      sourceKind: "xbrl",
      sourceFileName: filing.fileName,
      sourceContentHash: filing.contentHash,
      importerVersion: xbrlImporterVersion,
      filedOn: null,
    });
    statementIds.push(result.statementId);
    periods.push({
      periodStartOn: period.periodStartOn,
      periodEndOn: period.periodEndOn,
      isOwnPeriod: period.isOwnPeriod,
      isShortPeriod: period.isShortPeriod,
      outcome: result.outcome,
      warnings: (periodReport?.findings ?? []).map((finding) => finding.code),
    });
  }
  return {
    fileName: filing.fileName,
    outcome: periods.every((period) => period.outcome === "unchanged") ? "unchanged" : "imported",
    company: { id: companyId, taxCode, name: existing?.name ?? filing.companyName, isNew: !existing },
    format: parsed.format,
    periods,
    statementIds,
  };
}

/**
 * Imports one itcc-ci XBRL filing, all or nothing: parse (DTDs and entities refused, size capped),
 * find or register the company by its tax code, store both periods as statement versions (the
 * current one chosen by the §6 rule), then, once committed, queue its scoring (or score it at once
 * without a queue). The same file again changes nothing.
 */
export async function importXbrlFile(
  deps: ImportDeps,
  file: { fileName: string; bytes: Uint8Array },
  options: { maximumBytes?: number } = {},
): Promise<FileImportReport> {
  const prepared = await prepareXbrlFile(file, options);
  if ("outcome" in prepared) return prepared;
  const report = await deps.db.transaction((tx) => storePreparedFiling(tx, prepared, deps.clock()));
  if (report.outcome !== "imported") return report;
  const scoringJobRunId = await requestScoring(deps, [report.company.id], `import of ${file.fileName}`);
  return scoringJobRunId ? { ...report, scoringJobRunId } : report;
}
