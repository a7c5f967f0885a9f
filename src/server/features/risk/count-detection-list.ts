import {
  type DetectionCount,
  type DetectionFilters,
  detectionExportCap,
} from "../../../contracts/detection.ts";
import type { Database } from "../../db/client.ts";
import type { Principal } from "../auth/principal.ts";
import { countDetectionRows } from "./detection.repo.ts";
import { resolveDetectionQuery } from "./find-detection-page.ts";

/**
 * Counts exactly the companies of the user's scope a filtered list matches (the list itself counts up to a
 * bound): the list screen asks before offering an export, which holds at most `exportCap` rows.
 */
export async function countDetectionList(
  deps: { db: Database; exportCap?: number },
  principal: Principal,
  filters: DetectionFilters,
): Promise<DetectionCount> {
  const resolved = await resolveDetectionQuery(deps, principal, filters);
  const total = await countDetectionRows(deps.db, resolved.scope, resolved.filter, principal.userId);
  return { total, exportCap: deps.exportCap ?? detectionExportCap };
}
