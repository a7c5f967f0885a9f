import { smeThresholds2003 } from "../../../domain/companies/classify-size.ts";
import type { CompanyLookups } from "../../../domain/companies/normalise-company.ts";
import type { Database } from "../../db/client.ts";
import { findReferenceLookupData } from "./registry.repo.ts";

/** The reference data a company is validated against, as lookups for the pure normaliser. */
export async function buildCompanyLookups(db: Database): Promise<CompanyLookups> {
  const data = await findReferenceLookupData(db);
  const districtsByMunicipality = new Map<string, string[]>();
  for (const row of data.districtRows) {
    districtsByMunicipality.set(row.municipalityCode, [
      ...(districtsByMunicipality.get(row.municipalityCode) ?? []),
      row.districtCode,
    ]);
  }
  const municipalityNuts3 = new Map(data.municipalityRows.map((row) => [row.istatCode, row.nuts3Code]));
  const territoryByCode = new Map(data.territoryRows.map((row) => [row.code, row]));
  const sectorCodes = new Set(data.sectorCodes);
  return {
    isKnownCountry: (code) => territoryByCode.get(code)?.kind === "country",
    isKnownSector: (code) => sectorCodes.has(code),
    municipality: (code) => {
      const nuts3Code = municipalityNuts3.get(code);
      return nuts3Code ? { nuts3Code, districtCodes: districtsByMunicipality.get(code) ?? [] } : undefined;
    },
    district: (code) => {
      const territory = territoryByCode.get(code);
      return territory?.kind === "district" ? { countryCode: territory.countryCode } : undefined;
    },
    isKnownNuts3: (code) => territoryByCode.get(code)?.kind === "nuts3",
    sizeThresholds: smeThresholds2003,
  };
}
