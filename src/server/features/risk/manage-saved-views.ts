import {
  type DetectionFilters,
  DetectionFiltersSchema,
  type SavedView,
} from "../../../contracts/detection.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import {
  countSavedViews,
  deleteSavedView,
  findSavedViewByName,
  findSavedViews,
  insertSavedView,
  type SavedViewRow,
  updateSavedView,
} from "./saved-views.repo.ts";

type Deps = { db: Database; clock: () => Date };

/** A user keeps at most this many views (a list of filters, not a data store). */
const maximumViewsPerUser = 100;

function presentSavedView(row: SavedViewRow): SavedView {
  // Stored filters were validated when saved; a view from an older contract keeps what still parses.
  const parsed = DetectionFiltersSchema.safeParse(row.filters);
  return {
    id: row.id,
    name: row.name,
    filters: parsed.success ? parsed.data : DetectionFiltersSchema.parse({}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function nameTaken(name: string): AppError {
  return new AppError("conflict", `You already have a view named "${name}".`, [
    { path: "body.name", message: "already used by another of your views" },
  ]);
}

export async function findUserSavedViews(deps: Deps, userId: string): Promise<SavedView[]> {
  return (await findSavedViews(deps.db, userId)).map(presentSavedView);
}

/** Saves the detection list's filters under a name unique to the user. */
export async function createSavedView(
  deps: Deps,
  userId: string,
  input: { name: string; filters: DetectionFilters },
): Promise<SavedView> {
  return deps.db.transaction(async (transaction) => {
    if ((await countSavedViews(transaction, userId)) >= maximumViewsPerUser) {
      throw new AppError("conflict", `You can keep at most ${maximumViewsPerUser} views; delete one first.`);
    }
    const row = await insertSavedView(transaction, { userId, ...input }, deps.clock());
    if (!row) throw nameTaken(input.name);
    return presentSavedView(row);
  });
}

/** Renames a view or replaces its filters; another user's view does not exist (404). */
export async function changeSavedView(
  deps: Deps,
  userId: string,
  viewId: string,
  changes: { name?: string | undefined; filters?: DetectionFilters | undefined },
): Promise<SavedView> {
  return deps.db.transaction(async (transaction) => {
    if (changes.name !== undefined) {
      const existing = await findSavedViewByName(transaction, userId, changes.name);
      if (existing && existing.id !== viewId) throw nameTaken(changes.name);
    }
    const row = await updateSavedView(transaction, userId, viewId, changes, deps.clock());
    if (!row) throw new AppError("not_found", "No such saved view.");
    return presentSavedView(row);
  });
}

export async function removeSavedView(deps: Deps, userId: string, viewId: string): Promise<void> {
  if (!(await deleteSavedView(deps.db, userId, viewId))) {
    throw new AppError("not_found", "No such saved view.");
  }
}
