import { createRoute, z } from "@hono/zod-openapi";
import {
  DistrictAlarmListSchema,
  DistrictSeriesDetailSchema,
  DistrictSeriesListQuerySchema,
  DistrictSeriesListSchema,
  ImportProfileInputSchema,
  ImportProfileListSchema,
  ImportProfileSchema,
  SeriesExportSchema,
  SeriesFileInputSchema,
  SeriesImportReportSchema,
  SeriesPreviewInputSchema,
  SeriesPreviewSchema,
} from "../../../contracts/district-series.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireRole, requireSession } from "../../http/session.ts";
import { exportDistrictSeries } from "./export-district-series.ts";
import { findDistrictAlarms, findDistrictSeriesPage, getDistrictSeries } from "./find-district-series.ts";
import { importSeriesFile } from "./import-series-file.ts";
import {
  createSeriesImportProfile,
  deleteSeriesImportProfile,
  findSeriesImportProfiles,
  updateSeriesImportProfile,
} from "./manage-import-profiles.ts";
import { previewSeriesFile } from "./preview-series-file.ts";

const tags = ["District series"];
const security = [{ session: [] }];
const ProfileParams = z.object({ profileId: z.uuid() });
const SeriesParams = z.object({ seriesId: z.uuid() });
const DistrictParams = z.object({ districtCode: z.string().trim().min(1).max(60) });
const editors = ["administrator", "analyst"] as const;

