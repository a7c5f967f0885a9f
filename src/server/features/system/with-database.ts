import type { Env } from "../../config/env.ts";
import { type Database, type DatabaseKind, openDatabase } from "../../db/client.ts";
import { scoreUnscoredCompanies } from "../scoring/score-companies.ts";
import { initialiseInstallation } from "./initialise-installation.ts";

export type CommandContext = { db: Database; kind: DatabaseKind; clock: () => Date };

/**
 * For CLI commands: opens the configured database (taking the embedded folder's lock), brings it
 * up to date (schema, reference data, scores under the active rule sets), runs `work`, and closes it.
 */
export async function withDatabase<Result>(
  env: Env,
  command: string,
  work: (context: CommandContext) => Promise<Result>,
): Promise<Result> {
  const clock = () => new Date();
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, command });
  try {
    await initialiseInstallation(database, clock);
    await scoreUnscoredCompanies({ db: database.db, clock });
    return await work({ db: database.db, kind: database.kind, clock });
  } finally {
    await database.close();
  }
}

/** Thrown when a server holds the embedded database; it names where that server listens. */
export { DataDirLockedError } from "../../db/data-dir-lock.ts";
