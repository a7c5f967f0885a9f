import type { TerritoryKind } from "../../../domain/access/roles.ts";
import { readReferenceFile as read } from "./reference-files.ts";
import type { TerritoryRecord } from "./territories.repo.ts";

const nutsKinds: Record<string, TerritoryKind> = { "0": "country", "1": "nuts1", "2": "nuts2", "3": "nuts3" };

function optionalNumber(text: string | undefined): number | null {
  return text && text.trim() !== "" ? Number(text) : null;
}

/**
 * The partner countries, their NUTS 2021 regions (Extra-Regio units left out) and the industrial
 * districts shipped in reference-data/, as territory rows. NUTS labels are Eurostat's national
 * names, used for every language (the source has no translations).
 */
export function readReferenceTerritories(): TerritoryRecord[] {
  const countries = new Map(read("countries.csv").map((row) => [row.code, row]));
  const regions = read("nuts-2021.csv")
    .filter((row) => countries.has(row.country ?? "") && !/Z+$/.test((row.code ?? "").slice(2)))
    .map((row): TerritoryRecord => {
      const country = row.level === "0" ? countries.get(row.code ?? "") : undefined;
      return {
        code: row.code ?? "",
        kind: nutsKinds[row.level ?? ""] ?? "nuts3",
        parentCode: row.parent_code || null,
        countryCode: row.country ?? "",
        nameIt: country?.name_it ?? row.name ?? "",
        nameEn: country?.name_en ?? row.name ?? "",
        nameLocal: country?.name_local ?? row.name ?? "",
        centroidLatitude: null,
        centroidLongitude: null,
      };
    });
  const districts = read("districts.csv").map(
    (row): TerritoryRecord => ({
      code: row.id ?? "",
      kind: "district",
      parentCode: row.nuts3 ?? null,
      countryCode: row.country ?? "",
      nameIt: row.name_it ?? "",
      nameEn: row.name_en ?? "",
      nameLocal: row.name_local ?? "",
      centroidLatitude: optionalNumber(row.centroid_lat),
      centroidLongitude: optionalNumber(row.centroid_lon),
    }),
  );
  return [...regions, ...districts];
}
