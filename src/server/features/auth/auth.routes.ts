import { createRoute, z } from "@hono/zod-openapi";
import {
  AcceptedSchema,
  ChangePasswordInputSchema,
  CurrentUserSchema,
  LoginInputSchema,
  PasswordResetRequestSchema,
  SessionListSchema,
  TokenPasswordInputSchema,
  UpdateProfileInputSchema,
} from "../../../contracts/auth.ts";
import type { AppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import {
  baseUrlOf,
  clearSessionCookie,
  getRequestMeta,
  requirePrincipal,
  requireSession,
  setSessionCookie,
} from "../../http/session.ts";
import { createApiToken, findMyApiTokens, revokeMyApiToken } from "./api-tokens.ts";
import { presentCurrentUser, presentSession } from "./auth.presenter.ts";
import { authenticateSession } from "./authenticate-session.ts";
import { logIn } from "./log-in.ts";
import {
  changeMyPassword,
  findMySessions,
  logOut,
  revokeMySession,
  updateMyProfile,
} from "./manage-own-account.ts";
import { redeemToken } from "./redeem-token.ts";
import { requestPasswordReset } from "./request-password-reset.ts";

const tags = ["Accounts"];
const session = [{ session: [] }];

const loginRoute = createRoute({
  method: "post",
  path: "/auth/login",
  tags,
  summary: "Sign in with email and password; sets the session cookie",
  request: { body: { ...json(LoginInputSchema), required: true } },
  responses: {
    200: { description: "Signed in", ...json(CurrentUserSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "rate_limited"),
  },
});
const logoutRoute = createRoute({
  method: "post",
  path: "/auth/logout",
  tags,
  security: session,
  summary: "Sign out: revokes this session",
  responses: { 204: { description: "Signed out" }, ...errorResponses("unauthenticated", "forbidden") },
});
const sessionRoute = createRoute({
  method: "get",
  path: "/auth/session",
  tags,
  security: session,
  summary: "The signed-in user, grants and CSRF token",
  responses: {
    200: { description: "Signed in", ...json(CurrentUserSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const resetRequestRoute = createRoute({
  method: "post",
  path: "/auth/password-reset/request",
  tags,
  summary: "Email a single-use password-reset link (same answer whether or not the account exists)",
  description:
    "An account receives at most a few reset emails an hour (further requests get the same answer and send nothing); an address that asks too often is refused for a while, whatever it typed.",
  request: { body: { ...json(PasswordResetRequestSchema), required: true } },
  responses: {
    202: { description: "Accepted", ...json(AcceptedSchema) },
    ...errorResponses("validation_failed", "rate_limited"),
  },
});
const resetConfirmRoute = createRoute({
  method: "post",
  path: "/auth/password-reset/confirm",
  tags,
  summary: "Set a new password with the emailed token; signs out every session",
  request: { body: { ...json(TokenPasswordInputSchema), required: true } },
  responses: {
    200: { description: "Password set", ...json(AcceptedSchema) },
    ...errorResponses("validation_failed"),
  },
});
const acceptInvitationRoute = createRoute({
  method: "post",
  path: "/auth/invitation/accept",
  tags,
  summary: "Choose a password with the invitation token and activate the account",
  request: { body: { ...json(TokenPasswordInputSchema), required: true } },
  responses: {
    200: { description: "Account active", ...json(AcceptedSchema) },
    ...errorResponses("validation_failed"),
  },
});
const mySessionsRoute = createRoute({
  method: "get",
  path: "/me/sessions",
  tags,
  security: session,
  summary: "My open sessions",
  responses: {
    200: { description: "Sessions", ...json(SessionListSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const revokeSessionRoute = createRoute({
  method: "delete",
  path: "/me/sessions/{sessionId}",
  tags,
  security: session,
  summary: "Revoke one of my sessions",
  request: { params: z.object({ sessionId: z.uuid() }) },
  responses: {
    204: { description: "Revoked" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});
const updateProfileRoute = createRoute({
  method: "patch",
  path: "/me",
  tags,
  security: session,
  summary: "Change my display name or language",
  request: { body: { ...json(UpdateProfileInputSchema), required: true } },
  responses: {
    200: { description: "Updated", ...json(CurrentUserSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden"),
  },
});
const changePasswordRoute = createRoute({
  method: "post",
  path: "/me/password",
  tags,
  security: session,
  summary: "Change my password (my other sessions are signed out)",
  request: { body: { ...json(ChangePasswordInputSchema), required: true } },
  responses: {
    204: { description: "Changed" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden"),
  },
});

const ApiTokenSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiToken" });
const listTokensRoute = createRoute({
  method: "get",
  path: "/me/api-tokens",
  tags,
  security: session,
  summary: "My API tokens (for the CLI and scripts)",
  responses: {
    200: { description: "Tokens", ...json(z.object({ items: z.array(ApiTokenSchema) })) },
    ...errorResponses("unauthenticated"),
  },
});
const createTokenRoute = createRoute({
  method: "post",
  path: "/me/api-tokens",
  tags,
  security: session,
  summary: "Create an API token; its secret is shown in this answer only",
  request: {
    body: {
      ...json(z.object({ name: z.string().trim().min(1).max(100) }).meta({ id: "CreateApiTokenInput" })),
      required: true,
    },
  },
  responses: {
    201: { description: "Created", ...json(ApiTokenSchema.extend({ secret: z.string() })) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden"),
  },
});
const revokeTokenRoute = createRoute({
  method: "delete",
  path: "/me/api-tokens/{tokenId}",
  tags,
  security: session,
  summary: "Revoke one of my API tokens",
  request: { params: z.object({ tokenId: z.uuid() }) },
  responses: {
    204: { description: "Revoked" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

export function createAuthRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock, sessionPolicy: deps.sessionPolicy };
  const router = createRouter();
  router.use("/auth/logout", requireSession);
  router.use("/me", requireSession);
  router.use("/me/*", requireSession);
  return router
    .openapi(loginRoute, async (c) => {
      const input = c.req.valid("json");
      const meta = getRequestMeta(c, deps.trustProxy);
      const result = await logIn(context, { ...input, userAgent: c.req.header("User-Agent") }, meta);
      setSessionCookie(c, result.sessionToken, result.absoluteExpiresAt, deps.isSecureCookie);
      const principal = await authenticateSession(context, result.sessionToken);
      if (!principal) throw new AppError("internal_error", "The new session could not be read back.");
      return c.json(presentCurrentUser(principal), 200);
    })
    .openapi(logoutRoute, async (c) => {
      await logOut(context, requirePrincipal(c), getRequestMeta(c, deps.trustProxy));
      clearSessionCookie(c, deps.isSecureCookie);
      return c.body(null, 204);
    })
    .openapi(sessionRoute, (c) => c.json(presentCurrentUser(requirePrincipal(c)), 200))
    .openapi(resetRequestRoute, async (c) => {
      await requestPasswordReset(
        { ...context, mailer: deps.mailer, logger: c.get("logger"), baseUrl: baseUrlOf(c, deps.publicUrl) },
        c.req.valid("json"),
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json({ message: "If an active account has this address, a reset link is on its way." }, 202);
    })
    .openapi(resetConfirmRoute, async (c) => {
      const input = c.req.valid("json");
      await redeemToken(context, { ...input, purpose: "password_reset" }, getRequestMeta(c, deps.trustProxy));
      return c.json({ message: "Password changed. Sign in with the new one." }, 200);
    })
    .openapi(acceptInvitationRoute, async (c) => {
      const input = c.req.valid("json");
      await redeemToken(context, { ...input, purpose: "invitation" }, getRequestMeta(c, deps.trustProxy));
      return c.json({ message: "Account active. Sign in with your new password." }, 200);
    })
    .openapi(mySessionsRoute, async (c) => {
      const principal = requirePrincipal(c);
      const sessions = await findMySessions(context, principal);
      return c.json({ items: sessions.map((item) => presentSession(item, principal.sessionId)) }, 200);
    })
    .openapi(revokeSessionRoute, async (c) => {
      await revokeMySession(
        context,
        requirePrincipal(c),
        c.req.valid("param").sessionId,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.body(null, 204);
    })
    .openapi(updateProfileRoute, async (c) => {
      const principal = requirePrincipal(c);
      const input = c.req.valid("json");
      await updateMyProfile(context, principal, input);
      return c.json(
        presentCurrentUser({
          ...principal,
          ...(input.displayName ? { displayName: input.displayName } : {}),
          ...(input.locale ? { locale: input.locale } : {}),
        }),
        200,
      );
    })
    .openapi(changePasswordRoute, async (c) => {
      await changeMyPassword(
        context,
        requirePrincipal(c),
        c.req.valid("json"),
        getRequestMeta(c, deps.trustProxy),
      );
      return c.body(null, 204);
    })
    .openapi(listTokensRoute, async (c) => {
      const tokens = await findMyApiTokens(context, requirePrincipal(c));
      return c.json(
        {
          items: tokens.map((token) => ({
            id: token.id,
            name: token.name,
            createdAt: token.createdAt.toISOString(),
            lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
          })),
        },
        200,
      );
    })
    .openapi(createTokenRoute, async (c) => {
      const principal = requirePrincipal(c);
      const token = await createApiToken(
        context,
        { userId: principal.userId, email: principal.email },
        c.req.valid("json").name,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json({ ...token, createdAt: deps.clock().toISOString(), lastUsedAt: null }, 201);
    })
    .openapi(revokeTokenRoute, async (c) => {
      await revokeMyApiToken(context, requirePrincipal(c), c.req.valid("param").tokenId);
      return c.body(null, 204);
    });
}
