import { createRoute, z } from "@hono/zod-openapi";
import {
  DistrictCodeParamsSchema,
  DistrictDashboardSchema,
  DistrictListSchema,
  DistrictReportQuerySchema,
} from "../../../contracts/district-dashboard.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireSession } from "../../http/session.ts";
import { createDistrictReport } from "./create-district-report.ts";
import { findDistrictList } from "./find-district-list.ts";
import { getDistrictDashboard } from "./get-district-dashboard.ts";

const tags = ["Districts"];
const security = [{ session: [] }];

const listRoute = createRoute({
  method: "get",
  path: "/districts",
  tags,
  security,
  summary: "Districts with the latest year's headline figures and centroids (unsuppressed within your scope)",
  responses: {
    200: { description: "Districts", ...json(DistrictListSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const dashboardRoute = createRoute({
  method: "get",
  path: "/districts/{districtCode}/dashboard",
  tags,
  security,
  summary: "A district's dashboard by sector and year, from the precomputed aggregates (within your scope)",
  request: { params: DistrictCodeParamsSchema },
  responses: {
    200: { description: "The dashboard", ...json(DistrictDashboardSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});
const reportRoute = createRoute({
  method: "get",
  path: "/districts/{districtCode}/report.pdf",
  tags,
  security,
  summary: "The district report as PDF, in Italian or English, with the source of every figure (audited)",
  request: { params: DistrictCodeParamsSchema, query: DistrictReportQuerySchema },
  responses: {
    200: { description: "PDF file", content: { "application/pdf": { schema: z.string() } } },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});
const publicListRoute = createRoute({
  method: "get",
  path: "/public/districts",
  tags,
  summary: "Public: districts with headline aggregates under disclosure control (no sign-in)",
  responses: {
    200: { description: "Districts", ...json(DistrictListSchema) },
    ...errorResponses(),
  },
});
const publicDashboardRoute = createRoute({
  method: "get",
  path: "/public/districts/{districtCode}/dashboard",
  tags,
  summary:
    "Public: a district's aggregates by sector and year; figures from fewer than 5 companies, or recoverable by subtraction, are withheld",
  request: { params: DistrictCodeParamsSchema },
  responses: {
    200: { description: "The public dashboard", ...json(DistrictDashboardSchema) },
    ...errorResponses("validation_failed", "not_found"),
  },
});

export function createDistrictDashboardRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/districts", requireSession);
  router.use("/districts/*", requireSession);
  return router
    .openapi(listRoute, async (c) => c.json(await findDistrictList(context, requirePrincipal(c)), 200))
    .openapi(dashboardRoute, async (c) => {
      const { dashboard } = await getDistrictDashboard(
        context,
        { kind: "scope", principal: requirePrincipal(c) },
        c.req.valid("param").districtCode,
      );
      return c.json(dashboard, 200);
    })
    .openapi(reportRoute, async (c) => {
      const { districtCode } = c.req.valid("param");
      const pdf = await createDistrictReport(
        context,
        requirePrincipal(c),
        districtCode,
        c.req.valid("query").lang,
        getRequestMeta(c, deps.trustProxy),
      );
      c.header("Content-Disposition", `attachment; filename="sector-district-${districtCode}.pdf"`);
      return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
    })
    .openapi(publicListRoute, async (c) => c.json(await findDistrictList(context, undefined), 200))
    .openapi(publicDashboardRoute, async (c) => {
      const { dashboard } = await getDistrictDashboard(
        context,
        { kind: "public" },
        c.req.valid("param").districtCode,
      );
      return c.json(dashboard, 200);
    });
}
