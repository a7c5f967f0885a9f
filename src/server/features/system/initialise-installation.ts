import type { DatabaseHandle } from "../../db/client.ts";
import { type MigrationReport, migrate } from "../../db/migrate.ts";
import { createInstallationIfMissing } from "./system.repo.ts";

/** Brings the database to the current schema and records the installation on first start. */
export async function initialiseInstallation(
  handle: DatabaseHandle,
  clock: () => Date,
): Promise<MigrationReport> {
  const report = await migrate(handle);
  await createInstallationIfMissing(handle.db, clock());
  return report;
}
