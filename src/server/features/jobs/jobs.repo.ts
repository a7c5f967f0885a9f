import { desc, eq } from "drizzle-orm";
import type { Database } from "../../db/client.ts";
import { jobRuns } from "../../db/schema.ts";

export type JobRunState = "queued" | "running" | "succeeded" | "failed";
export type JobRunRow = typeof jobRuns.$inferSelect;

export async function insertJobRun(
  db: Database,
  run: { kind: string; reason: string; queuedAt: Date },
): Promise<string> {
  const rows = await db
    .insert(jobRuns)
    .values({ ...run, state: "queued" })
    .returning({ id: jobRuns.id });
  return rows[0]?.id as string;
}

export async function updateJobRun(
  db: Database,
  id: string,
  changes: Partial<Pick<JobRunRow, "state" | "done" | "total" | "error" | "startedAt" | "finishedAt">>,
) {
  await db.update(jobRuns).set(changes).where(eq(jobRuns.id, id));
}

export async function findJobRuns(db: Database, limit: number): Promise<JobRunRow[]> {
  return db.select().from(jobRuns).orderBy(desc(jobRuns.queuedAt)).limit(limit);
}

export async function findJobRun(db: Database, id: string): Promise<JobRunRow | undefined> {
  const rows = await db.select().from(jobRuns).where(eq(jobRuns.id, id)).limit(1);
  return rows[0];
}
