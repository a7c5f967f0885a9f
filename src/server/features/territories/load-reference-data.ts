import type { Database } from "../../db/client.ts";
import {
  readDistrictMunicipalities,
  readItalianRegionsAndProvinces,
  readMunicipalities,
  readSectors,
} from "./read-reference-places.ts";
import { readReferenceTerritories } from "./read-reference-territories.ts";
import {
  findReferenceDataHash,
  insertDistrictMunicipalities,
  saveReferenceDataHash,
  upsertMunicipalities,
  upsertProvinces,
  upsertRegions,
  upsertSectors,
} from "./reference.repo.ts";
import { computeReferenceDataHash } from "./reference-files.ts";
import { upsertTerritories } from "./territories.repo.ts";

/**
 * Loads the shipped reference data (territories, Italian regions, provinces and municipalities,
 * district compositions, sectors with CNDCEC groups) in one transaction, only when the files
 * changed since the last load. Idempotent: rows are upserted by code.
 */
export async function loadReferenceData(deps: {
  db: Database;
  clock: () => Date;
}): Promise<{ isLoaded: boolean }> {
  const hash = computeReferenceDataHash();
  if ((await findReferenceDataHash(deps.db)) === hash) return { isLoaded: false };
  const territories = readReferenceTerritories();
  const { regions, provinces } = readItalianRegionsAndProvinces();
  const municipalities = readMunicipalities();
  const districtMunicipalities = readDistrictMunicipalities(municipalities);
  const sectors = readSectors();
  await deps.db.transaction(async (tx) => {
    await upsertTerritories(tx, territories, deps.clock());
    await upsertRegions(tx, regions);
    await upsertProvinces(tx, provinces);
    await upsertMunicipalities(tx, municipalities);
    await insertDistrictMunicipalities(tx, districtMunicipalities);
    await upsertSectors(tx, sectors);
    await saveReferenceDataHash(tx, hash);
  });
  return { isLoaded: true };
}