const listProfilesRoute = createRoute({
  method: "get",
  path: "/district-series/profiles",
  tags,
  security,
  summary: "Saved import profiles (column mappings for CSV files of series)",
  responses: {
    200: { description: "Profiles by name", ...json(ImportProfileListSchema) },
    ...errorResponses("unauthenticated", "forbidden"),
  },
});
const createProfileRoute = createRoute({
  method: "post",
  path: "/district-series/profiles",
  tags,
  security,
  summary: "Save an import profile",
  request: { body: { ...json(ImportProfileInputSchema), required: true } },
  responses: {
    201: { description: "Saved", ...json(ImportProfileSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "conflict"),
  },
});
const updateProfileRoute = createRoute({
  method: "put",
  path: "/district-series/profiles/{profileId}",
  tags,
  security,
  summary: "Change an import profile (files imported with it stay as they are)",
  request: { params: ProfileParams, body: { ...json(ImportProfileInputSchema), required: true } },
  responses: {
    200: { description: "Saved", ...json(ImportProfileSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict"),
  },
});
const deleteProfileRoute = createRoute({
  method: "delete",
  path: "/district-series/profiles/{profileId}",
  tags,
  security,
  summary: "Delete an import profile (what it imported stays)",
  request: { params: ProfileParams },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});
const previewRoute = createRoute({
  method: "post",
  path: "/district-series/imports/preview",
  tags,
  security,
  summary: "Read a series file without importing it: format, series, first observations, problems",
  request: { body: { ...json(SeriesPreviewInputSchema), required: true } },
  responses: {
    200: { description: "What an import would read", ...json(SeriesPreviewSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "payload_too_large"),
  },
});
const importRoute = createRoute({
  method: "post",
  path: "/district-series/imports",
  tags,
  security,
  summary: "Import one file of district series (JSON-stat, SDMX-CSV, or CSV with a profile), all or nothing",
  description:
    "New periods are inserted; changed values replace the current ones and the old are kept as revisions; alarms are re-evaluated. The same file with the same profile again changes nothing. " +
    "A request that is not valid (no file name, contentBase64 empty or not base64, an unknown profile) is a 400 naming the field. " +
    "A well-formed upload whose file cannot be read is reported per file, as in a batch: 200 with outcome `rejected`, " +
    "the reason (line and column first) and every problem; nothing is written.",
  request: { body: { ...json(SeriesFileInputSchema), required: true } },
  responses: {
    200: {
      description:
        "The file's report: imported, unchanged, or rejected (nothing written) with its problems by line and column",
      ...json(SeriesImportReportSchema),
    },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "payload_too_large"),
  },
});
const listRoute = createRoute({
  method: "get",
  path: "/district-series",
  tags,
  security,
  summary: "District series with their latest value and alarm state (those in alarm first)",
  request: { query: DistrictSeriesListQuerySchema },
  responses: {
    200: { description: "A page of series", ...json(DistrictSeriesListSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "not_found"),
  },
});
const exportRoute = createRoute({
  method: "get",
  path: "/district-series/export",
  tags,
  security,
  summary: "Every district series with its key, dimensions and observations (JSON)",
  responses: {
    200: { description: "All series", ...json(SeriesExportSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const detailRoute = createRoute({
  method: "get",
  path: "/district-series/{seriesId}",
  tags,
  security,
  summary:
    "One series: observations, revisions, YoY, STL components, modified z, CUSUM, change points, alarms",
  request: { params: SeriesParams },
  responses: {
    200: { description: "The series and its signals", ...json(DistrictSeriesDetailSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "not_found"),
  },
});
const alarmsRoute = createRoute({
  method: "get",
  path: "/districts/{districtCode}/alarms",
  tags,
  security,
  summary: "A district's alarm list: which signals are in alarm and why (method, value, baseline, threshold)",
  request: { params: DistrictParams },
  responses: {
    200: { description: "The district's signals", ...json(DistrictAlarmListSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "not_found"),
  },
});

export function createDistrictSeriesRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/district-series/profiles", requireRole(...editors));
  router.use("/district-series/profiles/*", requireRole(...editors));
  router.use("/district-series/imports", requireRole(...editors));
  router.use("/district-series/imports/*", requireRole(...editors));
  router.use("/district-series", requireSession);
  router.use("/district-series/*", requireSession);
  router.use("/districts/:districtCode/alarms", requireSession);
  return router
    .openapi(listProfilesRoute, async (c) => c.json({ items: await findSeriesImportProfiles(context) }, 200))
    .openapi(createProfileRoute, async (c) => {
      const principal = requirePrincipal(c);
      return c.json(await createSeriesImportProfile(context, c.req.valid("json"), principal.userId), 201);
    })
    .openapi(updateProfileRoute, async (c) =>
      c.json(
        await updateSeriesImportProfile(context, c.req.valid("param").profileId, c.req.valid("json")),
        200,
      ),
    )
    .openapi(deleteProfileRoute, async (c) => {
      await deleteSeriesImportProfile(context, c.req.valid("param").profileId);
      return c.body(null, 204);
    })
    .openapi(previewRoute, async (c) => {
      const input = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      const preview = await previewSeriesFile(
        context,
        { fileName: input.fileName, bytes, profileName: input.profileName },
        input.mapping,
      );
      return c.json(preview, 200);
    })
    .openapi(importRoute, async (c) => {
      const principal = requirePrincipal(c);
      const input = c.req.valid("json");
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, "base64"));
      // `alarmsEntered` of the result is what district-alarm notifications are built from.
      const { report } = await importSeriesFile(
        context,
        { fileName: input.fileName, bytes, profileName: input.profileName },
        { userId: principal.userId, email: principal.email, meta: getRequestMeta(c, deps.trustProxy) },
      );
      return c.json(report, 200);
    })
    .openapi(listRoute, async (c) => c.json(await findDistrictSeriesPage(context, c.req.valid("query")), 200))
    .openapi(exportRoute, async (c) => {
      c.header("Content-Disposition", 'attachment; filename="sector-district-series.json"');
      return c.json(await exportDistrictSeries(context), 200);
    })
    .openapi(detailRoute, async (c) =>
      c.json(await getDistrictSeries(context, c.req.valid("param").seriesId), 200),
    )
    .openapi(alarmsRoute, async (c) =>
      c.json(await findDistrictAlarms(context, c.req.valid("param").districtCode), 200),
    );
}
