import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { buildDistrict, buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import { textileStatementItems } from "../../../../test/factories/textile-statement-items.ts";
import { AuditEventPageSchema } from "../../../contracts/audit.ts";
import {
  DetectionCountSchema,
  DetectionExportQuerySchema,
  type DetectionItem,
  DetectionListQuerySchema,
  DetectionPageSchema,
  detectionExportCap,
} from "../../../contracts/detection.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { companies } from "../../db/schema.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";
import { exportDetectionList } from "./export-detection-list.ts";
import { findDetectionPage } from "./find-detection-page.ts";

let database: DatabaseHandle;
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  await buildTerritory(database, { code: "IT", kind: "country" });
  await buildTerritory(database, { code: "ITI15", kind: "nuts3" });
  await buildTerritory(database, { code: "ITC13", kind: "nuts3" });
});
afterAll(async () => {
  await database.close();
});

type Health = "healthy" | "strained" | "failing" | "thin";

const itemsOf = (health: Health) =>
  health === "thin" ? { revenue: 50_000_000, equity: 10_000_000 } : textileStatementItems(health);

async function buildScoredCompany(options: {
  districtCode: string;
  nuts3Code?: string;
  name?: string;
  years: [number, Health][];
  sizeClass?: "micro" | "small" | "medium" | "large";
  atecoCode?: string;
  headcount?: number;
}) {
  const company = await buildCompany(database, {
    nuts3Code: options.nuts3Code ?? "ITI15",
    districtCode: options.districtCode,
    ...(options.name ? { name: options.name } : {}),
  });
  await database.db
    .update(companies)
    .set({
      sizeClass: options.sizeClass ?? "unknown",
      atecoCode: options.atecoCode ?? "13.20.00",
      headcount: options.headcount ?? null,
    })
    .where(eq(companies.id, company.id));
  for (const [year, health] of options.years)
    await buildStatement(database, company.id, year, itemsOf(health));
  await scoreCompanies({ db: database.db, clock: () => fixedNow }, [company.id]);
  return company;
}

/** A district with its analyst and companies at every level (latest year 2024). */
async function setUpDistrict() {
  const district = await buildDistrict(database, "ITI15");
  const red = await buildScoredCompany({
    districtCode: district.code,
    name: "Alfa Filati S.p.A.",
    years: [
      [2023, "strained"],
      [2024, "failing"],
    ],
    sizeClass: "medium",
  });
  const orange = await buildScoredCompany({
    districtCode: district.code,
    name: "Beta Tessuti S.r.l.",
    years: [
      [2023, "healthy"],
      [2024, "strained"],
    ],
    sizeClass: "small",
    atecoCode: "14.13.10",
  });
  const green = await buildScoredCompany({
    districtCode: district.code,
    name: "Gamma Lane S.r.l.",
    years: [
      [2023, "failing"],
      [2024, "healthy"],
    ],
    sizeClass: "small",
  });
  const grey = await buildScoredCompany({
    districtCode: district.code,
    name: "Delta Confezioni S.n.c.",
    years: [[2024, "thin"]],
  });
  const analyst = await buildUser(database, [{ role: "analyst", territoryCode: district.code }]);
  const session = await signIn(app, analyst.email);
  return { district, red, orange, green, grey, analyst, session };
}

async function list(session: SignedIn, query: string) {
  const response = await app.request(`/api/early-warning/companies?${query}`, { headers: session.headers() });
  expect(response.status, await response.clone().text()).toBe(200);
  return DetectionPageSchema.parse(await response.json());
}

const names = (items: DetectionItem[]) => items.map((item) => item.name);

