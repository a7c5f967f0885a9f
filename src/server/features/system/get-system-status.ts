import type { Database, DatabaseKind } from "../../db/client.ts";
import { readMigrations } from "../../db/migrate.ts";
import { AppError } from "../../http/errors.ts";
import {
  findAppliedMigrations,
  findInstallation,
  findServerVersion,
  type Installation,
} from "./system.repo.ts";

export type SystemStatus = {
  version: string;
  databaseKind: DatabaseKind;
  serverVersion: string;
  schemaVersion: string;
  migrationsApplied: number;
  installation: Installation;
  serverTime: Date;
};

export async function getSystemStatus(deps: {
  db: Database;
  databaseKind: DatabaseKind;
  version: string;
  clock: () => Date;
}): Promise<SystemStatus> {
  const [serverVersion, applied, installation] = await Promise.all([
    findServerVersion(deps.db),
    findAppliedMigrations(deps.db),
    findInstallation(deps.db),
  ]);
  if (!installation) {
    throw new AppError(
      "service_unavailable",
      "This installation has not been initialised; run `sector migrate`.",
    );
  }
  const latest = readMigrations().find(
    (migration) => migration.createdAtMillis === applied.latestCreatedAtMillis,
  );
  return {
    version: deps.version,
    databaseKind: deps.databaseKind,
    serverVersion,
    schemaVersion: latest?.tag ?? "unknown",
    migrationsApplied: applied.count,
    installation,
    serverTime: deps.clock(),
  };
}
