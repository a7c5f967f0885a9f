import { type CndcecGroupRow, mapCndcecGroup } from "../../../domain/sectors/map-cndcec-group.ts";
import { readReferenceFile } from "./reference-files.ts";

export type RegionRow = { code: string; name: string; nuts1Code: string; nuts2Codes: string[] };
export type ProvinceRow = {
  code: string;
  name: string;
  plateCode: string;
  regionCode: string;
  nuts3Code: string;
};
export type MunicipalityRow = {
  istatCode: string;
  name: string;
  nameOtherLanguage: string | null;
  provinceCode: string;
  nuts3Code: string;
  cadastralCode: string;
  isProvincialCapital: boolean;
  latitude: number | null;
  longitude: number | null;
};
export type SectorRow = {
  code: string;
  level: string;
  parentCode: string | null;
  sectionCode: string;
  titleIt: string;
  titleEn: string | null;
  cndcecGroup: number | null;
  cndcecStatus: "mapped" | "no_benchmark" | "not_mapped";
};

/** Italian regions and provinces with ISTAT and NUTS 2021 codes (Istat, 1 January 2023). */
export function readItalianRegionsAndProvinces(): { regions: RegionRow[]; provinces: ProvinceRow[] } {
  const rows = readReferenceFile("it-regioni-province.csv");
  return {
    regions: rows
      .filter((row) => row.type === "region")
      .map((row) => ({
        code: row.code ?? "",
        name: row.name ?? "",
        nuts1Code: row.nuts1_2021 ?? "",
        nuts2Codes: (row.nuts2_2021 ?? "").split("|").filter(Boolean),
      })),
    provinces: rows
      .filter((row) => row.type === "province")
      .map((row) => ({
        code: row.code ?? "",
        name: row.name ?? "",
        plateCode: row.sigla ?? "",
        regionCode: row.region_code ?? "",
        nuts3Code: row.nuts3_2021 ?? "",
      })),
  };
}

/** Italian municipalities (Istat, 1 January 2023). The source has no coordinates: they stay empty. */
export function readMunicipalities(): MunicipalityRow[] {
  return readReferenceFile("it-comuni.csv").map((row) => ({
    istatCode: row.istat_code ?? "",
    name: row.name ?? "",
    nameOtherLanguage: row.name_other_language || null,
    provinceCode: row.uts_code ?? "",
    nuts3Code: row.nuts3_2021 ?? "",
    cadastralCode: row.codice_catastale ?? "",
    isProvincialCapital: row.is_capoluogo === "1",
    latitude: null,
    longitude: null,
  }));
}

/**
 * ATECO 2007 (Italian titles, six levels) joined with NACE Rev. 2 (English titles down to the
 * class level; ATECO's own categories and subcategories have no English title in the sources),
 * each code with its CNDCEC 2019 sector group.
 */
export function readSectors(): SectorRow[] {
  const nace = new Map(readReferenceFile("nace-rev2.csv").map((row) => [row.code ?? "", row.title_en ?? ""]));
  const ateco = readReferenceFile("ateco-2007.csv");
  const sectionOfDivision = new Map(
    ateco.filter((row) => row.level === "division").map((row) => [row.code ?? "", row.section ?? ""]),
  );
  const table: CndcecGroupRow[] = readReferenceFile("cndcec-sector-groups.csv").map((row) => ({
    atecoPrefix: row.ateco_prefix ?? "",
    group: row.group ? Number(row.group) : undefined,
  }));
  return ateco.map((row) => {
    const code = row.code ?? "";
    const mapping = mapCndcecGroup(code, (division) => sectionOfDivision.get(division), table);
    return {
      code,
      level: row.level ?? "",
      parentCode: row.parent_code || null,
      sectionCode: row.section ?? "",
      titleIt: row.title_it ?? "",
      titleEn: nace.get(code) ?? null,
      cndcecGroup: mapping.status === "mapped" ? mapping.group : null,
      cndcecStatus: mapping.status,
    };
  });
}

/** Demo districts are defined by one NUTS 3 area: all its municipalities belong to the district. */
export function readDistrictMunicipalities(
  municipalities: MunicipalityRow[],
): { districtCode: string; municipalityCode: string }[] {
  const districts = readReferenceFile("districts.csv");
  return districts.flatMap((district) =>
    municipalities
      .filter((municipality) => municipality.nuts3Code === district.nuts3)
      .map((municipality) => ({ districtCode: district.id ?? "", municipalityCode: municipality.istatCode })),
  );
}
