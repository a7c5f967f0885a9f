import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type DatabaseHandle, openPostgres, pgliteExtensions, wrapPglite } from "../src/server/db/client.ts";

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A migrated database for one test file: PGlite loaded from the golden image, or, when
 * TEST_DATABASE_URL is set, a PostgreSQL database copied from the migrated template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const templateUrl = inject("templateDatabaseUrl");
  if (!templateUrl) {
    const image = fs.readFileSync(inject("goldenImagePath"));
    const client = await PGlite.create({ loadDataDir: new Blob([image]), extensions: pgliteExtensions });
    return wrapPglite(client);
  }
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template}_${randomBytes(5).toString("hex")}`;
  // Connect to the maintenance database: a template must have no open connections.
  const admin = new pg.Client({ connectionString: withDatabaseName(templateUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const handle = openPostgres(withDatabaseName(templateUrl, name), 5);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: withDatabaseName(templateUrl, "postgres") });
      await cleanup.connect();
      try {
        await cleanup.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