describe("GET /api/early-warning/companies", () => {
  it("lists the latest risk row of the companies in scope, most severe first", async () => {
    const { session, red } = await setUpDistrict();
    const page = await list(session, "");
    expect(names(page.items)).toEqual([
      "Alfa Filati S.p.A.",
      "Beta Tessuti S.r.l.",
      "Gamma Lane S.r.l.",
      "Delta Confezioni S.n.c.",
    ]);
    expect(page.items.map((item) => item.alertLevel)).toEqual(["red", "orange", "green", "grey"]);
    expect(page.total).toBe(4);
    expect(page.nextAfter).toBeNull();
    const first = page.items[0];
    expect(first).toMatchObject({
      companyId: red.id,
      fiscalYear: 2024,
      previousAlertLevel: "orange",
      isDeteriorating: true,
      isFirstAlert: false,
      isLatest: true,
      isFollowed: false,
    });
    expect(first?.distressModels).toContain("zmijewski");
    expect(first?.revenueCents).toBe(textileStatementItems("failing").revenue);
  });

  it("shows a Prato analyst no company of Biella, and a linked role only its own companies", async () => {
    const prato = await setUpDistrict();
    const biellaDistrict = await buildDistrict(database, "ITC13");
    const biellaFirm = await buildScoredCompany({
      districtCode: biellaDistrict.code,
      nuts3Code: "ITC13",
      name: "Lanificio Biellese S.p.A.",
      years: [[2024, "failing"]],
    });
    const pratoNuts = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const pratoNutsPage = await list(await signIn(app, pratoNuts.email), "limit=200&alertLevel=red");
    expect(pratoNutsPage.items.map((item) => item.companyId)).not.toContain(biellaFirm.id);
    expect(pratoNutsPage.items.map((item) => item.companyId)).toContain(prato.red.id);
    const pratoDistrictPage = await list(prato.session, "");
    expect(pratoDistrictPage.items.every((item) => item.districtCode === prato.district.code)).toBe(true);

    const representative = await buildUser(database, [
      { role: "company_representative", companyIds: [prato.orange.id] },
    ]);
    const own = await list(await signIn(app, representative.email), "");
    expect(own.items.map((item) => item.companyId)).toEqual([prato.orange.id]);
    expect(own.total).toBe(1);

    const trainer = await buildUser(database, [{ role: "trainer" }]);
    expect((await list(await signIn(app, trainer.email), "")).total).toBe(0);
  });

  it.each<[string, string[]]>([
    ["alertLevel=red,orange", ["Alfa Filati S.p.A.", "Beta Tessuti S.r.l."]],
    ["alertLevel=green&alertLevel=grey", ["Gamma Lane S.r.l.", "Delta Confezioni S.n.c."]],
    ["model=zmijewski", ["Alfa Filati S.p.A."]],
    ["model=springate", ["Alfa Filati S.p.A.", "Beta Tessuti S.r.l."]],
    ["firstAlert=true", ["Beta Tessuti S.r.l."]],
    ["deteriorating=true", ["Alfa Filati S.p.A.", "Beta Tessuti S.r.l."]],
    ["deteriorating=false", ["Gamma Lane S.r.l.", "Delta Confezioni S.n.c."]],
    ["sizeClass=small", ["Beta Tessuti S.r.l.", "Gamma Lane S.r.l."]],
    ["sector=14", ["Beta Tessuti S.r.l."]],
    ["sector=13.20", ["Alfa Filati S.p.A.", "Gamma Lane S.r.l.", "Delta Confezioni S.n.c."]],
    ["year=2023", ["Gamma Lane S.r.l.", "Alfa Filati S.p.A.", "Beta Tessuti S.r.l."]],
    ["year=2023&alertLevel=red", ["Gamma Lane S.r.l."]],
    ["territory=ITC13", []],
    [
      "sort=name",
      ["Alfa Filati S.p.A.", "Beta Tessuti S.r.l.", "Delta Confezioni S.n.c.", "Gamma Lane S.r.l."],
    ],
    [
      "sort=-name",
      ["Gamma Lane S.r.l.", "Delta Confezioni S.n.c.", "Beta Tessuti S.r.l.", "Alfa Filati S.p.A."],
    ],
  ])("filters and sorts with %s", async (query, expected) => {
    const { session } = await setUpDistrict();
    const page = await list(session, query);
    expect(names(page.items)).toEqual(expected);
    expect(page.total).toBe(expected.length);
  });

  it("filters by district and territory, and by the companies the user follows", async () => {
    const { session, district, orange } = await setUpDistrict();
    expect((await list(session, `district=${district.code}`)).total).toBe(4);
    expect((await list(session, "territory=ITI15")).total).toBe(4);
    const followed = await app.request(`/api/me/follows/companies/${orange.id}`, {
      method: "PUT",
      headers: session.headers(),
    });
    expect(followed.status).toBe(204);
    const page = await list(session, "followedByMe=true");
    expect(page.items.map((item) => [item.companyId, item.isFollowed])).toEqual([[orange.id, true]]);
    expect((await list(session, "followedByMe=false")).total).toBe(3);
  });

  it("sorts by revenue and employees with unknown values last", async () => {
    const { session } = await setUpDistrict();
    const byRevenue = await list(session, "sort=-revenue");
    expect(byRevenue.items.map((item) => item.revenueCents)).toEqual(
      [...byRevenue.items.map((item) => item.revenueCents)].sort(
        (left, right) => (right ?? -1) - (left ?? -1),
      ),
    );
    const byEmployees = await list(session, "sort=employees");
    expect(byEmployees.total).toBe(4);
  });

  it("pages with a stable cursor: no row twice or missed, even when a company is added between pages", async () => {
    const { session, district } = await setUpDistrict();
    const first = await list(session, "sort=name&limit=2");
    expect(names(first.items)).toEqual(["Alfa Filati S.p.A.", "Beta Tessuti S.r.l."]);
    expect(first.nextAfter).not.toBeNull();
    // A company sorting before the cursor appears after the first page was read.
    await buildScoredCompany({
      districtCode: district.code,
      name: "Aaa Tinture S.r.l.",
      years: [[2024, "healthy"]],
    });
    const second = await list(session, `sort=name&limit=2&after=${first.nextAfter}`);
    expect(names(second.items)).toEqual(["Delta Confezioni S.n.c.", "Gamma Lane S.r.l."]);
    expect(second.total).toBe(5);
    const severityPages: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(
        session,
        `limit=1${after ? `&after=${after}` : ""}`,
      );
      severityPages.push(...names(page.items));
      after = page.nextAfter;
    } while (after);
    expect(severityPages).toEqual(names((await list(session, "limit=200")).items));
    expect(severityPages).toHaveLength(5);
  });

  it("counts every matching row on every page, also on an empty page past the last row", async () => {
    const { session, district } = await setUpDistrict();
    const first = await list(session, `district=${district.code}&sort=name&limit=1`);
    expect(names(first.items)).toEqual(["Alfa Filati S.p.A."]);
    expect(first.total).toBe(4);
    // Alfa is the only red company: after it, nothing red is left, yet the total counts it.
    const pastTheEnd = await list(
      session,
      `district=${district.code}&alertLevel=red&sort=name&limit=1&after=${first.nextAfter}`,
    );
    expect(pastTheEnd.items).toEqual([]);
    expect(pastTheEnd.total).toBe(1);
    expect(pastTheEnd.nextAfter).toBeNull();
    const bySeverity = await list(session, `district=${district.code}&alertLevel=orange&alertLevel=grey`);
    expect(names(bySeverity.items)).toEqual(["Beta Tessuti S.r.l.", "Delta Confezioni S.n.c."]);
    expect(bySeverity.total).toBe(2);
  });

  it("counts up to the bound, then says more match, on a full page and on an empty one", async () => {
    const { analyst, district, session } = await setUpDistrict();
    expect(await list(session, `district=${district.code}`)).toMatchObject({ total: 4, isTotalExact: true });
    const principal = {
      userId: analyst.userId,
      email: analyst.email,
      displayName: "Test User",
      locale: "en" as const,
      sessionId: "test",
      csrfToken: "test",
      grants: [
        {
          id: "grant",
          role: "analyst" as const,
          territory: { code: district.code, kind: "district" as const },
        },
      ],
    };
    const pageWithCap = (totalCap: number, query: Record<string, string> = {}) =>
      findDetectionPage(
        { db: database.db, totalCap },
        principal,
        DetectionListQuerySchema.parse({ district: district.code, sort: "name", limit: "2", ...query }),
      );
    const capped = await pageWithCap(3);
    expect(capped).toMatchObject({ total: 3, isTotalExact: false });
    expect(capped.items.map((item) => item.name)).toEqual(["Alfa Filati S.p.A.", "Beta Tessuti S.r.l."]);
    expect(await pageWithCap(4)).toMatchObject({ total: 4, isTotalExact: true });
    // Past the last row the page is empty and the bound is counted by a statement of its own.
    const after = (await pageWithCap(3, { limit: "3" })).nextAfter ?? "";
    const pastTheEnd = await pageWithCap(2, { after, alertLevel: "red" });
    expect(pastTheEnd.items).toEqual([]);
    expect(pastTheEnd).toMatchObject({ total: 1, isTotalExact: true });
    const lastPage = await pageWithCap(1, { after, limit: "4" });
    expect(lastPage.items.map((item) => item.name)).toEqual(["Gamma Lane S.r.l."]);
    expect(lastPage).toMatchObject({ total: 1, isTotalExact: false });
  });

  it.each<[string, string]>([
    ["alertLevel=purple", "query.alertLevel.0"],
    ["firstAlert=maybe", "query.firstAlert"],
    ["limit=500", "query.limit"],
    ["sort=size", "query.sort"],
    ["model=ohlson", "query.model"],
    ["year=twenty", "query.year"],
    ["sector=textiles", "query.sector"],
    ["territory=no-such-place", "query.territory"],
    ["district=ITI15", "query.district"],
    ["after=bm90LWEtY3Vyc29y", "query.after"],
  ])("answers 400 naming the field to %s", async (query, field) => {
    const { session } = await setUpDistrict();
    const response = await app.request(`/api/early-warning/companies?${query}`, {
      headers: session.headers(),
    });
    expect(response.status).toBe(400);
    const body = ErrorResponseSchema.parse(await response.json());
    expect(body.error.fields?.map((item) => item.path)).toContain(field);
  });

  it("refuses a cursor of another order", async () => {
    const { session } = await setUpDistrict();
    const first = await list(session, "sort=name&limit=1");
    const response = await app.request(`/api/early-warning/companies?sort=-year&after=${first.nextAfter}`, {
      headers: session.headers(),
    });
    expect(response.status).toBe(400);
  });
});

