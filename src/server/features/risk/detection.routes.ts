import { createRoute, z } from "@hono/zod-openapi";
import {
  DetectionCountSchema,
  DetectionExportQuerySchema,
  DetectionFiltersSchema,
  DetectionListQuerySchema,
  DetectionPageSchema,
} from "../../../contracts/detection.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireSession } from "../../http/session.ts";
import { countDetectionList } from "./count-detection-list.ts";
import { exportDetectionList } from "./export-detection-list.ts";
import { readDetectionPage } from "./read-detection-page.ts";

const tags = ["Early warning"];
const security = [{ session: [] }];

const listRoute = createRoute({
  method: "get",
  path: "/early-warning/companies",
  tags,
  security,
  summary:
    "Detection list: the latest (or a chosen year's) alert level of every company in your scope, filtered, sorted and paged",
  request: { query: DetectionListQuerySchema },
  responses: {
    200: { description: "A page of companies with their risk row", ...json(DetectionPageSchema) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});

const exportRoute = createRoute({
  method: "get",
  path: "/early-warning/companies/export",
  tags,
  security,
  summary: "Download the filtered detection list as CSV or XLSX (at most 50,000 rows; audited)",
  request: { query: DetectionExportQuerySchema },
  responses: {
    200: {
      description: "The file",
      content: {
        "text/csv": { schema: z.string() },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
          schema: z.string().meta({ format: "binary" }),
        },
      },
    },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});

const countRoute = createRoute({
  method: "get",
  path: "/early-warning/companies/count",
  tags,
  security,
  summary:
    "The exact number of companies the filtered detection list matches (the list counts up to a bound), and the export's cap",
  request: { query: DetectionFiltersSchema },
  responses: {
    200: { description: "The exact count", ...json(DetectionCountSchema) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});

export function createDetectionRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/early-warning/*", requireSession);
  return router
    .openapi(countRoute, async (c) =>
      c.json(await countDetectionList(context, requirePrincipal(c), c.req.valid("query")), 200),
    )
    .openapi(exportRoute, async (c) => {
      const file = await exportDetectionList(
        context,
        requirePrincipal(c),
        c.req.valid("query"),
        getRequestMeta(c, deps.trustProxy),
      );
      c.header("Content-Disposition", `attachment; filename="${file.fileName}"`);
      c.header("Cache-Control", "no-store");
      const headers = { "Content-Type": file.contentType };
      return typeof file.body === "string"
        ? c.body(file.body, 200, headers)
        : c.body(Buffer.from(file.body), 200, headers);
    })
    .openapi(listRoute, async (c) => {
      const body = await readDetectionPage(
        { ...context, detectionPageCache: deps.detectionPageCache },
        requirePrincipal(c),
        c.req.valid("query"),
      );
      // The page's JSON, serialised once and kept: sent as it is (the route's types only know c.json).
      return c.body(body, 200, { "Content-Type": "application/json" }) as never;
    });
}
