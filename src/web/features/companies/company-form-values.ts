import type { CompanyIdentity } from "../../../contracts/companies.ts";
import type { CompanyInput } from "../../../contracts/registry.ts";
import { validateTaxCode } from "../../../domain/companies/validate-tax-code.ts";
import { normaliseAtecoCode } from "../../../domain/sectors/normalise-ateco.ts";
import { ApiError } from "../../api-client.ts";

export type ChosenMunicipality = { istatCode: string; name: string; nuts3Code: string };

/** The company form as typed: every value a string, the municipality chosen from suggestions. */
export type CompanyFormValues = {
  countryCode: string;
  taxCode: string;
  name: string;
  legalForm: string;
  atecoCode: string;
  address: string;
  municipality: ChosenMunicipality | undefined;
  /** What is typed in the municipality box; it must match a chosen suggestion. */
  municipalityText: string;
  nuts3Code: string;
  /** Empty: the municipality decides; a code: chosen by hand. */
  districtCode: string;
  headcount: string;
};

export type CompanyFormField =
  | "countryCode"
  | "taxCode"
  | "name"
  | "legalForm"
  | "atecoCode"
  | "address"
  | "municipalityCode"
  | "nuts3Code"
  | "districtCode"
  | "headcount";

export const companyFormFields: readonly CompanyFormField[] = [
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
];

/** A problem per field, as the key of its message (`form.errors.<field>.<problem>`). */
export type CompanyFormProblems = Partial<Record<CompanyFormField, string>>;

export const italy = "IT";

export function emptyCompanyFormValues(): CompanyFormValues {
  return {
    countryCode: italy,
    taxCode: "",
    name: "",
    legalForm: "",
    atecoCode: "",
    address: "",
    municipality: undefined,
    municipalityText: "",
    nuts3Code: "",
    districtCode: "",
    headcount: "",
  };
}

export function companyFormValuesFrom(company: CompanyIdentity): CompanyFormValues {
  const municipality =
    company.municipalityCode && company.nuts3Code
      ? {
          istatCode: company.municipalityCode,
          name: company.municipalityName ?? company.municipalityCode,
          nuts3Code: company.nuts3Code,
        }
      : undefined;
  return {
    countryCode: company.countryCode,
    taxCode: company.taxCode,
    name: company.name,
    legalForm: company.legalForm,
    atecoCode: company.atecoCode ?? "",
    address: company.address ?? "",
    municipality,
    municipalityText: municipality?.name ?? "",
    nuts3Code: company.nuts3Code ?? "",
    // A district that follows from the municipality is not repeated as a hand choice.
    districtCode: company.districtSource === "manual" ? (company.districtCode ?? "") : "",
    headcount: company.headcount === null ? "" : String(company.headcount),
  };
}

const optional = (text: string) => text.trim() || undefined;

/** The request body: empty values are left out (PUT replaces the company, so they are cleared). */
export function toCompanyInput(values: CompanyFormValues): CompanyInput {
  const isItalian = values.countryCode === italy;
  const municipality = isItalian ? values.municipality : undefined;
  const headcount = values.headcount.trim();
  const input: CompanyInput = {
    countryCode: values.countryCode,
    taxCode: values.taxCode.trim(),
    name: values.name.trim(),
    legalForm: values.legalForm,
  };
  const atecoCode = optional(values.atecoCode);
  if (atecoCode) input.atecoCode = atecoCode;
  const address = optional(values.address);
  if (address) input.address = address;
  // The municipality decides the NUTS 3 region; without one the region is sent as chosen.
  if (municipality) input.municipalityCode = municipality.istatCode;
  else if (values.nuts3Code) input.nuts3Code = values.nuts3Code;
  if (values.districtCode) input.districtCode = values.districtCode;
  if (headcount !== "") input.headcount = Number(headcount);
  return input;
}

/** What the browser can tell before sending: the server checks the same and more. */
export function checkCompanyForm(values: CompanyFormValues): CompanyFormProblems {
  const problems: CompanyFormProblems = {};
  const taxCode = validateTaxCode(values.countryCode, values.taxCode);
  if (!taxCode.isValid) problems.taxCode = taxCode.reason;
  if (values.name.trim().length < 2) problems.name = "required";
  if (!values.legalForm) problems.legalForm = "required";
  if (values.atecoCode.trim() && !normaliseAtecoCode(values.atecoCode)) problems.atecoCode = "invalid";
  const isMunicipalityUnchosen =
    values.countryCode === italy && values.municipalityText.trim() !== "" && !values.municipality;
  if (isMunicipalityUnchosen) problems.municipalityCode = "notChosen";
  const headcount = values.headcount.trim();
  if (headcount !== "" && !/^\d{1,7}$/.test(headcount)) problems.headcount = "invalid";
  return problems;
}

/**
 * The server's complaints, by field. It writes English; the form says the same in the interface
 * language, so a field's message is chosen here and the server's sentence is not shown.
 */
export function problemsFromServer(error: unknown, values: CompanyFormValues): CompanyFormProblems {
  if (!(error instanceof ApiError)) return {};
  const problems: CompanyFormProblems = {};
  for (const field of companyFormFields) {
    if (!error.fieldMessage(`body.${field}`)) continue;
    if (field === "taxCode") {
      const taxCode = validateTaxCode(values.countryCode, values.taxCode);
      problems.taxCode =
        error.code === "conflict" ? "conflict" : taxCode.isValid ? "invalid" : taxCode.reason;
    } else {
      problems[field] = field === "name" || field === "legalForm" ? "required" : "invalid";
    }
  }
  return problems;
}
