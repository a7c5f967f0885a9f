import { sql } from "drizzle-orm";
import { type Database, queryRows } from "../../db/client.ts";
import { installations } from "../../db/schema.ts";

export type Installation = { defaultLocale: "it" | "en"; installedAt: Date };
export type AppliedMigrations = { count: number; latestCreatedAtMillis: number | undefined };

export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

export async function findServerVersion(db: Database): Promise<string> {
  const rows = await queryRows<{ version: string }>(
    db,
    sql`select current_setting('server_version') as version`,
  );
  return rows[0]?.version ?? "unknown";
}

export async function findAppliedMigrations(db: Database): Promise<AppliedMigrations> {
  const rows = await queryRows<{ count: string | number; latest: string | number | null }>(
    db,
    sql`select count(*) as count, max(created_at) as latest from drizzle.__drizzle_migrations`,
  );
  const row = rows[0];
  return {
    count: Number(row?.count ?? 0),
    latestCreatedAtMillis: row?.latest == null ? undefined : Number(row.latest),
  };
}

export async function findInstallation(db: Database): Promise<Installation | undefined> {
  const rows = await db.select().from(installations).limit(1);
  const row = rows[0];
  if (!row) return undefined;
  return { defaultLocale: row.defaultLocale === "en" ? "en" : "it", installedAt: row.createdAt };
}

/** Inserts the installation row once; later calls leave it as it is. */
export async function createInstallationIfMissing(db: Database, installedAt: Date): Promise<void> {
  await db
    .insert(installations)
    .values({ id: 1, createdAt: installedAt, updatedAt: installedAt })
    .onConflictDoNothing();
}
