import { createRoute, z } from "@hono/zod-openapi";
import {
  CreateDistrictInputSchema,
  TerritoryListQuerySchema,
  TerritoryListSchema,
  TerritorySchema,
  UpdateDistrictInputSchema,
} from "../../../contracts/territories.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireRole, requireSession } from "../../http/session.ts";
import { createDistrict, updateDistrict } from "./change-districts.ts";
import { findTerritories } from "./territories.repo.ts";

const tags = ["Territories"];
const security = [{ session: [] }];

const listRoute = createRoute({
  method: "get",
  path: "/territories",
  tags,
  security,
  summary: "Countries, NUTS regions and districts",
  request: { query: TerritoryListQuerySchema },
  responses: {
    200: { description: "Territories", ...json(TerritoryListSchema) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const createRouteDefinition = createRoute({
  method: "post",
  path: "/admin/territories",
  tags,
  security,
  summary: "Add an industrial district",
  request: { body: { ...json(CreateDistrictInputSchema), required: true } },
  responses: {
    201: { description: "Created", ...json(TerritorySchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "conflict"),
  },
});
const updateRoute = createRoute({
  method: "patch",
  path: "/admin/territories/{code}",
  tags,
  security,
  summary: "Rename a district or move its map point",
  request: {
    params: z.object({ code: z.string().min(1).max(40) }),
    body: { ...json(UpdateDistrictInputSchema), required: true },
  },
  responses: {
    200: { description: "Updated", ...json(TerritorySchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

export function createTerritoryRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/territories", requireSession);
  router.use("/admin/territories", requireRole("administrator"));
  router.use("/admin/territories/*", requireRole("administrator"));
  return router
    .openapi(listRoute, async (c) =>
      c.json({ items: await findTerritories(deps.database.db, c.req.valid("query")) }, 200),
    )
    .openapi(createRouteDefinition, async (c) => {
      const district = await createDistrict(
        context,
        requirePrincipal(c),
        c.req.valid("json"),
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json(district, 201);
    })
    .openapi(updateRoute, async (c) => {
      const district = await updateDistrict(
        context,
        requirePrincipal(c),
        c.req.valid("param").code,
        c.req.valid("json"),
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json(district, 200);
    });
}
