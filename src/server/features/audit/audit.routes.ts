import { createRoute, z } from "@hono/zod-openapi";
import {
  AuditEventFilterSchema,
  AuditEventPageSchema,
  AuditEventQuerySchema,
} from "../../../contracts/audit.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireRole } from "../../http/session.ts";
import { presentAuditEvent } from "./audit.presenter.ts";
import { findAuditEvents } from "./audit.repo.ts";
import { exportAuditLog } from "./export-audit-log.ts";

const tags = ["Administration"];
const security = [{ session: [] }];
const errors = errorResponses("validation_failed", "unauthenticated", "forbidden");

const listRoute = createRoute({
  method: "get",
  path: "/admin/audit-events",
  tags,
  security,
  summary: "The audit log, newest first, filtered by who, what, when and company",
  request: { query: AuditEventQuerySchema },
  responses: {
    200: {
      description: "A page of events",
      content: { "application/json": { schema: AuditEventPageSchema } },
    },
    ...errors,
  },
});
const exportRoute = createRoute({
  method: "get",
  path: "/admin/audit-events/export",
  tags,
  security,
  summary: "Download the filtered audit log as CSV (the export is itself audited)",
  request: { query: AuditEventFilterSchema },
  responses: { 200: { description: "CSV file", content: { "text/csv": { schema: z.string() } } }, ...errors },
});

export function createAuditRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/admin/audit-events", requireRole("administrator"));
  router.use("/admin/audit-events/*", requireRole("administrator"));
  return router
    .openapi(exportRoute, async (c) => {
      const csv = await exportAuditLog(
        context,
        requirePrincipal(c),
        c.req.valid("query"),
        getRequestMeta(c, deps.trustProxy),
      );
      const stamp = deps.clock().toISOString().slice(0, 10);
      c.header("Content-Disposition", `attachment; filename="sector-audit-log-${stamp}.csv"`);
      return c.body(csv, 200, { "Content-Type": "text/csv; charset=utf-8" });
    })
    .openapi(listRoute, async (c) => {
      const { limit, before, ...filter } = c.req.valid("query");
      const rows = await findAuditEvents(deps.database.db, filter, { limit: limit + 1, before });
      const page = rows.slice(0, limit);
      return c.json(
        {
          items: page.map(presentAuditEvent),
          nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
        },
        200,
      );
    });
}
