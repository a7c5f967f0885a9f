import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../../db/client.ts";
import type { Logger } from "../../logging/logger.ts";
import { rebuildDistrictAggregatesIfMissing } from "../district-dashboard/rebuild-district-aggregates.ts";
import { backfillCompanyRisk } from "../risk/backfill-company-risk.ts";
import { activeAlertRuleSetVersion, scoreCompanies } from "../scoring/score-companies.ts";
import { findUnscoredCompanyIds } from "../scoring/scoring.repo.ts";
import { insertJobRun, updateJobRun } from "./jobs.repo.ts";

const scoringQueue = "score-companies";

type ScoringJob = { jobRunId: string; scope: "unscored" | "all" | "companies"; companyIds?: string[] };

export type JobQueue = {
  /** Queues a scoring run; returns the job run id administrators can follow. */
  enqueueScoring(scope: ScoringJob["scope"], reason: string, companyIds?: string[]): Promise<string>;
  stop(): Promise<void>;
};

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

  await boss.work<ScoringJob>(scoringQueue, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
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
      await updateJobRun(db, jobRunId, {
        state: "failed",
        error: (error as Error).message,
        finishedAt: deps.clock(),
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
      return jobRunId;
    },
    stop: () => boss.stop({ graceful: true, wait: true, close: false }),
  };
}
