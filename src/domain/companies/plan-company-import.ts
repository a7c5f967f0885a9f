import {
  type CompanyLookups,
  type NormalisedCompany,
  normaliseCompany,
  type RawCompany,
} from "./normalise-company.ts";

/** Accepted headers of the company list template, English first, Italian aliases after. */
export const companyColumnAliases: Record<keyof RawCompany, readonly string[]> = {
  countryCode: ["country", "country_code", "paese"],
  taxCode: ["tax_code", "vat_number", "codice_fiscale", "partita_iva"],
  name: ["name", "ragione_sociale", "denominazione"],
  legalForm: ["legal_form", "forma_giuridica"],
  atecoCode: ["ateco_code", "ateco", "nace_code"],
  address: ["address", "indirizzo"],
  municipalityCode: ["municipality_istat_code", "istat_code", "comune_istat"],
  nuts3Code: ["nuts3_code", "nuts3"],
  districtCode: ["district_code", "distretto"],
  headcount: ["headcount", "employees", "addetti"],
};

export type PlannedRow = {
  row: number;
  taxCode: string | null;
  name: string | null;
  outcome: "create" | "update" | "unchanged" | "error";
  messages: string[];
  company?: NormalisedCompany;
  existingId?: string;
};

export type ExistingCompany = { id: string } & Omit<NormalisedCompany, "sizeClass">;

const comparedFields = [
  "name",
  "legalForm",
  "atecoCode",
  "address",
  "municipalityCode",
  "nuts3Code",
  "districtCode",
  "districtSource",
  "headcount",
] as const;

function headerKey(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Which template field each header of the file fills, and the headers nobody understands. */
export function mapCompanyColumns(headers: readonly string[]): {
  fieldByHeader: Map<string, keyof RawCompany>;
  unknownHeaders: string[];
  missingFields: (keyof RawCompany)[];
} {
  const fieldByHeader = new Map<string, keyof RawCompany>();
  const unknownHeaders: string[] = [];
  for (const header of headers) {
    const field = (Object.keys(companyColumnAliases) as (keyof RawCompany)[]).find((candidate) =>
      companyColumnAliases[candidate].includes(headerKey(header)),
    );
    if (field) fieldByHeader.set(header, field);
    else unknownHeaders.push(header);
  }
  const found = new Set(fieldByHeader.values());
  const missingFields = (["countryCode", "taxCode", "name"] as const).filter((field) => !found.has(field));
  return { fieldByHeader, unknownHeaders, missingFields };
}

/**
 * Plans the import of a company list: each row is validated and normalised, matched by country
 * and tax code to what exists, and marked create, update, unchanged or error (a tax code twice in
 * the file is an error on its later rows). The caller applies the plan only when no row is in error.
 */
export function planCompanyImport(
  records: readonly Record<string, string>[],
  fieldByHeader: ReadonlyMap<string, keyof RawCompany>,
  existingByKey: ReadonlyMap<string, ExistingCompany>,
  lookups: CompanyLookups,
): PlannedRow[] {
  const seen = new Map<string, number>();
  return records.map((record, index) => {
    const row = index + 2;
    const raw: RawCompany = {};
    for (const [header, value] of Object.entries(record)) {
      const field = fieldByHeader.get(header);
      if (field) raw[field] = value;
    }
    const result = normaliseCompany(raw, lookups);
    if ("problems" in result) {
      return {
        row,
        taxCode: raw.taxCode?.trim() || null,
        name: raw.name?.trim() || null,
        outcome: "error",
        messages: result.problems.map((problem) => `${problem.field}: ${problem.message}`),
      };
    }
    const company = result.company;
    const key = `${company.countryCode}:${company.taxCode}`;
    const base = { row, taxCode: company.taxCode, name: company.name, company };
    const firstRow = seen.get(key);
    if (firstRow !== undefined) {
      return {
        ...base,
        outcome: "error",
        messages: [`taxCode: ${company.taxCode} already appears on line ${firstRow}`],
      };
    }
    seen.set(key, row);
    const existing = existingByKey.get(key);
    if (!existing) return { ...base, outcome: "create", messages: [] };
    const changed = comparedFields.filter((field) => existing[field] !== company[field]);
    if (changed.length === 0) return { ...base, outcome: "unchanged", messages: [], existingId: existing.id };
    return {
      ...base,
      outcome: "update",
      messages: [`changes: ${changed.join(", ")}`],
      existingId: existing.id,
    };
  });
}
