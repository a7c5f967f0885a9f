import { createRoute, z } from "@hono/zod-openapi";
import { CompanyScoresSchema } from "../../../contracts/scores.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireSession } from "../../http/session.ts";
import { getCompanyScores } from "./get-company-scores.ts";

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

export function createScoringRoutes(deps: AppDeps) {
  const router = createRouter();
  router.on("GET", "/companies/*", requireSession);
  return router.openapi(scoresRoute, async (c) => {
    const scores = await getCompanyScores(
      { db: deps.database.db, clock: deps.clock },
      requirePrincipal(c),
      c.req.valid("param").companyId,
      getRequestMeta(c, deps.trustProxy),
    );
    return c.json(scores, 200);
  });
}
