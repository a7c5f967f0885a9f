import type { DatabaseHandle } from "../../db/client.ts";
import { type MigrationReport, migrate } from "../../db/migrate.ts";
import { loadReferenceTerritories } from "../territories/load-reference-territories.ts";
import { createInstallationIfMissing } from "./system.repo.ts";

/** Brings the database to the current schema, records the installation and loads reference territories. */
export async function initialiseInstallation(
  handle: DatabaseHandle,
  clock: () => Date,
): Promise<MigrationReport> {
  const report = await migrate(handle);
  await createInstallationIfMissing(handle.db, clock());
  await loadReferenceTerritories({ db: handle.db, clock });
  return report;
}