describe("GET /api/early-warning/companies/count", () => {
  it("counts exactly what the list matches in the user's scope, with the export's cap", async () => {
    const { district, session } = await setUpDistrict();
    const count = async (query: string) => {
      const response = await app.request(`/api/early-warning/companies/count?${query}`, {
        headers: session.headers(),
      });
      expect(response.status).toBe(200);
      return DetectionCountSchema.parse(await response.json());
    };
    expect(await count(`district=${district.code}`)).toEqual({ total: 4, exportCap: detectionExportCap });
    expect((await count(`district=${district.code}&alertLevel=red`)).total).toBe(
      (await list(session, `district=${district.code}&alertLevel=red`)).total,
    );
    const outside = await app.request("/api/early-warning/companies/count?alertLevel=purple", {
      headers: session.headers(),
    });
    expect(outside.status).toBe(400);
  });
});

describe("GET /api/early-warning/companies/export", () => {
  async function auditEvents() {
    const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
    const adminSession = await signIn(app, admin.email);
    const response = await app.request("/api/admin/audit-events?action=export.early_warning_list", {
      headers: adminSession.headers(),
    });
    return AuditEventPageSchema.parse(await response.json()).items;
  }

  it("exports CSV with Italian headers, neutralises formula-like text and audits the export", async () => {
    const { session, district, analyst } = await setUpDistrict();
    await buildScoredCompany({
      districtCode: district.code,
      name: '=HYPERLINK("http://evil.example","Clic")',
      years: [[2024, "failing"]],
    });
    const response = await app.request(
      "/api/early-warning/companies/export?format=csv&lang=it&alertLevel=red",
      { headers: session.headers() },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    expect(response.headers.get("Content-Disposition")).toContain("allerta-precoce");
    const text = await response.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toMatch(/^Impresa,Codice fiscale,Paese,ATECO,Distretto/);
    expect(lines).toHaveLength(3);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Clic"")"`);
    expect(text).toContain("rosso (rischio alto)");
    const event = (await auditEvents()).find((item) => item.actorEmail === analyst.email);
    expect(event?.details).toMatchObject({ format: "csv", rowCount: 2, filters: { alertLevel: ["red"] } });
  });

  it("exports XLSX with English headers by the user's locale and neutralised cells", async () => {
    const { session, district } = await setUpDistrict();
    await buildScoredCompany({
      districtCode: district.code,
      name: "@SUM(A1) S.r.l.",
      years: [[2024, "healthy"]],
    });
    const response = await app.request("/api/early-warning/companies/export?format=xlsx&sort=name", {
      headers: session.headers(),
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe("Company");
    const namesInSheet: unknown[] = [];
    sheet?.eachRow((row, index) => {
      if (index > 1) namesInSheet.push(row.getCell(1).value);
    });
    expect(namesInSheet).toEqual([
      "'@SUM(A1) S.r.l.",
      "Alfa Filati S.p.A.",
      "Beta Tessuti S.r.l.",
      "Delta Confezioni S.n.c.",
      "Gamma Lane S.r.l.",
    ]);
    expect(typeof sheet?.getRow(2).getCell(17).value).toBe("number");
  });

  it("refuses an export above the cap with a clear error, and audits nothing", async () => {
    const { analyst, district } = await setUpDistrict();
    const principal = {
      userId: analyst.userId,
      email: analyst.email,
      displayName: "Test User",
      locale: "en" as const,
      sessionId: "test",
      csrfToken: "test",
      grants: [
        {
          id: "grant",
          role: "analyst" as const,
          territory: { code: district.code, kind: "district" as const },
        },
      ],
    };
    const attempt = exportDetectionList(
      { db: database.db, clock: () => fixedNow, exportCap: 3 },
      principal,
      DetectionExportQuerySchema.parse({ district: district.code }),
      { ipAddress: undefined, requestId: undefined },
    );
    await expect(attempt).rejects.toMatchObject({
      code: "validation_failed",
      message: expect.stringContaining("more than the 3 allowed"),
    });
    expect((await auditEvents()).filter((event) => event.actorEmail === analyst.email)).toEqual([]);
  });

  it("answers 400 naming the field to a bad format", async () => {
    const { session } = await setUpDistrict();
    const response = await app.request("/api/early-warning/companies/export?format=pdf", {
      headers: session.headers(),
    });
    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(await response.json()).error.fields?.[0]?.path).toBe("query.format");
  });
});
