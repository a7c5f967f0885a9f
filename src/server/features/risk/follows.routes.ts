import { createRoute, z } from "@hono/zod-openapi";
import {
  CreateSavedViewInputSchema,
  FollowListSchema,
  SavedViewListSchema,
  SavedViewSchema,
  UpdateSavedViewInputSchema,
} from "../../../contracts/detection.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireSession } from "../../http/session.ts";
import {
  findFollows,
  followCompany,
  followDistrict,
  unfollowCompany,
  unfollowDistrict,
} from "./manage-follows.ts";
import {
  changeSavedView,
  createSavedView,
  findUserSavedViews,
  removeSavedView,
} from "./manage-saved-views.ts";

const tags = ["Early warning"];
const security = [{ session: [] }];
const CompanyParams = z.object({ companyId: z.uuid() });
const DistrictParams = z.object({
  districtCode: z.string().regex(/^[A-Za-z0-9-]{2,40}$/, { error: "a district code, e.g. prato-tessile" }),
});
const ViewParams = z.object({ viewId: z.uuid() });

const followsRoute = createRoute({
  method: "get",
  path: "/me/follows",
  tags,
  security,
  summary: "The companies and districts you follow",
  responses: {
    200: { description: "Followed companies and districts", ...json(FollowListSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const followCompanyRoute = createRoute({
  method: "put",
  path: "/me/follows/companies/{companyId}",
  tags,
  security,
  summary: "Follow a company in your scope (idempotent)",
  request: { params: CompanyParams },
  responses: {
    204: { description: "Followed" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});
const unfollowCompanyRoute = createRoute({
  method: "delete",
  path: "/me/follows/companies/{companyId}",
  tags,
  security,
  summary: "Stop following a company (idempotent)",
  request: { params: CompanyParams },
  responses: {
    204: { description: "Not followed" },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const followDistrictRoute = createRoute({
  method: "put",
  path: "/me/follows/districts/{districtCode}",
  tags,
  security,
  summary: "Follow a district (idempotent)",
  request: { params: DistrictParams },
  responses: {
    204: { description: "Followed" },
    ...errorResponses("validation_failed", "unauthenticated", "not_found"),
  },
});
const unfollowDistrictRoute = createRoute({
  method: "delete",
  path: "/me/follows/districts/{districtCode}",
  tags,
  security,
  summary: "Stop following a district (idempotent)",
  request: { params: DistrictParams },
  responses: {
    204: { description: "Not followed" },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});

const listViewsRoute = createRoute({
  method: "get",
  path: "/me/saved-views",
  tags,
  security,
  summary: "Your saved views of the detection list",
  responses: {
    200: { description: "Saved views by name", ...json(SavedViewListSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const createViewRoute = createRoute({
  method: "post",
  path: "/me/saved-views",
  tags,
  security,
  summary: "Save the detection list's filters under a name (unique among your views)",
  request: { body: { ...json(CreateSavedViewInputSchema), required: true } },
  responses: {
    201: { description: "Saved", ...json(SavedViewSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "conflict"),
  },
});
const updateViewRoute = createRoute({
  method: "patch",
  path: "/me/saved-views/{viewId}",
  tags,
  security,
  summary: "Rename a saved view or replace its filters",
  request: { params: ViewParams, body: { ...json(UpdateSavedViewInputSchema), required: true } },
  responses: {
    200: { description: "Changed", ...json(SavedViewSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict"),
  },
});
const deleteViewRoute = createRoute({
  method: "delete",
  path: "/me/saved-views/{viewId}",
  tags,
  security,
  summary: "Delete a saved view",
  request: { params: ViewParams },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

export function createFollowRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  for (const path of ["/me/follows", "/me/follows/*", "/me/saved-views", "/me/saved-views/*"]) {
    router.use(path, requireSession);
  }
  return router
    .openapi(followsRoute, async (c) => c.json(await findFollows(context, requirePrincipal(c)), 200))
    .openapi(followCompanyRoute, async (c) => {
      const meta = getRequestMeta(c, deps.trustProxy);
      await followCompany(context, requirePrincipal(c), c.req.valid("param").companyId, meta);
      return c.body(null, 204);
    })
    .openapi(unfollowCompanyRoute, async (c) => {
      const meta = getRequestMeta(c, deps.trustProxy);
      await unfollowCompany(context, requirePrincipal(c), c.req.valid("param").companyId, meta);
      return c.body(null, 204);
    })
    .openapi(followDistrictRoute, async (c) => {
      const meta = getRequestMeta(c, deps.trustProxy);
      await followDistrict(context, requirePrincipal(c), c.req.valid("param").districtCode, meta);
      return c.body(null, 204);
    })
    .openapi(unfollowDistrictRoute, async (c) => {
      const meta = getRequestMeta(c, deps.trustProxy);
      await unfollowDistrict(context, requirePrincipal(c), c.req.valid("param").districtCode, meta);
      return c.body(null, 204);
    })
    .openapi(listViewsRoute, async (c) =>
      c.json({ items: await findUserSavedViews(context, requirePrincipal(c).userId) }, 200),
    )
    .openapi(createViewRoute, async (c) =>
      c.json(await createSavedView(context, requirePrincipal(c).userId, c.req.valid("json")), 201),
    )
    .openapi(updateViewRoute, async (c) =>
      c.json(
        await changeSavedView(
          context,
          requirePrincipal(c).userId,
          c.req.valid("param").viewId,
          c.req.valid("json"),
        ),
        200,
      ),
    )
    .openapi(deleteViewRoute, async (c) => {
      await removeSavedView(context, requirePrincipal(c).userId, c.req.valid("param").viewId);
      return c.body(null, 204);
    });
}
