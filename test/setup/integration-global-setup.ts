import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { openPostgres, pgliteExtensions, wrapPglite } from "../../src/server/db/client.ts";
import { migrate } from "../../src/server/db/migrate.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** PGlite data-directory dump of a freshly migrated database (embedded runs). */
    goldenImagePath: string;
    /** Migrated PostgreSQL database each test file copies as a template (TEST_DATABASE_URL runs). */
    templateDatabaseUrl: string;
  }
}

/**
 * Runs the migrations once: on PGlite it dumps the migrated data directory (the golden image
 * every test file loads); with TEST_DATABASE_URL it migrates that database to serve as template.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.TEST_DATABASE_URL;
  if (databaseUrl) {
    const handle = openPostgres(databaseUrl, 2);
    await migrate(handle);
    await handle.close();
    project.provide("templateDatabaseUrl", databaseUrl);
    project.provide("goldenImagePath", "");
    return;
  }
  const client = await PGlite.create({ extensions: pgliteExtensions });
  await migrate(wrapPglite(client));
  const dump = await client.dumpDataDir("none");
  await client.close();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "sector-golden-"));
  const goldenImagePath = path.join(folder, "golden.tar");
  fs.writeFileSync(goldenImagePath, Buffer.from(await dump.arrayBuffer()));
  project.provide("goldenImagePath", goldenImagePath);
  project.provide("templateDatabaseUrl", "");
  return () => fs.rmSync(folder, { recursive: true, force: true });
}
