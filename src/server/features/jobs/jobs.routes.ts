import { createRoute, z } from "@hono/zod-openapi";
import { type JobRunBody, JobRunSchema, type JobRunState } from "../../../contracts/jobs.ts";
import type { AppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { requireRole } from "../../http/session.ts";
import { findJobRun, findJobRuns, type JobRunRow } from "./jobs.repo.ts";

const listRoute = createRoute({
  method: "get",
  path: "/admin/jobs",
  tags: ["Administration"],
  security: [{ session: [] }],
  summary: "Background work (scoring runs) with its progress, newest first",
  responses: {
    200: {
      description: "Job runs",
      content: { "application/json": { schema: z.object({ items: z.array(JobRunSchema) }) } },
    },
    ...errorResponses("unauthenticated", "forbidden"),
  },
});
const rescoreRoute = createRoute({
  method: "post",
  path: "/admin/jobs/scoring",
  tags: ["Administration"],
  security: [{ session: [] }],
  summary: "Queue a scoring run: what lacks results under the active rule sets, or everything",
  request: {
    body: {
      content: {
        "application/json": {
          schema: z.object({ scope: z.enum(["unscored", "all"]) }).meta({ id: "ScoringRunInput" }),
        },
      },
      required: true,
    },
  },
  responses: {
    202: {
      description: "Queued",
      content: { "application/json": { schema: z.object({ jobRunId: z.uuid() }) } },
    },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "service_unavailable"),
  },
});

// Those who import statements follow the scoring of what they imported.
const getRoute = createRoute({
  method: "get",
  path: "/jobs/{id}",
  tags: ["Imports"],
  security: [{ session: [] }],
  summary: "One job run with its progress (e.g. the scoring queued by an import)",
  request: { params: z.object({ id: z.uuid() }) },
  responses: {
    200: { description: "The job run", content: { "application/json": { schema: JobRunSchema } } },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

function presentJobRun(run: JobRunRow): JobRunBody {
  return {
    id: run.id,
    kind: run.kind,
    state: run.state as JobRunState,
    reason: run.reason,
    done: run.done,
    total: run.total,
    error: run.error,
    queuedAt: run.queuedAt.toISOString(),
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export function createJobRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use("/admin/jobs", requireRole("administrator"));
  router.use("/admin/jobs/*", requireRole("administrator"));
  router.use("/jobs/*", requireRole("administrator", "analyst"));
  return router
    .openapi(listRoute, async (c) =>
      c.json({ items: (await findJobRuns(deps.database.db, 50)).map(presentJobRun) }, 200),
    )
    .openapi(getRoute, async (c) => {
      const run = await findJobRun(deps.database.db, c.req.valid("param").id);
      if (!run) throw new AppError("not_found", "No such job run.");
      return c.json(presentJobRun(run), 200);
    })
    .openapi(rescoreRoute, async (c) => {
      if (!deps.jobs)
        throw new AppError("service_unavailable", "The background queue is not running on this server.");
      const { scope } = c.req.valid("json");
      const jobRunId = await deps.jobs.enqueueScoring(
        scope,
        scope === "all" ? "rescore requested" : "unscored statements",
      );
      return c.json({ jobRunId }, 202);
    });
}
