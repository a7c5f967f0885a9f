import { normaliseAtecoCode } from "../sectors/normalise-ateco.ts";
import { classifySize, type SizeThresholds } from "./classify-size.ts";
import { type LegalFormCode, legalFormCodes, normaliseLegalForm } from "./normalise-legal-form.ts";
import { placeCompany } from "./place-company.ts";
import { validateTaxCode } from "./validate-tax-code.ts";

/** Company data as people type it (a form or a CSV row); every field optional to report all problems. */
export type RawCompany = {
  countryCode?: string | undefined;
  taxCode?: string | undefined;
  name?: string | undefined;
  legalForm?: string | undefined;
  atecoCode?: string | undefined;
  address?: string | undefined;
  municipalityCode?: string | undefined;
  nuts3Code?: string | undefined;
  districtCode?: string | undefined;
  headcount?: number | string | undefined;
};

export type NormalisedCompany = {
  countryCode: string;
  taxCode: string;
  name: string;
  legalForm: LegalFormCode;
  atecoCode: string | null;
  address: string | null;
  municipalityCode: string | null;
  nuts3Code: string | null;
  districtCode: string | null;
  districtSource: "municipality" | "manual" | null;
  headcount: number | null;
  sizeClass: "micro" | "small" | "medium" | "large" | "unknown";
};

/** What the reference data say, passed in by the caller. */
export type CompanyLookups = {
  isKnownCountry(code: string): boolean;
  isKnownSector(atecoCode: string): boolean;
  municipality(istatCode: string): { nuts3Code: string; districtCodes: readonly string[] } | undefined;
  district(code: string): { countryCode: string } | undefined;
  isKnownNuts3(code: string): boolean;
  sizeThresholds: SizeThresholds;
};

export type CompanyProblem = { field: keyof RawCompany; message: string };

const taxCodeMessages = {
  empty: "is required",
  wrong_length: "has the wrong length for this country",
  bad_characters: "contains characters a tax code cannot have",
  bad_check_digit: "fails its check digit: a character is mistyped",
} as const;

function clean(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Validates and normalises one company: tax code check digits, legal form to its code, ATECO code
 * to dotted form and known, municipality known (its NUTS 3 region and district follow from it),
 * district placement, headcount and EU size class. Returns every problem at once.
 */
export function normaliseCompany(
  raw: RawCompany,
  lookups: CompanyLookups,
): { company: NormalisedCompany } | { problems: CompanyProblem[] } {
  const problems: CompanyProblem[] = [];
  const countryCode = clean(raw.countryCode)?.toUpperCase() ?? "";
  if (!countryCode) problems.push({ field: "countryCode", message: "is required" });
  else if (!lookups.isKnownCountry(countryCode))
    problems.push({ field: "countryCode", message: `${countryCode} is not a partner country` });

  const taxCode = validateTaxCode(countryCode || "IT", raw.taxCode ?? "");
  if (!taxCode.isValid) problems.push({ field: "taxCode", message: taxCodeMessages[taxCode.reason] });

  const name = clean(raw.name);
  if (!name) problems.push({ field: "name", message: "is required" });

  const legalFormText = clean(raw.legalForm);
  const legalForm: LegalFormCode =
    legalFormText && (legalFormCodes as readonly string[]).includes(legalFormText.toLowerCase())
      ? (legalFormText.toLowerCase() as LegalFormCode)
      : normaliseLegalForm(legalFormText ?? "");

  let atecoCode: string | null = null;
  const atecoText = clean(raw.atecoCode);
  if (atecoText) {
    const normalised = normaliseAtecoCode(atecoText);
    if (!normalised)
      problems.push({ field: "atecoCode", message: `"${atecoText}" is not an ATECO 2007 code` });
    else if (!lookups.isKnownSector(normalised))
      problems.push({ field: "atecoCode", message: `${normalised} is not in ATECO 2007` });
    else atecoCode = normalised;
  }

  let nuts3Code = clean(raw.nuts3Code)?.toUpperCase() ?? null;
  let municipalityDistrictCodes: readonly string[] = [];
  const municipalityCode = clean(raw.municipalityCode) ?? null;
  if (municipalityCode) {
    const municipality = lookups.municipality(municipalityCode);
    if (!municipality)
      problems.push({
        field: "municipalityCode",
        message: `no Italian municipality has ISTAT code ${municipalityCode}`,
      });
    else if (countryCode && countryCode !== "IT")
      problems.push({
        field: "municipalityCode",
        message: "ISTAT municipalities are Italian; leave it empty for other countries",
      });
    else {
      if (nuts3Code && nuts3Code !== municipality.nuts3Code) {
        problems.push({
          field: "nuts3Code",
          message: `the municipality lies in ${municipality.nuts3Code}, not ${nuts3Code}`,
        });
      }
      nuts3Code = municipality.nuts3Code;
      municipalityDistrictCodes = municipality.districtCodes;
    }
  }
  if (nuts3Code && !lookups.isKnownNuts3(nuts3Code))
    problems.push({ field: "nuts3Code", message: `${nuts3Code} is not a NUTS 3 region` });
  if (nuts3Code && countryCode && !nuts3Code.startsWith(countryCode)) {
    problems.push({ field: "nuts3Code", message: `${nuts3Code} is not in ${countryCode}` });
  }

  const manualDistrictCode = clean(raw.districtCode);
  if (manualDistrictCode) {
    const district = lookups.district(manualDistrictCode);
    if (!district)
      problems.push({ field: "districtCode", message: `no district has code ${manualDistrictCode}` });
    else if (countryCode && district.countryCode !== countryCode)
      problems.push({ field: "districtCode", message: `the district is in ${district.countryCode}` });
  }
  const placement = placeCompany({ municipalityDistrictCodes, manualDistrictCode });

  let headcount: number | null = null;
  if (raw.headcount !== undefined && String(raw.headcount).trim() !== "") {
    const value = Number(String(raw.headcount).trim());
    if (!Number.isInteger(value) || value < 0)
      problems.push({ field: "headcount", message: "must be a whole number of persons, 0 or more" });
    else headcount = value;
  }

  if (problems.length > 0 || !taxCode.isValid || !name) return { problems };
  const size = classifySize(
    { headcount: headcount ?? undefined, turnoverCents: undefined, balanceSheetTotalCents: undefined },
    lookups.sizeThresholds,
  );
  return {
    company: {
      countryCode,
      taxCode: taxCode.normalised,
      name,
      legalForm,
      atecoCode,
      address: clean(raw.address) ?? null,
      municipalityCode,
      nuts3Code,
      districtCode: placement.districtCode ?? null,
      districtSource: placement.districtSource ?? null,
      headcount,
      sizeClass: size.size,
    },
  };
}
