import { createRoute, z } from "@hono/zod-openapi";
import { CompanyIdentitySchema } from "../../../contracts/companies.ts";
import {
  CompanyImportReportSchema,
  CompanyInputSchema,
  CompanyListQuerySchema,
  CompanyPageSchema,
  MunicipalitySchema,
  SectorSchema,
} from "../../../contracts/registry.ts";
import { formatCsv } from "../../../domain/shared/format-csv.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireRole, requireSession } from "../../http/session.ts";
import { authoriseCompanyAccess } from "./authorise-company-access.ts";
import { presentCompanyIdentity } from "./companies.presenter.ts";
import { findCompanyPage } from "./find-company-page.ts";
import { companyTemplateHeaders, importCompanies } from "./import-companies.ts";
import { findMunicipalityRows, findSectorRows } from "./registry.repo.ts";
import { createCompany, updateCompany } from "./save-company.ts";

const tags = ["Companies"];
const security = [{ session: [] }];
const editors = ["administrator", "analyst"] as const;

const listRoute = createRoute({
  method: "get",
  path: "/companies",
  tags,
  security,
  summary:
    "Company register: filter by territory, sector, size class and placement; search by name or tax code",
  request: { query: CompanyListQuerySchema },
  responses: {
    200: { description: "A page of companies", ...json(CompanyPageSchema) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const createCompanyRoute = createRoute({
  method: "post",
  path: "/companies",
  tags,
  security,
  summary: "Register a company",
  request: { body: { ...json(CompanyInputSchema), required: true } },
  responses: {
    201: { description: "Registered", ...json(CompanyIdentitySchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "conflict"),
  },
});
const updateCompanyRoute = createRoute({
  method: "put",
  path: "/companies/{companyId}",
  tags,
  security,
  summary: "Replace a company's register data",
  request: {
    params: z.object({ companyId: z.uuid() }),
    body: { ...json(CompanyInputSchema), required: true },
  },
  responses: {
    200: { description: "Updated", ...json(CompanyIdentitySchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found", "conflict"),
  },
});
const ImportInputSchema = z
  .object({
    csv: z.string().min(1, { error: "the file is empty" }).max(10_000_000),
    fileName: z.string().max(255).optional(),
    isPreview: z.boolean().default(true),
  })
  .meta({ id: "CompanyImportInput" });
const importRoute = createRoute({
  method: "post",
  path: "/companies/import",
  tags,
  security,
  summary: "Import a CSV list of companies (all or nothing; preview first)",
  request: { body: { ...json(ImportInputSchema), required: true } },
  responses: {
    200: { description: "The per-row report", ...json(CompanyImportReportSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "payload_too_large"),
  },
});
const templateRoute = createRoute({
  method: "get",
  path: "/company-import-template",
  tags,
  security,
  summary: "The CSV template of the company list, with headers in Italian or English",
  request: { query: z.object({ locale: z.enum(["it", "en"]).default("en") }) },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const sectorsRoute = createRoute({
  method: "get",
  path: "/sectors",
  tags: ["Reference data"],
  security,
  summary: "ATECO 2007 / NACE Rev. 2 codes with Italian and English titles and the CNDCEC group",
  request: {
    query: z.object({
      level: z.enum(["section", "division", "group", "class", "category", "subcategory"]).optional(),
      parentCode: z.string().max(12).optional(),
    }),
  },
  responses: {
    200: { description: "Sectors", ...json(z.object({ items: z.array(SectorSchema) })) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const municipalitiesRoute = createRoute({
  method: "get",
  path: "/municipalities",
  tags: ["Reference data"],
  security,
  summary: "Italian municipalities by name prefix (accents ignored) or NUTS 3 region, 50 at most",
  request: {
    query: z.object({ q: z.string().trim().max(100).optional(), nuts3Code: z.string().max(6).optional() }),
  },
  responses: {
    200: { description: "Municipalities", ...json(z.object({ items: z.array(MunicipalitySchema) })) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});

export function createRegistryRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/companies", async (c, next) => {
    const guard = c.req.method === "GET" ? requireSession : requireRole(...editors);
    return guard(c, next);
  });
  router.use("/companies/import", requireRole(...editors));
  router.on("PUT", "/companies/*", requireRole(...editors));
  for (const path of ["/company-import-template", "/sectors", "/municipalities"])
    router.use(path, requireSession);
  const identity = async (
    principal: ReturnType<typeof requirePrincipal>,
    companyId: string,
    meta: ReturnType<typeof getRequestMeta>,
  ) =>
    presentCompanyIdentity(
      await authoriseCompanyAccess(context, principal, companyId, "identity", { ...meta, what: "identity" }),
    );
  return router
    .openapi(listRoute, async (c) => {
      const page = await findCompanyPage(context, requirePrincipal(c), c.req.valid("query"));
      return c.json(page, 200);
    })
    .openapi(createCompanyRoute, async (c) => {
      const companyId = await createCompany(context, c.req.valid("json"));
      return c.json(await identity(requirePrincipal(c), companyId, getRequestMeta(c, deps.trustProxy)), 201);
    })
    .openapi(updateCompanyRoute, async (c) => {
      const { companyId } = c.req.valid("param");
      const principal = requirePrincipal(c);
      const meta = getRequestMeta(c, deps.trustProxy);
      await identity(principal, companyId, meta);
      await updateCompany(context, companyId, c.req.valid("json"));
      return c.json(await identity(principal, companyId, meta), 200);
    })
    .openapi(importRoute, async (c) => {
      const input = c.req.valid("json");
      const report = await importCompanies(context, {
        csvText: input.csv,
        fileName: input.fileName ?? null,
        isPreview: input.isPreview,
      });
      return c.json(report, 200);
    })
    .openapi(templateRoute, (c) => {
      const { locale } = c.req.valid("query");
      c.header("Content-Disposition", `attachment; filename="sector-companies-template-${locale}.csv"`);
      return c.body(formatCsv([[...companyTemplateHeaders[locale]]]), 200, {
        "Content-Type": "text/csv; charset=utf-8",
      });
    })
    .openapi(sectorsRoute, async (c) =>
      c.json({ items: await findSectorRows(deps.database.db, c.req.valid("query")) }, 200),
    )
    .openapi(municipalitiesRoute, async (c) => {
      const query = c.req.valid("query");
      return c.json(
        {
          items: await findMunicipalityRows(deps.database.db, {
            search: query.q,
            nuts3Code: query.nuts3Code,
          }),
        },
        200,
      );
    });
}
