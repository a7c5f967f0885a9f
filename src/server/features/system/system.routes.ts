import { createRoute } from "@hono/zod-openapi";
import { HealthResponseSchema, SystemStatusSchema } from "../../../contracts/system.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getHealth } from "./get-health.ts";
import { getSystemStatus } from "./get-system-status.ts";
import { presentHealth, presentSystemStatus } from "./system.presenter.ts";

const healthRoute = createRoute({
  method: "get",
  path: "/health",
  tags: ["System"],
  summary: "Is the server up and its database reachable?",
  description: "Public. 200 when the database answers, 503 when it does not.",
  responses: {
    200: { description: "Healthy", content: { "application/json": { schema: HealthResponseSchema } } },
    503: {
      description: "Database unreachable",
      content: { "application/json": { schema: HealthResponseSchema } },
    },
  },
});

const statusRoute = createRoute({
  method: "get",
  path: "/system/status",
  tags: ["System"],
  summary: "Version, database and schema of this server",
  responses: {
    200: { description: "Status", content: { "application/json": { schema: SystemStatusSchema } } },
    ...errorResponses("service_unavailable"),
  },
});

export function createSystemRoutes(deps: Pick<AppDeps, "database" | "clock" | "version">) {
  return createRouter()
    .openapi(healthRoute, async (c) => {
      const health = await getHealth({ db: deps.database.db, clock: deps.clock });
      return c.json(presentHealth(health), health.isDatabaseReachable ? 200 : 503);
    })
    .openapi(statusRoute, async (c) => {
      const status = await getSystemStatus({
        db: deps.database.db,
        databaseKind: deps.database.kind,
        version: deps.version,
        clock: deps.clock,
      });
      return c.json(presentSystemStatus(status), 200);
    });
}
