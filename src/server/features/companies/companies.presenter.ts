import type { CompanyIdentity, Statement } from "../../../contracts/companies.ts";
import type { AuthorisedCompany } from "./authorise-company-access.ts";
import type { StatementRecord } from "./companies.repo.ts";

export function presentCompanyIdentity({ company, basis }: AuthorisedCompany): CompanyIdentity {
  return {
    id: company.id,
    countryCode: company.countryCode,
    taxCode: company.taxCode,
    name: company.name,
    legalForm: company.legalForm,
    atecoCode: company.atecoCode,
    address: company.address,
    municipalityCode: company.municipalityCode,
    nuts3Code: company.nuts3Code,
    districtCode: company.districtCode,
    districtSource:
      company.districtSource === "municipality" || company.districtSource === "manual"
        ? company.districtSource
        : null,
    districtNameIt: company.districtNameIt,
    districtNameEn: company.districtNameEn,
    municipalityName: company.municipalityName,
    sectorTitleIt: company.sectorTitleIt,
    sectorTitleEn: company.sectorTitleEn,
    headcount: company.headcount,
    sizeClass:
      (["micro", "small", "medium", "large"] as const).find((size) => size === company.sizeClass) ??
      "unknown",
    access: basis,
  };
}

export function presentStatement(statement: StatementRecord): Statement {
  return {
    id: statement.id,
    periodStartOn: statement.periodStartOn,
    periodEndOn: statement.periodEndOn,
    format: statement.format,
    currency: statement.currency,
    items: statement.items,
    sourceKind: statement.sourceKind,
    sourceFileName: statement.sourceFileName,
    isCurrent: statement.isCurrent,
  };
}
