import { createRoute, z } from "@hono/zod-openapi";
import {
  CompanyIdentitySchema,
  OutOfScopeAccessInputSchema,
  OutOfScopeAccessSchema,
  StatementListSchema,
} from "../../../contracts/companies.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireSession } from "../../http/session.ts";
import { authoriseCompanyAccess } from "./authorise-company-access.ts";
import { presentCompanyIdentity, presentStatement } from "./companies.presenter.ts";
import { getCompanyStatements } from "./get-company-statements.ts";
import { openOutOfScopeAccess } from "./open-out-of-scope-access.ts";

const tags = ["Companies"];
const security = [{ session: [] }];
const CompanyParams = z.object({ companyId: z.uuid() });

const identityRoute = createRoute({
  method: "get",
  path: "/companies/{companyId}",
  tags,
  security,
  summary: "A company's identity (public register information for territorial roles)",
  request: { params: CompanyParams },
  responses: {
    200: { description: "The company", ...json(CompanyIdentitySchema) },
    ...errorResponses("validation_failed", "unauthenticated", "not_found"),
  },
});
const statementsRoute = createRoute({
  method: "get",
  path: "/companies/{companyId}/statements",
  tags,
  security,
  summary:
    "A company's financial statements (confidential: in scope, linked, or under an out-of-scope access)",
  request: { params: CompanyParams },
  responses: {
    200: { description: "Current statement of each period", ...json(StatementListSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "reason_required", "not_found"),
  },
});
const accessRoute = createRoute({
  method: "post",
  path: "/companies/{companyId}/out-of-scope-access",
  tags,
  security,
  summary: "State a reason to open a time-limited access to a company outside your scope",
  request: { params: CompanyParams, body: { ...json(OutOfScopeAccessInputSchema), required: true } },
  responses: {
    201: { description: "Access open", ...json(OutOfScopeAccessSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict"),
  },
});

export function createCompanyRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/companies/*", requireSession);
  return router
    .openapi(identityRoute, async (c) => {
      const authorised = await authoriseCompanyAccess(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "identity",
        {
          ...getRequestMeta(c, deps.trustProxy),
          what: "identity",
        },
      );
      return c.json(presentCompanyIdentity(authorised), 200);
    })
    .openapi(statementsRoute, async (c) => {
      const statements = await getCompanyStatements(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json({ items: statements.map(presentStatement) }, 200);
    })
    .openapi(accessRoute, async (c) => {
      const access = await openOutOfScopeAccess(
        { ...context, accessHours: deps.outOfScopeAccessHours },
        requirePrincipal(c),
        c.req.valid("param").companyId,
        c.req.valid("json").reason,
        getRequestMeta(c, deps.trustProxy),
      );
      return c.json(
        { ...access, grantedAt: access.grantedAt.toISOString(), expiresAt: access.expiresAt.toISOString() },
        201,
      );
    });
}
