import { createRoute, z } from "@hono/zod-openapi";
import {
  CompanyPartnerLinksSchema,
  CompanyPartnerListSchema,
  CreatePartnerInputSchema,
  type Partner,
  PartnerListSchema,
  PartnerSchema,
} from "../../../contracts/partners.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { getRequestMeta, requirePrincipal, requireRole, requireSession } from "../../http/session.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { createPartner, findCompanyPartners, linkCompanyPartners } from "./manage-partners.ts";
import { findPartners, type PartnerRow } from "./partners.repo.ts";

const tags = ["Partners"];
const security = [{ session: [] }];
const CompanyParams = z.object({ companyId: z.uuid() });

const listRoute = createRoute({
  method: "get",
  path: "/partners",
  tags,
  security,
  summary: "Organisations of the partnership",
  request: { query: z.object({ q: z.string().trim().max(100).optional() }) },
  responses: {
    200: { description: "Partners", ...json(PartnerListSchema) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const createPartnerRoute = createRoute({
  method: "post",
  path: "/admin/partners",
  tags,
  security,
  summary: "Add an organisation to the partnership",
  request: { body: { ...json(CreatePartnerInputSchema), required: true } },
  responses: {
    201: { description: "Added", ...json(PartnerSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden"),
  },
});
const companyPartnersRoute = createRoute({
  method: "get",
  path: "/companies/{companyId}/partners",
  tags,
  security,
  summary: "The partners a company is linked to",
  request: { params: CompanyParams },
  responses: {
    200: { description: "Links", ...json(CompanyPartnerListSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "not_found"),
  },
});
const linkRoute = createRoute({
  method: "put",
  path: "/companies/{companyId}/partners",
  tags,
  security,
  summary: "Set the partners a company is linked to",
  request: { params: CompanyParams, body: { ...json(CompanyPartnerLinksSchema), required: true } },
  responses: {
    200: { description: "Links", ...json(CompanyPartnerListSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

function presentPartner(row: PartnerRow): Partner {
  return { id: row.id, name: row.name, kind: row.kind as Partner["kind"], countryCode: row.countryCode };
}

export function createPartnerRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/partners", requireRole("administrator", "analyst", "committee_member"));
  router.use("/admin/partners", requireRole("administrator"));
  router.on("GET", "/companies/*", requireSession);
  router.on("PUT", "/companies/*", requireRole("administrator", "analyst"));
  const presentLinks = (rows: (PartnerRow & { relation: string })[]) => ({
    items: rows.map((row) => ({
      ...presentPartner(row),
      relation: row.relation as "member" | "client" | "follows" | "other",
    })),
  });
  return router
    .openapi(listRoute, async (c) =>
      c.json(
        { items: (await findPartners(deps.database.db, c.req.valid("query").q)).map(presentPartner) },
        200,
      ),
    )
    .openapi(createPartnerRoute, async (c) =>
      c.json(presentPartner(await createPartner(context, c.req.valid("json"))), 201),
    )
    .openapi(companyPartnersRoute, async (c) => {
      const { companyId } = c.req.valid("param");
      await authoriseCompanyAccess(context, requirePrincipal(c), companyId, "identity", {
        ...getRequestMeta(c, deps.trustProxy),
        what: "partners",
      });
      return c.json(presentLinks(await findCompanyPartners(context, companyId)), 200);
    })
    .openapi(linkRoute, async (c) => {
      const { companyId } = c.req.valid("param");
      await authoriseCompanyAccess(context, requirePrincipal(c), companyId, "identity", {
        ...getRequestMeta(c, deps.trustProxy),
        what: "partners",
      });
      return c.json(
        presentLinks(await linkCompanyPartners(context, companyId, c.req.valid("json").links)),
        200,
      );
    });
}
