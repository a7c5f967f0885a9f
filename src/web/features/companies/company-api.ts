import { type CompanyIdentity, CompanyIdentitySchema } from "../../../contracts/companies.ts";
import {
  type CompanyImportReport,
  CompanyImportReportSchema,
  type CompanyInput,
} from "../../../contracts/registry.ts";
import { apiRequest } from "../../api-client.ts";

/** Registers a company (POST) or replaces an existing one's register data (PUT). */
export function saveCompany(companyId: string | undefined, input: CompanyInput): Promise<CompanyIdentity> {
  return companyId
    ? apiRequest(`/api/companies/${encodeURIComponent(companyId)}`, CompanyIdentitySchema, {
        method: "PUT",
        body: input,
      })
    : apiRequest("/api/companies", CompanyIdentitySchema, { method: "POST", body: input });
}

export function getCompany(companyId: string): Promise<CompanyIdentity> {
  return apiRequest(`/api/companies/${encodeURIComponent(companyId)}`, CompanyIdentitySchema);
}

/** Checks (isPreview) or imports a CSV list of companies; the server writes all rows or none. */
export function importCompanyList(input: {
  csv: string;
  fileName: string;
  isPreview: boolean;
}): Promise<CompanyImportReport> {
  return apiRequest("/api/companies/import", CompanyImportReportSchema, { method: "POST", body: input });
}
