import { asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { seriesImportProfiles } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "update" | "delete">;

export type ImportProfileRecord = {
  id: string;
  name: string;
  mapping: unknown;
  createdByUserId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const columns = {
  id: seriesImportProfiles.id,
  name: seriesImportProfiles.name,
  mapping: seriesImportProfiles.mapping,
  createdByUserId: seriesImportProfiles.createdByUserId,
  createdAt: seriesImportProfiles.createdAt,
  updatedAt: seriesImportProfiles.updatedAt,
};

export async function findImportProfiles(db: Executor): Promise<ImportProfileRecord[]> {
  return db.select(columns).from(seriesImportProfiles).orderBy(asc(seriesImportProfiles.name));
}

export async function findImportProfileByName(
  db: Executor,
  name: string,
): Promise<ImportProfileRecord | undefined> {
  const rows = await db
    .select(columns)
    .from(seriesImportProfiles)
    .where(eq(seriesImportProfiles.name, name))
    .limit(1);
  return rows[0];
}

export async function findImportProfileById(
  db: Executor,
  id: string,
): Promise<ImportProfileRecord | undefined> {
  const rows = await db
    .select(columns)
    .from(seriesImportProfiles)
    .where(eq(seriesImportProfiles.id, id))
    .limit(1);
  return rows[0];
}

export async function insertImportProfile(
  db: Executor,
  profile: { name: string; mapping: unknown; createdByUserId: string | null },
  at: Date,
): Promise<ImportProfileRecord> {
  const rows = await db
    .insert(seriesImportProfiles)
    .values({ ...profile, createdAt: at, updatedAt: at })
    .returning(columns);
  return rows[0] as ImportProfileRecord;
}

export async function updateImportProfile(
  db: Executor,
  id: string,
  profile: { name: string; mapping: unknown },
  at: Date,
): Promise<ImportProfileRecord | undefined> {
  const rows = await db
    .update(seriesImportProfiles)
    .set({ ...profile, updatedAt: at })
    .where(eq(seriesImportProfiles.id, id))
    .returning(columns);
  return rows[0];
}

export async function deleteImportProfile(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .delete(seriesImportProfiles)
    .where(eq(seriesImportProfiles.id, id))
    .returning({ id: seriesImportProfiles.id });
  return rows.length > 0;
}
