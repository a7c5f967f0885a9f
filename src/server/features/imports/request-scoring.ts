import type { Database } from "../../db/client.ts";
import type { JobQueue } from "../jobs/job-queue.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";

/** What an import needs; without `jobs` (in-process tests) the import scores at once. */
export type ImportDeps = { db: Database; clock: () => Date; jobs?: Pick<JobQueue, "enqueueScoring"> };

/**
 * Scores the companies an import touched, called after its transaction committed so a rolled-back
 * import queues nothing. With a queue it is a job run administrators can follow (its id returned);
 * without one the scores are stored before it returns (undefined).
 */
export async function requestScoring(
  deps: ImportDeps,
  companyIds: readonly string[],
  reason: string,
): Promise<string | undefined> {
  const unique = [...new Set(companyIds)];
  if (unique.length === 0) return undefined;
  if (deps.jobs) return deps.jobs.enqueueScoring("companies", reason, unique);
  // scoreCompanies, not a lower-level step: it also records notifications and rebuilds district aggregates.
  await scoreCompanies(deps, unique);
  return undefined;
}
