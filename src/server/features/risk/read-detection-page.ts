import type { DetectionListQuery } from "../../../contracts/detection.ts";
import type { Database } from "../../db/client.ts";
import type { Principal } from "../auth/principal.ts";
import { presentDetectionItem } from "./detection.presenter.ts";
import type { DetectionPageCache } from "./detection-page-cache.ts";
import { detectionScopeOf, findDetectionPage } from "./find-detection-page.ts";

/**
 * A detection-list page as the JSON the API sends: from the page cache when the same user, scope and
 * query were read since the last change notified (ADR 010), else read and presented (and kept).
 */
export async function readDetectionPage(
  deps: { db: Database; clock: () => Date; detectionPageCache?: DetectionPageCache | undefined },
  principal: Principal,
  query: DetectionListQuery,
): Promise<string> {
  const load = async () => {
    const page = await findDetectionPage(deps, principal, query);
    return JSON.stringify({ ...page, items: page.items.map(presentDetectionItem) });
  };
  if (!deps.detectionPageCache) return load();
  const key = JSON.stringify([principal.userId, detectionScopeOf(principal), query]);
  return deps.detectionPageCache.read(key, load);
}
