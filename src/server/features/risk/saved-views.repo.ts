import { and, asc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { savedViews } from "../../db/schema.ts";

type Executor = Pick<Database, "insert" | "select" | "delete" | "update">;

export type SavedViewRow = {
  id: string;
  name: string;
  filters: unknown;
  createdAt: Date;
  updatedAt: Date;
};

const savedViewColumns = {
  id: savedViews.id,
  name: savedViews.name,
  filters: savedViews.filters,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
};

export async function findSavedViews(db: Executor, userId: string): Promise<SavedViewRow[]> {
  return db
    .select(savedViewColumns)
    .from(savedViews)
    .where(eq(savedViews.userId, userId))
    .orderBy(asc(savedViews.name));
}

export async function findSavedViewByName(db: Executor, userId: string, name: string) {
  const rows = await db
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.name, name)))
    .limit(1);
  return rows[0];
}

/** Inserts the view unless the user has one of that name; undefined then. */
export async function insertSavedView(
  db: Executor,
  view: { userId: string; name: string; filters: unknown },
  at: Date,
): Promise<SavedViewRow | undefined> {
  const rows = await db
    .insert(savedViews)
    .values({ ...view, createdAt: at, updatedAt: at })
    .onConflictDoNothing({ target: [savedViews.userId, savedViews.name] })
    .returning(savedViewColumns);
  return rows[0];
}

export async function updateSavedView(
  db: Executor,
  userId: string,
  viewId: string,
  changes: { name?: string | undefined; filters?: unknown },
  at: Date,
): Promise<SavedViewRow | undefined> {
  const rows = await db
    .update(savedViews)
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.filters !== undefined ? { filters: changes.filters } : {}),
      updatedAt: at,
    })
    .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, userId)))
    .returning(savedViewColumns);
  return rows[0];
}

export async function deleteSavedView(db: Executor, userId: string, viewId: string) {
  const rows = await db
    .delete(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, userId)))
    .returning({ id: savedViews.id });
  return rows.length > 0;
}

export async function countSavedViews(db: Executor, userId: string): Promise<number> {
  const rows = await db.select({ id: savedViews.id }).from(savedViews).where(eq(savedViews.userId, userId));
  return rows.length;
}
