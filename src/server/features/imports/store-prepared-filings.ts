import { storeStatementVersions } from "../companies/store-statement-versions.ts";
import {
  type FileImportReport,
  type ImportedPeriod,
  type PreparedFiling,
  xbrlImporterVersion,
} from "./import-xbrl-file.ts";
import { findCompaniesByTaxCodes, findKnownSectorCodes, insertImportedCompanies } from "./imports.repo.ts";

type Executor = Parameters<typeof storeStatementVersions>[0] & Parameters<typeof findCompaniesByTaxCodes>[0];
type CompanyOfFiling = { id: string; name: string; isNew: boolean };

/** Finds or registers the company of every filing: one lookup, one sector check and one insert for all. */
async function resolveCompanies(
  tx: Executor,
  filings: readonly PreparedFiling[],
  now: Date,
): Promise<CompanyOfFiling[]> {
  const taxCodes = [...new Set(filings.map((filing) => filing.taxCode))];
  const existing = new Map(
    (await findCompaniesByTaxCodes(tx, "IT", taxCodes)).map((company) => [company.taxCode, company]),
  );
  // The first filing of a company not yet stored registers it; later ones of the group find it.
  const creators = new Map<string, PreparedFiling>();
  for (const filing of filings) {
    if (!existing.has(filing.taxCode) && !creators.has(filing.taxCode)) creators.set(filing.taxCode, filing);
  }
  const atecoCodes = [...creators.values()].flatMap((filing) =>
    filing.parsed.identity.atecoCode ? [filing.parsed.identity.atecoCode] : [],
  );
  const knownSectors = await findKnownSectorCodes(tx, [...new Set(atecoCodes)]);
  const inserted = await insertImportedCompanies(
    tx,
    [...creators.values()].map(({ taxCode, companyName, parsed: { identity } }) => ({
      taxCode,
      name: companyName,
      legalForm: identity.legalFormCode ?? "other",
      atecoCode: identity.atecoCode && knownSectors.has(identity.atecoCode) ? identity.atecoCode : null,
      address: identity.registeredOffice ?? null,
    })),
    now,
  );
  const newIds = new Map(inserted.map((company) => [company.taxCode, company.id]));
  return filings.map((filing) => {
    const found = existing.get(filing.taxCode);
    if (found) return { id: found.id, name: found.name, isNew: false };
    const creator = creators.get(filing.taxCode) as PreparedFiling;
    const id = newIds.get(filing.taxCode);
    if (!id) throw new Error(`The company ${filing.taxCode} was not registered`);
    return { id, name: creator.companyName, isNew: creator === filing };
  });
}

/**
 * storePreparedFiling for a group of filings in a few statements: the same rows and the same reports as
 * storing them one after the other. It fails as a whole: the caller runs it in a savepoint and, on
 * failure, stores the files one by one so that a bad file affects only itself.
 */
export async function storePreparedFilings(
  tx: Executor,
  filings: readonly PreparedFiling[],
  now: Date,
): Promise<FileImportReport[]> {
  const companies = await resolveCompanies(tx, filings, now);
  const versions = filings.flatMap((filing, index) =>
    filing.parsed.periods.map((period) => ({
      companyId: (companies[index] as CompanyOfFiling).id,
      periodStartOn: period.periodStartOn,
      periodEndOn: period.periodEndOn,
      format: filing.parsed.format,
      currency: filing.parsed.currency,
      legalForm: filing.parsed.identity.legalFormCode ?? null,
      items: period.items,
      isOwnPeriod: period.isOwnPeriod,
      sourceKind: "xbrl",
      sourceFileName: filing.fileName,
      sourceContentHash: filing.contentHash,
      importerVersion: xbrlImporterVersion,
      filedOn: null,
    })),
  );
  const outcomes = await storeStatementVersions(tx, versions);
  let next = 0;
  return filings.map((filing, index): FileImportReport => {
    const company = companies[index] as CompanyOfFiling;
    const { parsed } = filing;
    const periods: ImportedPeriod[] = [];
    const statementIds: string[] = [];
    for (const period of parsed.periods) {
      const result = outcomes[next] as (typeof outcomes)[number];
      next += 1;
      const periodReport = parsed.report.periods.find(
        (candidate) =>
          candidate.periodEndOn === period.periodEndOn && candidate.isOwnPeriod === period.isOwnPeriod,
      );
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
      company: { id: company.id, taxCode: filing.taxCode, name: company.name, isNew: company.isNew },
      format: parsed.format,
      periods,
      statementIds,
    };
  });
}
