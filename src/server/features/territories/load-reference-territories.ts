import fs from "node:fs";
import path from "node:path";
import type { TerritoryKind } from "../../../domain/access/roles.ts";
import { parseCsvRecords } from "../../../domain/shared/parse-csv.ts";
import type { Database } from "../../db/client.ts";
import { packageRoot } from "../../paths.ts";
import { type TerritoryRecord, upsertTerritories } from "./territories.repo.ts";

export const referenceDataFolder = path.join(packageRoot, "reference-data");

const nutsKinds: Record<string, TerritoryKind> = { "0": "country", "1": "nuts1", "2": "nuts2", "3": "nuts3" };

function read(fileName: string): Record<string, string>[] {
  return parseCsvRecords(fs.readFileSync(path.join(referenceDataFolder, fileName), "utf8"));
}

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

/** Inserts or refreshes the reference territories; safe to run at every start. */
export async function loadReferenceTerritories(deps: { db: Database; clock: () => Date }): Promise<number> {
  const rows = readReferenceTerritories();
  await deps.db.transaction(async (tx) => upsertTerritories(tx, rows, deps.clock()));
  return rows.length;
}
