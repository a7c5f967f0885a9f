import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { Role } from "../../domain/access/roles.ts";
import { authenticateApiToken } from "../features/auth/api-tokens.ts";
import { authenticateSession } from "../features/auth/authenticate-session.ts";
import { isSameSecret } from "../features/auth/credentials.ts";
import type { Principal, RequestMeta } from "../features/auth/principal.ts";
import type { AppDeps, AppEnv } from "./context.ts";
import { AppError } from "./errors.ts";

export const sessionCookieName = "sector_session";
export const csrfHeaderName = "X-CSRF-Token";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request only reads (no CSRF check; it changes nothing). */
export const isSafeMethod = (method: string): boolean => safeMethods.has(method);

/**
 * Loads the principal from an API token (Authorization: Bearer) or the session cookie, and checks
 * the CSRF token of writes made with the cookie.
 */
export function createSessionMiddleware(
  deps: Pick<AppDeps, "database" | "clock" | "sessionPolicy">,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    if (bearer) {
      // Scripts and the CLI: no cookie is involved, so there is no CSRF check either.
      const tokenPrincipal = await authenticateApiToken({ db: deps.database.db, clock: deps.clock }, bearer);
      if (!tokenPrincipal) throw new AppError("unauthenticated", "The API token is unknown or revoked.");
      c.set("principal", tokenPrincipal);
      return next();
    }
    const token = getCookie(c, sessionCookieName);
    const principal = token
      ? await authenticateSession(
          { db: deps.database.db, clock: deps.clock, sessionPolicy: deps.sessionPolicy },
          token,
        )
      : undefined;
    c.set("principal", principal);
    if (principal && !isSafeMethod(c.req.method)) {
      const sent = c.req.header(csrfHeaderName);
      if (!sent || !isSameSecret(sent, principal.csrfToken)) {
        throw new AppError(
          "forbidden",
          `Missing or wrong ${csrfHeaderName} header: send the csrfToken of GET /api/auth/session with every change.`,
        );
      }
    }
    await next();
  };
}

export function requirePrincipal(c: Context<AppEnv>): Principal {
  const principal = c.get("principal");
  if (!principal) throw new AppError("unauthenticated", "Sign in first.");
  return principal;
}

/** 401 without a session. */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  requirePrincipal(c);
  await next();
};

/** 401 without a session, 403 unless one of the user's grants has one of these roles. */
export function requireRole(...allowed: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = requirePrincipal(c);
    if (!principal.grants.some((grant) => allowed.includes(grant.role))) {
      throw new AppError("forbidden", `This needs one of the roles: ${allowed.join(", ")}.`);
    }
    await next();
  };
}

export function setSessionCookie(
  c: Context<AppEnv>,
  token: string,
  expiresAt: Date,
  isSecure: boolean,
): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: "Lax",
    secure: isSecure,
    path: "/",
    expires: expiresAt,
  });
}

export function clearSessionCookie(c: Context<AppEnv>, isSecure: boolean): void {
  deleteCookie(c, sessionCookieName, { path: "/", secure: isSecure, httpOnly: true, sameSite: "Lax" });
}

/** Client address and request id for the audit log. */
export function getRequestMeta(c: Context<AppEnv>, trustProxy: boolean): RequestMeta {
  let ipAddress: string | undefined;
  if (trustProxy) ipAddress = c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() || undefined;
  if (!ipAddress) {
    try {
      ipAddress = getConnInfo(c).remote.address;
    } catch {
      // In-process requests (tests, app.request) have no socket.
      ipAddress = undefined;
    }
  }
  return { ipAddress, requestId: c.get("requestId") };
}

export function baseUrlOf(c: Context<AppEnv>, publicUrl: string | undefined): string {
  return (publicUrl ?? new URL(c.req.url).origin).replace(/\/$/, "");
}
