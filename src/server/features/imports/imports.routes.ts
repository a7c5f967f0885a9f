import { createRoute } from "@hono/zod-openapi";
import {
  type FileImportReportBody,
  FileImportReportSchema,
  StatementFileInputSchema,
} from "../../../contracts/imports.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { requireRole } from "../../http/session.ts";
import type { FileImportReport } from "./import-xbrl-file.ts";
import { importXbrlFile } from "./import-xbrl-file.ts";

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

function presentFileReport(report: FileImportReport): FileImportReportBody {
  if (report.outcome === "rejected") return report;
  const { statementIds: _ids, ...rest } = report;
  return rest;
}

export function createImportRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use("/statements/import", requireRole("administrator", "analyst"));
  return router.openapi(importRoute, async (c) => {
    const input = c.req.valid("json");
    const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
    const report = await importXbrlFile(
      { db: deps.database.db, clock: deps.clock },
      { fileName: input.fileName, bytes },
    );
    return c.json(presentFileReport(report), 200);
  });
}
