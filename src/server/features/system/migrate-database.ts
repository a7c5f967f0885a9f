import type { Env } from "../../config/env.ts";
import { openDatabase } from "../../db/client.ts";
import type { MigrationReport } from "../../db/migrate.ts";
import { initialiseInstallation } from "./initialise-installation.ts";

/** Opens the configured database, applies pending migrations, and closes it again. */
export async function migrateDatabase(
  env: Env,
  clock: () => Date,
): Promise<MigrationReport & { kind: string }> {
  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    command: "sector migrate",
  });
  try {
    const report = await initialiseInstallation(database, clock);
    return { ...report, kind: database.kind };
  } finally {
    await database.close();
  }
}
