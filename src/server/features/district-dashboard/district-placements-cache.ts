import type { DistrictCompanyPlacement } from "../../../domain/district-dashboard/is-district-in-scope.ts";
import type { Database } from "../../db/client.ts";
import { findDistrictCompanyPlacements } from "./district-dashboard.repo.ts";

/** How long a district's placements are reused at most, whatever happens to its companies. */
export const placementsTimeToLiveMs = 30_000;

type CachedPlacements = { version: string; readAt: number; placements: DistrictCompanyPlacement[] };

// Per database (tests open several in one process), per district code.
const cacheByDatabase = new WeakMap<Database, Map<string, CachedPlacements>>();

/**
 * The distinct placements (country, NUTS 3) of a district's companies, which its dashboard's scope
 * check needs, read from the companies at most once per `placementsTimeToLiveMs` and per version of
 * the district's aggregates (`aggregatesVersion`: their latest computed_at), in this process.
 *
 * Staleness, and why it is safe for confidentiality: the dashboard shows the aggregates only. Cached
 * placements were read after the aggregates of the same version were computed, so every company
 * behind those figures that is still in the district is among them; a company placed in the district
 * later is not in the figures until a rebuild, and the rebuild's new computed_at drops the cached
 * placements before its figures are served. A company moved in without a rebuild changes the scope
 * decision (not the figures) at most `placementsTimeToLiveMs` late.
 */
export async function findCachedDistrictPlacements(
  db: Database,
  districtCode: string,
  aggregatesVersion: string,
  now: number = performance.now(),
): Promise<DistrictCompanyPlacement[]> {
  let cache = cacheByDatabase.get(db);
  if (!cache) {
    cache = new Map();
    cacheByDatabase.set(db, cache);
  }
  const cached = cache.get(districtCode);
  if (cached && cached.version === aggregatesVersion && now - cached.readAt < placementsTimeToLiveMs) {
    return cached.placements;
  }
  const placements = await findDistrictCompanyPlacements(db, districtCode);
  cache.set(districtCode, { version: aggregatesVersion, readAt: now, placements });
  return placements;
}
