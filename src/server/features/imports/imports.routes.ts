import { createRoute, z } from "@hono/zod-openapi";
import {
  type FileImportReportBody,
  FileImportReportSchema,
  type SpreadsheetImportReportBody,
  SpreadsheetImportReportSchema,
  StatementFileInputSchema,
} from "../../../contracts/imports.ts";
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

const importRoute = createRoute({
  method: "post",
  path: "/statements/import",
  tags: ["Imports"],
  security: [{ session: [] }],
  summary:
    "Import one statement file (an itcc-ci XBRL filing), all or nothing; scores are stored before the answer",
  description: "Send files one per request to follow progress; the same file again is reported as unchanged.",
  request: {
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
  request: {
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

function presentSpreadsheetReport(report: SpreadsheetImportReport): SpreadsheetImportReportBody {
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
  };
}

function presentFileReport(report: FileImportReport): FileImportReportBody {
  if (report.outcome === "rejected") return report;
  const { statementIds: _ids, ...rest } = report;
  return rest;
}

export function createImportRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use("/statements/import", requireRole("administrator", "analyst"));
  router.use("/statements/import-spreadsheet", requireRole("administrator", "analyst"));
  router.use("/statement-template", requireSession);
  const context = { db: deps.database.db, clock: deps.clock };
  return router
    .openapi(importRoute, async (c) => {
      const input = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      const report = await importXbrlFile(context, { fileName: input.fileName, bytes });
      return c.json(presentFileReport(report), 200);
    })
    .openapi(spreadsheetRoute, async (c) => {
      const input = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      const report = await importStatementSpreadsheet(context, { fileName: input.fileName, bytes });
      return c.json(presentSpreadsheetReport(report), 200);
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
