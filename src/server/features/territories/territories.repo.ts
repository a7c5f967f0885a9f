import { and, asc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { TerritoryKind } from "../../../domain/access/roles.ts";
import type { Database } from "../../db/client.ts";
import { territories } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update">;

export type TerritoryRecord = {
  code: string;
  kind: TerritoryKind;
  parentCode: string | null;
  countryCode: string;
  nameIt: string;
  nameEn: string;
  nameLocal: string;
  centroidLatitude: number | null;
  centroidLongitude: number | null;
};

const columns = {
  code: territories.code,
  kind: territories.kind,
  parentCode: territories.parentCode,
  countryCode: territories.countryCode,
  nameIt: territories.nameIt,
  nameEn: territories.nameEn,
  nameLocal: territories.nameLocal,
  centroidLatitude: territories.centroidLatitude,
  centroidLongitude: territories.centroidLongitude,
};

export async function findTerritories(
  db: Executor,
  filter: {
    kind?: TerritoryKind | undefined;
    countryCode?: string | undefined;
    parentCode?: string | undefined;
    q?: string | undefined;
  },
): Promise<TerritoryRecord[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(territories.kind, filter.kind));
  if (filter.countryCode) conditions.push(eq(territories.countryCode, filter.countryCode));
  if (filter.parentCode) conditions.push(eq(territories.parentCode, filter.parentCode));
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, "\\$&")}%`;
    const match = or(
      ilike(territories.code, pattern),
      ilike(territories.nameIt, pattern),
      ilike(territories.nameEn, pattern),
      ilike(territories.nameLocal, pattern),
    );
    if (match) conditions.push(match);
  }
  const rows = await db
    .select(columns)
    .from(territories)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(territories.countryCode), asc(territories.code));
  return rows.map((row) => ({ ...row, kind: row.kind as TerritoryKind }));
}

export async function findTerritory(db: Executor, code: string): Promise<TerritoryRecord | undefined> {
  const rows = await db.select(columns).from(territories).where(eq(territories.code, code)).limit(1);
  return rows[0] ? { ...rows[0], kind: rows[0].kind as TerritoryKind } : undefined;
}

/** Inserts or refreshes territories by code (reference loading is idempotent). */
export async function upsertTerritories(db: Executor, rows: readonly TerritoryRecord[], at: Date) {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    await db
      .insert(territories)
      .values(chunk.map((row) => ({ ...row, createdAt: at, updatedAt: at })))
      .onConflictDoUpdate({
        target: territories.code,
        set: {
          kind: sqlExcluded("kind"),
          parentCode: sqlExcluded("parent_code"),
          countryCode: sqlExcluded("country_code"),
          nameIt: sqlExcluded("name_it"),
          nameEn: sqlExcluded("name_en"),
          nameLocal: sqlExcluded("name_local"),
          centroidLatitude: sqlExcluded("centroid_latitude"),
          centroidLongitude: sqlExcluded("centroid_longitude"),
          updatedAt: at,
        },
      });
  }
}

function sqlExcluded(column: string) {
  return sql.raw(`excluded."${column}"`);
}

export async function updateTerritory(
  db: Executor,
  code: string,
  changes: Partial<
    Pick<TerritoryRecord, "nameIt" | "nameEn" | "nameLocal" | "centroidLatitude" | "centroidLongitude">
  >,
  at: Date,
) {
  await db
    .update(territories)
    .set({ ...changes, updatedAt: at })
    .where(eq(territories.code, code));
}
