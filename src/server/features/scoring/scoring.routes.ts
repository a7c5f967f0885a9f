import { createRoute, z } from "@hono/zod-openapi";
import { type CompanyScores, CompanyScoresSchema } from "../../../contracts/scores.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireSession } from "../../http/session.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { findCompanyScores } from "./scoring.repo.ts";

const scoresRoute = createRoute({
  method: "get",
  path: "/companies/{companyId}/scores",
  tags: ["Early warning"],
  security: [{ session: [] }],
  summary: "Every model's result for each year on record (confidential), with the inputs used",
  request: { params: z.object({ companyId: z.uuid() }) },
  responses: {
    200: { description: "Results by year", content: { "application/json": { schema: CompanyScoresSchema } } },
    ...errorResponses("validation_failed", "unauthenticated", "reason_required", "not_found"),
  },
});

/** Groups stored results by statement year. */
export function presentCompanyScores(rows: Awaited<ReturnType<typeof findCompanyScores>>): CompanyScores {
  const years = new Map<string, CompanyScores["years"][number]>();
  for (const row of rows) {
    const year = years.get(row.statementId) ?? {
      periodEndOn: row.periodEndOn,
      statementId: row.statementId,
      results: [],
    };
    year.results.push({
      model: row.model,
      ruleSetVersion: row.ruleSetVersion,
      status: row.status === "computed" ? "computed" : "not_computable",
      value: row.value,
      zone: row.zone,
      inputs: row.inputs as Record<string, number>,
      details: row.details as Record<string, unknown>,
    });
    years.set(row.statementId, year);
  }
  return { years: [...years.values()] };
}

export function createScoringRoutes(deps: AppDeps) {
  const router = createRouter();
  router.on("GET", "/companies/*", requireSession);
  return router.openapi(scoresRoute, async (c) => {
    const { companyId } = c.req.valid("param");
    await authoriseCompanyAccess(
      { db: deps.database.db, clock: deps.clock },
      requirePrincipal(c),
      companyId,
      "confidential",
      {
        ...getRequestMeta(c, deps.trustProxy),
        what: "scores",
      },
    );
    return c.json(presentCompanyScores(await findCompanyScores(deps.database.db, companyId)), 200);
  });
}
