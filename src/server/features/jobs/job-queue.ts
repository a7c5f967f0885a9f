import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import { rebuildDistrictAggregatesIfMissing } from "../district-dashboard/rebuild-district-aggregates.ts";
import { backfillCompanyRisk } from "../risk/backfill-company-risk.ts";
import { activeAlertRuleSetVersion, scoreCompanies } from "../scoring/score-companies.ts";
import { findUnscoredCompanyIds } from "../scoring/scoring.repo.ts";
import { findJobRun, insertJobRun, type JobRunRow, updateJobRun } from "./jobs.repo.ts";

const scoringQueue = "score-companies";

type ScoringJob = { jobRunId: string; scope: "unscored" | "all" | "companies"; companyIds?: string[] };

export type JobQueue = {
  /** Queues a scoring run; returns the job run id administrators can follow. */
  enqueueScoring(scope: ScoringJob["scope"], reason: string, companyIds?: string[]): Promise<string>;
  /** Resolves once the run has succeeded or failed for good, whichever process's worker ran it. */
  waitForJobRun(jobRunId: string, options?: { timeoutMs?: number }): Promise<JobRunRow>;
  stop(): Promise<void>;
};

const finishedStates = new Set(["succeeded", "failed"]);

/**
 * Polls the job run until it is finished. It reads `job_runs`, not pg-boss, so it works whichever
 * worker takes the job: this process's, or a server's on the same PostgreSQL database.
 */
export async function waitForJobRun(
  db: DatabaseHandle["db"],
  jobRunId: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<JobRunRow> {
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  for (;;) {
    const run = await findJobRun(db, jobRunId);
    if (!run) throw new Error(`No job run ${jobRunId}.`);
    if (finishedStates.has(run.state)) return run;
    if (Date.now() > deadline) throw new Error(`The job run ${jobRunId} did not finish in time.`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}

/**
 * The background queue (pg-boss 10) on the same database as everything else — PostgreSQL, or
 * PGlite through pg-boss's `db.executeSql` option, whose multi-statement transactions run in one
 * call. Scoring runs here: what lacks results under the active rule sets, or everything on demand.
 */
export async function startJobQueue(deps: {
  database: DatabaseHandle;
  clock: () => Date;
  logger: Logger;
}): Promise<JobQueue> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => deps.database.executeSql(text, values) },
    schema: "pgboss",
    schedule: false,
    supervise: true,
  });
  boss.on("error", (error) => deps.logger.error("job queue error", { err: error }));
  await boss.start();
  await boss.createQueue(scoringQueue);
  const db = deps.database.db;

  const workOptions = { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true } as const;
  const workerId = await boss.work<ScoringJob>(scoringQueue, workOptions, async ([job]) => {
    if (!job) return;
    const { jobRunId, scope } = job.data;
    await updateJobRun(db, jobRunId, { state: "running", startedAt: deps.clock() });
    try {
      // A database scored before the risk projection existed gets it built once, at start.
      if (scope === "unscored") {
        await backfillCompanyRisk({ db, clock: deps.clock });
        await rebuildDistrictAggregatesIfMissing({ db, clock: deps.clock });
      }
      const companyIds =
        scope === "all"
          ? undefined
          : scope === "companies"
            ? (job.data.companyIds ?? [])
            : await findUnscoredCompanyIds(db, activeAlertRuleSetVersion);
      let lastWrite = 0;
      const result =
        companyIds && companyIds.length === 0
          ? { companies: 0, companyYears: 0, results: 0 }
          : await scoreCompanies({ db, clock: deps.clock }, companyIds, (done, total) => {
              const now = Date.now();
              if (now - lastWrite < 500 && done < total) return;
              lastWrite = now;
              void updateJobRun(db, jobRunId, { done, total });
            });
      await updateJobRun(db, jobRunId, {
        state: "succeeded",
        error: null,
        done: result.companies,
        total: result.companies,
        finishedAt: deps.clock(),
      });
      deps.logger.info("scoring finished", {
        jobRunId,
        companies: result.companies,
        companyYears: result.companyYears,
        results: result.results,
      });
    } catch (error) {
      // pg-boss retries the job: until the last attempt the run stays open, so waiters keep waiting.
      const isRetried = job.retryCount < job.retryLimit;
      await updateJobRun(db, jobRunId, {
        state: isRetried ? "queued" : "failed",
        error: (error as Error).message,
        finishedAt: isRetried ? null : deps.clock(),
      });
      throw error;
    }
  });

  return {
    async enqueueScoring(scope, reason, companyIds) {
      const jobRunId = await insertJobRun(db, { kind: "scoring", reason, queuedAt: deps.clock() });
      await boss.send(scoringQueue, {
        jobRunId,
        scope,
        ...(companyIds ? { companyIds } : {}),
      } satisfies ScoringJob);
      // Wake this process's worker rather than wait for its next poll (an import waits on it).
      boss.notifyWorker(workerId);
      return jobRunId;
    },
    waitForJobRun: (jobRunId, options) => waitForJobRun(db, jobRunId, options),
    stop: () => boss.stop({ graceful: true, wait: true, close: false }),
  };
}
