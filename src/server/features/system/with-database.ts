import type { Env } from "../../config/env.ts";
import { type Database, type DatabaseKind, openDatabase } from "../../db/client.ts";
import { createLogger } from "../../logging/logger.ts";
import { type JobQueue, startJobQueue } from "../jobs/job-queue.ts";
import { scoreUnscoredCompanies } from "../scoring/score-companies.ts";
import { initialiseInstallation } from "./initialise-installation.ts";

export type CommandContext = {
  db: Database;
  kind: DatabaseKind;
  clock: () => Date;
  /** The background queue with a worker in this process, when the command asked for it. */
  jobs?: JobQueue;
};

/**
 * For CLI commands: opens the configured database (taking the embedded folder's lock), brings it
 * up to date (schema, reference data, scores under the active rule sets), runs `work`, and closes it.
 * With `hasJobQueue` the command has its own queue worker: a CLI has no server, and a server on the
 * same PostgreSQL database may take the jobs too — either way the job runs show when they are done.
 */
export async function withDatabase<Result>(
  env: Env,
  command: string,
  work: (context: CommandContext) => Promise<Result>,
  options: { hasJobQueue?: boolean } = {},
): Promise<Result> {
  const clock = () => new Date();
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, command });
  let jobs: JobQueue | undefined;
  try {
    await initialiseInstallation(database, clock);
    await scoreUnscoredCompanies({ db: database.db, clock });
    if (options.hasJobQueue) {
      // Logs go to stderr, and only problems: stdout carries the command's report.
      const logger = createLogger(env.logLevel === "silent" ? "silent" : "warn", (line) =>
        process.stderr.write(`${line}\n`),
      );
      jobs = await startJobQueue({ database, clock, logger });
    }
    return await work({ db: database.db, kind: database.kind, clock, ...(jobs ? { jobs } : {}) });
  } finally {
    await jobs?.stop();
    await database.close();
  }
}

/** Thrown when a server holds the embedded database; it names where that server listens. */
export { DataDirLockedError } from "../../db/data-dir-lock.ts";
