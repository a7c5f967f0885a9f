import { createRoute, z } from "@hono/zod-openapi";
import {
  CompanyReportQuerySchema,
  CompanyRiskSchema,
  ManagementSignalsInputSchema,
  MarketDataInputSchema,
  RecoveryTestInputSchema,
  SavedManagementSignalsSchema,
  SavedMarketDataSchema,
  SavedRecoveryTestSchema,
  ScoreFeedbackInputSchema,
  ScoreFeedbackSchema,
  UserInputHistorySchema,
  type UserInputKind,
} from "../../../contracts/company-risk.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireRole, requireSession } from "../../http/session.ts";
import { exportCompanyReport } from "./export-company-report.ts";
import { findUserInputHistory } from "./find-user-input-history.ts";
import { getCompanyRisk } from "./get-company-risk.ts";
import { giveScoreFeedback } from "./give-score-feedback.ts";
import { saveUserInput } from "./save-user-input.ts";

const tags = ["Early warning"];
const security = [{ session: [] }];
const CompanyParams = z.object({ companyId: z.uuid() });
const readErrors = errorResponses("validation_failed", "unauthenticated", "reason_required", "not_found");

const riskRoute = createRoute({
  method: "get",
  path: "/companies/{companyId}/risk",
  tags,
  security,
  summary:
    "Everything the company risk page shows (confidential): statements, every model per year with thresholds, the CNDCEC breach matrix, what moved the score, the latest user inputs judged",
  request: { params: CompanyParams },
  responses: { 200: { description: "The company's risk", ...json(CompanyRiskSchema) }, ...readErrors },
});

const saveDescription = "Every save is kept (see the history); the latest is in force. Audited.";
const inputPath = (kind: UserInputKind) => `/companies/{companyId}/inputs/${kind}`;

const saveSignalsRoute = createRoute({
  method: "put",
  path: inputPath("management_signals"),
  tags,
  security,
  summary:
    "Save art. 3 c.4 and art. 25-novies CCII management data; returns the signals by the rule in force",
  description: saveDescription,
  request: { params: CompanyParams, body: { ...json(ManagementSignalsInputSchema), required: true } },
  responses: {
    200: { description: "Saved, with the signals", ...json(SavedManagementSignalsSchema) },
    ...readErrors,
  },
});
const saveRecoveryTestRoute = createRoute({
  method: "put",
  path: inputPath("recovery_test"),
  tags,
  security,
  summary: "Save the items of the practical recovery test (D.M. 21-03-2023); returns its band",
  description: saveDescription,
  request: { params: CompanyParams, body: { ...json(RecoveryTestInputSchema), required: true } },
  responses: {
    200: { description: "Saved, with the band", ...json(SavedRecoveryTestSchema) },
    ...readErrors,
  },
});
const saveMarketDataRoute = createRoute({
  method: "put",
  path: inputPath("market_data"),
  tags,
  security,
  summary:
    "Save the DSCR and the market value of equity of a period; returns Altman Z and the screen recomputed",
  description: saveDescription,
  request: { params: CompanyParams, body: { ...json(MarketDataInputSchema), required: true } },
  responses: {
    200: { description: "Saved, with the models recomputed", ...json(SavedMarketDataSchema) },
    ...readErrors,
  },
});

const historyRoute = (kind: UserInputKind) =>
  createRoute({
    method: "get",
    path: `/companies/{companyId}/inputs/${kind}/history`,
    tags,
    security,
    summary: `Every save of the company's ${kind.replace("_", " ")} inputs, newest first (confidential)`,
    request: { params: CompanyParams },
    responses: { 200: { description: "The saves", ...json(UserInputHistorySchema) }, ...readErrors },
  });

const feedbackRoute = createRoute({
  method: "post",
  path: "/companies/{companyId}/feedback",
  tags,
  security,
  summary: "Say whether a company-year's early-warning result was useful, with a reason code (audited)",
  request: { params: CompanyParams, body: { ...json(ScoreFeedbackInputSchema), required: true } },
  responses: { 201: { description: "Recorded", ...json(ScoreFeedbackSchema) }, ...readErrors },
});

const reportRoute = createRoute({
  method: "get",
  path: "/companies/{companyId}/report.pdf",
  tags,
  security,
  summary:
    "The company risk report as a PDF, in Italian or English, with the source of every figure (audited export)",
  request: { params: CompanyParams, query: CompanyReportQuerySchema },
  responses: {
    200: {
      description: "PDF file",
      content: { "application/pdf": { schema: z.string().meta({ format: "binary" }) } },
    },
    ...readErrors,
  },
});

export function createCompanyRiskRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/companies/*", requireSession);
  // Entering figures about a company is an editor's action, like every PUT under /companies.
  router.on("PUT", "/companies/*/inputs/*", requireRole("administrator", "analyst"));
  const meta = (c: Parameters<typeof requirePrincipal>[0]) => getRequestMeta(c, deps.trustProxy);
  return router
    .openapi(riskRoute, async (c) => {
      const risk = await getCompanyRisk(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        meta(c),
      );
      return c.json(risk, 200);
    })
    .openapi(saveSignalsRoute, async (c) => {
      const saved = await saveUserInput(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "management_signals",
        c.req.valid("json"),
        meta(c),
      );
      return c.json(saved, 200);
    })
    .openapi(saveRecoveryTestRoute, async (c) => {
      const saved = await saveUserInput(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "recovery_test",
        c.req.valid("json"),
        meta(c),
      );
      return c.json(saved, 200);
    })
    .openapi(saveMarketDataRoute, async (c) => {
      const saved = await saveUserInput(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "market_data",
        c.req.valid("json"),
        meta(c),
      );
      return c.json(saved, 200);
    })
    .openapi(historyRoute("management_signals"), async (c) => {
      const items = await findUserInputHistory(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "management_signals",
        meta(c),
      );
      return c.json({ items }, 200);
    })
    .openapi(historyRoute("recovery_test"), async (c) => {
      const items = await findUserInputHistory(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "recovery_test",
        meta(c),
      );
      return c.json({ items }, 200);
    })
    .openapi(historyRoute("market_data"), async (c) => {
      const items = await findUserInputHistory(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        "market_data",
        meta(c),
      );
      return c.json({ items }, 200);
    })
    .openapi(feedbackRoute, async (c) => {
      const feedback = await giveScoreFeedback(
        context,
        requirePrincipal(c),
        c.req.valid("param").companyId,
        c.req.valid("json"),
        meta(c),
      );
      return c.json(feedback, 201);
    })
    .openapi(reportRoute, async (c) => {
      const principal = requirePrincipal(c);
      const language = c.req.valid("query").lang ?? principal.locale;
      const { fileName, pdf } = await exportCompanyReport(
        context,
        principal,
        c.req.valid("param").companyId,
        language,
        meta(c),
      );
      c.header("Content-Disposition", `attachment; filename="${fileName}"`);
      c.header("Cache-Control", "no-store");
      return c.body(new Uint8Array(pdf), 200, { "Content-Type": "application/pdf" });
    });
}
