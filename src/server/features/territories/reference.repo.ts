import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import {
  districtMunicipalities,
  installations,
  italianProvinces,
  italianRegions,
  municipalities,
  sectors,
} from "../../db/schema.ts";
import type { MunicipalityRow, ProvinceRow, RegionRow, SectorRow } from "./read-reference-places.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

const chunkSize = 500;

async function inChunks<Row>(rows: readonly Row[], write: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += chunkSize)
    await write(rows.slice(start, start + chunkSize));
}

function excluded(column: string) {
  return sql.raw(`excluded."${column}"`);
}

export async function findReferenceDataHash(db: Executor): Promise<string | null> {
  const rows = await db.select({ hash: installations.referenceDataHash }).from(installations).limit(1);
  return rows[0]?.hash ?? null;
}

export async function saveReferenceDataHash(db: Executor, hash: string) {
  await db.update(installations).set({ referenceDataHash: hash }).where(eq(installations.id, 1));
}

export async function upsertRegions(db: Executor, rows: RegionRow[]) {
  await db
    .insert(italianRegions)
    .values(rows)
    .onConflictDoUpdate({
      target: italianRegions.code,
      set: { name: excluded("name"), nuts1Code: excluded("nuts1_code"), nuts2Codes: excluded("nuts2_codes") },
    });
}

export async function upsertProvinces(db: Executor, rows: ProvinceRow[]) {
  await db
    .insert(italianProvinces)
    .values(rows)
    .onConflictDoUpdate({
      target: italianProvinces.code,
      set: {
        name: excluded("name"),
        plateCode: excluded("plate_code"),
        regionCode: excluded("region_code"),
        nuts3Code: excluded("nuts3_code"),
      },
    });
}

export async function upsertMunicipalities(db: Executor, rows: MunicipalityRow[]) {
  await inChunks(rows, (chunk) =>
    db
      .insert(municipalities)
      .values(chunk)
      .onConflictDoUpdate({
        target: municipalities.istatCode,
        set: {
          name: excluded("name"),
          nameOtherLanguage: excluded("name_other_language"),
          provinceCode: excluded("province_code"),
          nuts3Code: excluded("nuts3_code"),
          cadastralCode: excluded("cadastral_code"),
          isProvincialCapital: excluded("is_provincial_capital"),
        },
      }),
  );
}

export async function upsertSectors(db: Executor, rows: SectorRow[]) {
  await inChunks(rows, (chunk) =>
    db
      .insert(sectors)
      .values(chunk)
      .onConflictDoUpdate({
        target: sectors.code,
        set: {
          level: excluded("level"),
          parentCode: excluded("parent_code"),
          sectionCode: excluded("section_code"),
          titleIt: excluded("title_it"),
          titleEn: excluded("title_en"),
          cndcecGroup: excluded("cndcec_group"),
          cndcecStatus: excluded("cndcec_status"),
        },
      }),
  );
}

export async function insertDistrictMunicipalities(
  db: Executor,
  rows: { districtCode: string; municipalityCode: string }[],
) {
  await inChunks(rows, (chunk) => db.insert(districtMunicipalities).values(chunk).onConflictDoNothing());
}
