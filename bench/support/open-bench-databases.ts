import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type DatabaseHandle, openDatabase, openPostgres, queryRows } from "../../src/server/db/client.ts";
import { migrate } from "../../src/server/db/migrate.ts";
import { loadReferenceData } from "../../src/server/features/territories/load-reference-data.ts";

export type BenchDatabase = { name: string; handle: DatabaseHandle; dispose(): Promise<void> };

const clock = () => new Date();

/** Migrated, with the installation row and the shipped reference data, as `sector serve` leaves it. */
async function prepare(handle: DatabaseHandle): Promise<void> {
  await migrate(handle);
  await queryRows(handle.db, sql`insert into installations (id) values (1) on conflict do nothing`);
  await loadReferenceData({ db: handle.db, clock });
}

/** A fresh embedded database in a temporary folder, removed by dispose(). */
export async function openBenchPglite(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sector-bench-"));
  const handle = await openDatabase({ databaseUrl: undefined, dataDir, command: "bench:ingest" });
  await prepare(handle);
  return {
    name: "PGlite",
    handle,
    async dispose() {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether the server answers at `adminUrl` (a failed connection is the answer "no", with its message). */
export async function probePostgres(adminUrl: string): Promise<{ isReachable: boolean; message: string }> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const result = await client.query<{ version: string }>("select version() as version");
    return { isReachable: true, message: result.rows[0]?.version ?? "" };
  } catch (error) {
    return { isReachable: false, message: error instanceof Error ? error.message : String(error) };
  } finally {
    await client.end().catch(() => {});
  }
}

async function runAdmin(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database `sector_bench_<timestamp>` on the server of `adminUrl`, dropped by dispose(). */
export async function openBenchPostgres(adminUrl: string): Promise<BenchDatabase> {
  const databaseName = `sector_bench_${Date.now()}`;
  await runAdmin(adminUrl, `create database ${databaseName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${databaseName}`;
  const handle = openPostgres(url.toString(), 4);
  const dispose = async () => {
    await handle.close();
    await runAdmin(adminUrl, `drop database if exists ${databaseName}`);
  };
  try {
    await prepare(handle);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { name: `PostgreSQL (${databaseName})`, handle, dispose };
}
