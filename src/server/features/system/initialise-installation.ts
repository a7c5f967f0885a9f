import type { DatabaseHandle } from "../../db/client.ts";
import { type MigrationReport, migrate } from "../../db/migrate.ts";
import { loadReferenceData } from "../territories/load-reference-data.ts";
import { createInstallationIfMissing } from "./system.repo.ts";

/** Brings the database to the current schema, records the installation and loads the reference data. */
export async function initialiseInstallation(
  handle: DatabaseHandle,
  clock: () => Date,
): Promise<MigrationReport> {
  const report = await migrate(handle);
  await createInstallationIfMissing(handle.db, clock());
  await loadReferenceData({ db: handle.db, clock });
  return report;
}
