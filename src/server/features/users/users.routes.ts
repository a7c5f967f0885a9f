import { createRoute, z } from "@hono/zod-openapi";
import {
  CreateGrantInputSchema,
  InviteUserInputSchema,
  LockUserInputSchema,
  UserListQuerySchema,
  UserPageSchema,
  UserSummarySchema,
} from "../../../contracts/users.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { baseUrlOf, getRequestMeta, requirePrincipal, requireRole } from "../../http/session.ts";
import { grantRole, reviewRoleGrant, revokeRoleGrant } from "./change-grants.ts";
import { lockUser, unlockUser } from "./change-user-status.ts";
import { findUserPage, getUserWithGrants } from "./find-user-page.ts";
import { inviteUser } from "./invite-user.ts";
import { presentUser } from "./users.presenter.ts";

const tags = ["Administration"];
const security = [{ session: [] }];
const UserIdParams = z.object({ userId: z.uuid() });
const GrantIdParams = z.object({ grantId: z.uuid() });
const adminErrors = errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found");

const listRoute = createRoute({
  method: "get",
  path: "/admin/users",
  tags,
  security,
  summary: "Users with their grants (filter, keyset pagination by email)",
  request: { query: UserListQuerySchema },
  responses: { 200: { description: "A page of users", ...json(UserPageSchema) }, ...adminErrors },
});
const getRoute = createRoute({
  method: "get",
  path: "/admin/users/{userId}",
  tags,
  security,
  summary: "One user with their grants",
  request: { params: UserIdParams },
  responses: { 200: { description: "The user", ...json(UserSummarySchema) }, ...adminErrors },
});
const inviteRoute = createRoute({
  method: "post",
  path: "/admin/users",
  tags,
  security,
  summary: "Invite a new user by email",
  request: { body: { ...json(InviteUserInputSchema), required: true } },
  responses: {
    201: { description: "Invited", ...json(UserSummarySchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "conflict"),
  },
});
const lockRoute = createRoute({
  method: "post",
  path: "/admin/users/{userId}/lock",
  tags,
  security,
  summary: "Lock an account (its sessions end at once)",
  request: { params: UserIdParams, body: { ...json(LockUserInputSchema), required: true } },
  responses: {
    200: { description: "Locked", ...json(UserSummarySchema) },
    ...adminErrors,
    ...errorResponses("conflict"),
  },
});
const unlockRoute = createRoute({
  method: "post",
  path: "/admin/users/{userId}/unlock",
  tags,
  security,
  summary: "Unlock an account",
  request: { params: UserIdParams },
  responses: {
    200: { description: "Unlocked", ...json(UserSummarySchema) },
    ...adminErrors,
    ...errorResponses("conflict"),
  },
});
const grantRoute = createRoute({
  method: "post",
  path: "/admin/users/{userId}/grants",
  tags,
  security,
  summary: "Give a user a role with its scope (a territory, or companies for linked roles)",
  request: { params: UserIdParams, body: { ...json(CreateGrantInputSchema), required: true } },
  responses: { 201: { description: "Granted", ...json(UserSummarySchema) }, ...adminErrors },
});
const revokeRoute = createRoute({
  method: "delete",
  path: "/admin/grants/{grantId}",
  tags,
  security,
  summary: "Revoke a grant (kept in history and in the audit log)",
  request: { params: GrantIdParams },
  responses: { 204: { description: "Revoked" }, ...adminErrors },
});
const reviewRoute = createRoute({
  method: "post",
  path: "/admin/grants/{grantId}/review",
  tags,
  security,
  summary: "Record that a grant was reviewed and is still needed",
  request: { params: GrantIdParams },
  responses: { 204: { description: "Reviewed" }, ...adminErrors },
});

export function createUserRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/admin/users", requireRole("administrator"));
  router.use("/admin/users/*", requireRole("administrator"));
  router.use("/admin/grants/*", requireRole("administrator"));
  const respondWithUser = async (userId: string) =>
    presentUser(await getUserWithGrants(context, userId), deps.clock());
  return router
    .openapi(listRoute, async (c) => {
      const query = c.req.valid("query");
      const page = await findUserPage(context, { ...query, reviewDue: query.reviewDue === "true" });
      const now = deps.clock();
      return c.json(
        { items: page.items.map((user) => presentUser(user, now)), nextAfter: page.nextAfter },
        200,
      );
    })
    .openapi(getRoute, async (c) => c.json(await respondWithUser(c.req.valid("param").userId), 200))
    .openapi(inviteRoute, async (c) => {
      const userId = await inviteUser(
        { ...context, mailer: deps.mailer, logger: c.get("logger"), baseUrl: baseUrlOf(c, deps.publicUrl) },
        requirePrincipal(c),
        c.req.valid("json"),
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json(await respondWithUser(userId), 201);
    })
    .openapi(lockRoute, async (c) => {
      const { userId } = c.req.valid("param");
      await lockUser(
        context,
        requirePrincipal(c),
        userId,
        c.req.valid("json").reason,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json(await respondWithUser(userId), 200);
    })
    .openapi(unlockRoute, async (c) => {
      const { userId } = c.req.valid("param");
      await unlockUser(context, requirePrincipal(c), userId, getRequestMeta(c, deps.trustProxy));
      return c.json(await respondWithUser(userId), 200);
    })
    .openapi(grantRoute, async (c) => {
      const { userId } = c.req.valid("param");
      const principal = requirePrincipal(c);
      await grantRole(
        context,
        { userId: principal.userId, email: principal.email },
        { userId, ...c.req.valid("json") },
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json(await respondWithUser(userId), 201);
    })
    .openapi(revokeRoute, async (c) => {
      const principal = requirePrincipal(c);
      await revokeRoleGrant(
        context,
        principal,
        c.req.valid("param").grantId,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.body(null, 204);
    })
    .openapi(reviewRoute, async (c) => {
      const principal = requirePrincipal(c);
      await reviewRoleGrant(
        context,
        principal,
        c.req.valid("param").grantId,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.body(null, 204);
    });
}
