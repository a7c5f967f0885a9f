import type { HealthResponse, SystemStatus as SystemStatusBody } from "../../../contracts/system.ts";
import type { Health } from "./get-health.ts";
import type { SystemStatus } from "./get-system-status.ts";

export function presentHealth(health: Health): HealthResponse {
  return {
    status: health.isDatabaseReachable ? "ok" : "degraded",
    database: health.isDatabaseReachable ? "ok" : "unreachable",
    checkedAt: health.checkedAt.toISOString(),
  };
}

export function presentSystemStatus(status: SystemStatus): SystemStatusBody {
  return {
    name: "SECTOR",
    version: status.version,
    database: {
      kind: status.databaseKind,
      serverVersion: status.serverVersion,
      schemaVersion: status.schemaVersion,
      migrationsApplied: status.migrationsApplied,
    },
    installation: {
      installedAt: status.installation.installedAt.toISOString(),
      defaultLocale: status.installation.defaultLocale,
    },
    serverTime: status.serverTime.toISOString(),
  };
}
