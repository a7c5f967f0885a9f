import fs from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createAuditRoutes } from "../features/audit/audit.routes.ts";
import { createAuthRoutes } from "../features/auth/auth.routes.ts";
import { createCompanyRoutes } from "../features/companies/companies.routes.ts";
import { createRegistryRoutes } from "../features/companies/registry.routes.ts";
import { createCompanyRiskRoutes } from "../features/company-risk/company-risk.routes.ts";
import { createDemoRoutes } from "../features/demo/demo.routes.ts";
import { createDistrictDashboardRoutes } from "../features/district-dashboard/district-dashboard.routes.ts";
import { createDistrictSeriesRoutes } from "../features/district-series/district-series.routes.ts";
import { createImportRoutes } from "../features/imports/imports.routes.ts";
import { createJobRoutes } from "../features/jobs/jobs.routes.ts";
import { createMailRoutes } from "../features/mail/mail.routes.ts";
import { createNotificationRoutes } from "../features/notifications/notifications.routes.ts";
import { createPartnerRoutes } from "../features/partners/partners.routes.ts";
import { createDetectionRoutes } from "../features/risk/detection.routes.ts";
import { createFollowRoutes } from "../features/risk/follows.routes.ts";
import { createScoringRoutes } from "../features/scoring/scoring.routes.ts";
import { createSystemRoutes } from "../features/system/system.routes.ts";
import { createTerritoryRoutes } from "../features/territories/territories.routes.ts";
import { createUserRoutes } from "../features/users/users.routes.ts";
import type { AppDeps } from "./context.ts";
import { AppError, buildErrorBody, codeForStatus, statusByCode } from "./errors.ts";
import { openApiInfo } from "./openapi.ts";
import { renderOpenApiReference } from "./openapi-reference.ts";
import { createRouter } from "./router.ts";
import { createSessionMiddleware, csrfHeaderName, isSafeMethod, sessionCookieName } from "./session.ts";

const defaultBodyLimitBytes = 1024 * 1024;
// Imports carry whole files.
const importBodyLimitBytes = 12 * 1024 * 1024;

export function createApp(deps: AppDeps) {
  const app = createRouter();

  app.use(requestId());
  app.use(async (c, next) => {
    const logger = deps.logger.child({ requestId: c.get("requestId") });
    c.set("logger", logger);
    const startedAt = performance.now();
    await next();
    logger.info("request", {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round((performance.now() - startedAt) * 10) / 10,
    });
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
      },
    }),
  );
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        c.json(
          buildErrorBody(
            "payload_too_large",
            `The body is larger than ${maxSize} bytes.`,
            c.get("requestId"),
          ),
          413,
        ),
    });
  const defaultLimit = limitBody(defaultBodyLimitBytes);
  const importLimit = limitBody(importBodyLimitBytes);
  app.use("/api/*", (c, next) =>
    c.req.path.endsWith("/import") || c.req.path.startsWith("/api/district-series/imports")
      ? importLimit(c, next)
      : defaultLimit(c, next),
  );

  app.use("/api/*", createSessionMiddleware(deps));
  if (deps.detectionPageCache) {
    const cache = deps.detectionPageCache;
    // Read-your-writes: this process's own changes empty the cache at once, before the database's
    // notification of them arrives.
    app.use("/api/*", async (c, next) => {
      await next();
      if (!isSafeMethod(c.req.method)) cache.invalidate();
    });
  }

  app.route("/api", createSystemRoutes(deps));
  app.route("/api", createAuthRoutes(deps));
  app.route("/api", createUserRoutes(deps));
  app.route("/api", createAuditRoutes(deps));
  app.route("/api", createTerritoryRoutes(deps));
  app.route("/api", createRegistryRoutes(deps));
  app.route("/api", createPartnerRoutes(deps));
  app.route("/api", createScoringRoutes(deps));
  app.route("/api", createImportRoutes(deps));
  app.route("/api", createJobRoutes(deps));
  app.route("/api", createCompanyRoutes(deps));
  app.route("/api", createCompanyRiskRoutes(deps));
  app.route("/api", createMailRoutes(deps));
  app.route("/api", createNotificationRoutes(deps));
  app.route("/api", createDemoRoutes(deps));
  app.route("/api", createDetectionRoutes(deps));
  app.route("/api", createFollowRoutes(deps));
  app.route("/api", createDistrictDashboardRoutes(deps));
  app.route("/api", createDistrictSeriesRoutes(deps));

  app.openAPIRegistry.registerComponent("securitySchemes", "session", {
    type: "apiKey",
    in: "cookie",
    name: sessionCookieName,
    description: `Session cookie set by POST /api/auth/login. Changes also need the ${csrfHeaderName} header.`,
  });
  app.doc31("/api/openapi.json", openApiInfo(deps.version));
  app.get("/api/docs", (c) =>
    c.html(renderOpenApiReference(app.getOpenAPI31Document(openApiInfo(deps.version)))),
  );

  app.all("/api/*", (c) =>
    c.json(
      buildErrorBody("not_found", `No API route ${c.req.method} ${c.req.path}.`, c.get("requestId")),
      404,
    ),
  );

  if (deps.webRoot) mountWebApp(app, deps.webRoot);

  app.notFound((c) =>
    c.json(buildErrorBody("not_found", `Nothing at ${c.req.path}.`, c.get("requestId")), 404),
  );

  app.onError((error, c) => {
    const id = c.get("requestId") ?? "unknown";
    if (error instanceof AppError) {
      if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
      return c.json(buildErrorBody(error.code, error.message, id, error.fields), statusByCode[error.code]);
    }
    if (error instanceof HTTPException) {
      const code = codeForStatus(error.status);
      return c.json(buildErrorBody(code, error.message || code, id), statusByCode[code]);
    }
    (c.get("logger") ?? deps.logger).error("unhandled error", { err: error });
    return c.json(
      buildErrorBody("internal_error", "Something went wrong on our side; quote the request id.", id),
      500,
    );
  });

  return app;
}

export type App = ReturnType<typeof createApp>;

function mountWebApp(app: ReturnType<typeof createRouter>, webRoot: string) {
  const indexHtml = fs.readFileSync(path.join(webRoot, "index.html"), "utf8");
  app.use(
    "/assets/*",
    serveStatic({
      root: webRoot,
      onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
    }),
  );
  app.use("*", serveStatic({ root: webRoot, index: "__no_index__" }));
  // Client-side routes (and the client's not-found page) are all served by the single page.
  app.get("*", (c) => {
    c.header("Cache-Control", "no-cache");
    return c.html(indexHtml);
  });
}
