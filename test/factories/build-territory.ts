import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "../../src/server/db/client.ts";
import {
  type TerritoryRecord,
  upsertTerritories,
} from "../../src/server/features/territories/territories.repo.ts";

/** A territory (country and region rows are created as needed by their codes). */
export async function buildTerritory(
  database: DatabaseHandle,
  overrides: Partial<TerritoryRecord> & Pick<TerritoryRecord, "code" | "kind">,
): Promise<TerritoryRecord> {
  const countryCode = overrides.countryCode ?? overrides.code.slice(0, 2).toUpperCase();
  const territory: TerritoryRecord = {
    parentCode: null,
    countryCode,
    nameIt: `Territorio ${overrides.code}`,
    nameEn: `Territory ${overrides.code}`,
    nameLocal: `Territory ${overrides.code}`,
    centroidLatitude: null,
    centroidLongitude: null,
    ...overrides,
  };
  await upsertTerritories(database.db, [territory], new Date());
  return territory;
}

/** A fresh district with a unique code inside `parentCode`. */
export async function buildDistrict(
  database: DatabaseHandle,
  parentCode = "ITI15",
): Promise<TerritoryRecord> {
  return buildTerritory(database, {
    code: `district-${randomBytes(4).toString("hex")}`,
    kind: "district",
    parentCode,
    countryCode: parentCode.slice(0, 2),
  });
}
