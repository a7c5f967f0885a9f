import { createRoute, z } from "@hono/zod-openapi";
import {
  type FileImportReportBody,
  FileImportReportSchema,
  type ImportScoringBody,
  type SpreadsheetImportReportBody,
  SpreadsheetImportReportSchema,
  StatementFileInputSchema,
} from "../../../contracts/imports.ts";
import type { JobRunState } from "../../../contracts/jobs.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { requireRole, requireSession } from "../../http/session.ts";
import type { FileImportReport } from "./import-xbrl-file.ts";
import { importXbrlFile } from "./import-xbrl-file.ts";
import {
  importStatementSpreadsheet,
  type SpreadsheetImportReport,
} from "./spreadsheet/import-statement-spreadsheet.ts";
import { buildStatementTemplateCsv, buildStatementTemplateXlsx } from "./spreadsheet/statement-template.ts";

const ImportQuerySchema = z.object({
  wait: z.enum(["true", "false"]).default("false").meta({
    description: "true: answer once the queued scoring of what was imported has finished (the CLI waits so)",
  }),
});

const importRoute = createRoute({
  method: "post",
  path: "/statements/import",
  tags: ["Imports"],
  security: [{ session: [] }],
  summary:
    "Import one statement file (an itcc-ci XBRL filing), all or nothing; its scoring is queued as a job run",
  description:
    "Send files one per request to follow progress; the same file again is reported as unchanged. `scoring` names the job run computing the scores (follow it at GET /api/jobs/{id}, or send ?wait=true).",
  request: {
    query: ImportQuerySchema,
    body: { content: { "application/json": { schema: StatementFileInputSchema } }, required: true },
  },
  responses: {
    200: {
      description: "The file's report (imported, unchanged or rejected with the reason)",
      content: { "application/json": { schema: FileImportReportSchema } },
    },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "payload_too_large"),
  },
});

const spreadsheetRoute = createRoute({
  method: "post",
  path: "/statements/import-spreadsheet",
  tags: ["Imports"],
  security: [{ session: [] }],
  summary: "Import a statements spreadsheet (CSV or XLSX, the template's columns), all or nothing",
  description:
    "Its scoring is queued as a job run, named in `scoring`; ?wait=true answers once it has finished.",
  request: {
    query: ImportQuerySchema,
    body: { content: { "application/json": { schema: StatementFileInputSchema } }, required: true },
  },
  responses: {
    200: {
      description: "The file's report; a rejection lists every problem with its row and column",
      content: { "application/json": { schema: SpreadsheetImportReportSchema } },
    },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "payload_too_large"),
  },
});
const templateRoute = createRoute({
  method: "get",
  path: "/statement-template",
  tags: ["Imports"],
  security: [{ session: [] }],
  summary: "The statements spreadsheet template (one row per company-year), with Italian or English headers",
  request: {
    query: z.object({
      locale: z.enum(["it", "en"]).default("en"),
      format: z.enum(["csv", "xlsx"]).default("xlsx"),
    }),
  },
  responses: {
    200: {
      description: "The template",
      content: {
        "text/csv": { schema: z.string() },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string() },
      },
    },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});

function presentSpreadsheetReport(
  report: SpreadsheetImportReport,
  scoring: ImportScoringBody | undefined,
): SpreadsheetImportReportBody {
  if (report.outcome === "rejected") {
    return {
      fileName: report.fileName,
      outcome: "rejected",
      reason: report.reason,
      unknownColumns: report.unknownColumns,
      problems: report.problems,
    };
  }
  return {
    fileName: report.fileName,
    outcome: report.outcome,
    unknownColumns: report.unknownColumns,
    rows: report.rows,
    ...(scoring ? { scoring } : {}),
  };
}

function presentFileReport(
  report: FileImportReport,
  scoring: ImportScoringBody | undefined,
): FileImportReportBody {
  if (report.outcome === "rejected") return report;
  const { statementIds: _ids, scoringJobRunId: _jobRunId, ...rest } = report;
  return { ...rest, ...(scoring ? { scoring } : {}) };
}

export function createImportRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use("/statements/import", requireRole("administrator", "analyst"));
  router.use("/statements/import-spreadsheet", requireRole("administrator", "analyst"));
  router.use("/statement-template", requireSession);
  const context = { db: deps.database.db, clock: deps.clock, jobs: deps.jobs };
  /** The queued scoring, followed to its end when the caller waits. */
  const followScoring = async (
    jobRunId: string | undefined,
    isWaiting: boolean,
  ): Promise<ImportScoringBody | undefined> => {
    if (!jobRunId) return undefined;
    if (!isWaiting || !deps.jobs) return { jobRunId, state: "queued" };
    const run = await deps.jobs.waitForJobRun(jobRunId);
    return { jobRunId, state: run.state as JobRunState };
  };
  return router
    .openapi(importRoute, async (c) => {
      const input = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      const report = await importXbrlFile(context, { fileName: input.fileName, bytes });
      const jobRunId = report.outcome === "rejected" ? undefined : report.scoringJobRunId;
      const scoring = await followScoring(jobRunId, c.req.valid("query").wait === "true");
      return c.json(presentFileReport(report, scoring), 200);
    })
    .openapi(spreadsheetRoute, async (c) => {
      const input = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      const report = await importStatementSpreadsheet(context, { fileName: input.fileName, bytes });
      const jobRunId = report.outcome === "rejected" ? undefined : report.scoringJobRunId;
      const scoring = await followScoring(jobRunId, c.req.valid("query").wait === "true");
      return c.json(presentSpreadsheetReport(report, scoring), 200);
    })
    .openapi(templateRoute, async (c) => {
      const { locale, format } = c.req.valid("query");
      c.header(
        "Content-Disposition",
        `attachment; filename="sector-statements-template-${locale}.${format}"`,
      );
      if (format === "csv") {
        return c.body(buildStatementTemplateCsv(locale), 200, { "Content-Type": "text/csv; charset=utf-8" });
      }
      const workbook = await buildStatementTemplateXlsx(locale);
      return c.body(Buffer.from(workbook), 200, {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      });
    });
}
