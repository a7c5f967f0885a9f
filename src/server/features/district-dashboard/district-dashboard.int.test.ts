import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { insertCraftedCompanyYears, repeat } from "../../../../test/factories/build-district-risk.ts";
import { buildDistrict } from "../../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import {
  type DistrictDashboard,
  DistrictDashboardSchema,
  type DistrictFigures,
  DistrictListSchema,
} from "../../../contracts/district-dashboard.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { auditEvents } from "../../db/schema.ts";
import { extractPdfText } from "../reports/extract-pdf-text.ts";
import { rebuildDistrictAggregates } from "./rebuild-district-aggregates.ts";

let database: DatabaseHandle;
let app: ReturnType<typeof createTestApp>;
let pratoCode: string;
let lumezzaneCode: string;
let aveCode: string;
let mixedCode: string;
let headcountCode: string;
let analyst: SignedIn & { userId: string };
let administrator: SignedIn;
let everywhereAdministrator: SignedIn;

const levels = ["red", "orange", "green", "grey"] as const;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database);
  const prato = await buildDistrict(database, "ITI15");
  const lumezzane = await buildDistrict(database, "ITC47");
  // A Portuguese district, and a district of Prato's region one of whose companies lies in Florence.
  const ave = await buildDistrict(database, "PT119");
  const mixed = await buildDistrict(database, "ITI15");
  pratoCode = prato.code;
  lumezzaneCode = lumezzane.code;
  aveCode = ave.code;
  mixedCode = mixed.code;
  // A district where only one of its 5 red companies reports a headcount.
  headcountCode = (await buildDistrict(database, "ITI15")).code;
  await insertCraftedCompanyYears(database, [
    // Sector 13, 2024: red 6, orange 7, green 8, grey 2 (grey is small).
    ...repeat(6, {
      districtCode: pratoCode,
      fiscalYear: 2024,
      level: "red",
      i1Percent: 5,
      zDoublePrime: 0.4,
    }),
    ...repeat(7, { districtCode: pratoCode, fiscalYear: 2024, level: "orange", i1Percent: 3 }),
    ...repeat(8, {
      districtCode: pratoCode,
      fiscalYear: 2024,
      level: "green",
      i1Percent: 1,
      zDoublePrime: 3,
    }),
    ...repeat(2, { districtCode: pratoCode, fiscalYear: 2024, level: "grey" }),
    // Sector 14, 2024: red 5, orange 6, green 9, grey 5.
    ...repeat(5, { districtCode: pratoCode, atecoCode: "14.13.10", fiscalYear: 2024, level: "red" }),
    ...repeat(6, { districtCode: pratoCode, atecoCode: "14.13.10", fiscalYear: 2024, level: "orange" }),
    ...repeat(9, { districtCode: pratoCode, atecoCode: "14.13.10", fiscalYear: 2024, level: "green" }),
    ...repeat(5, { districtCode: pratoCode, atecoCode: "14.13.10", fiscalYear: 2024, level: "grey" }),
    // Sector 25, 2024: two companies only.
    ...repeat(2, { districtCode: pratoCode, atecoCode: "25.62.00", fiscalYear: 2024, level: "red" }),
    // 2023: a small year.
    ...repeat(3, { districtCode: pratoCode, fiscalYear: 2023, level: "green" }),
    ...repeat(4, {
      districtCode: lumezzaneCode,
      nuts3Code: "ITC47",
      atecoCode: "25.62.00",
      fiscalYear: 2024,
      level: "orange",
    }),
    ...repeat(3, {
      districtCode: aveCode,
      countryCode: "PT",
      nuts3Code: "PT119",
      fiscalYear: 2024,
      level: "green",
    }),
    ...repeat(3, {
      districtCode: aveCode,
      countryCode: "PT",
      nuts3Code: "PT119",
      fiscalYear: 2024,
      level: "orange",
    }),
    ...repeat(5, { districtCode: mixedCode, fiscalYear: 2024, level: "orange" }),
    { districtCode: mixedCode, nuts3Code: "ITI14", fiscalYear: 2024, level: "red", employees: 250 },
    { districtCode: headcountCode, fiscalYear: 2024, level: "red", employees: 42 },
    ...repeat(4, { districtCode: headcountCode, fiscalYear: 2024, level: "red", employees: null }),
    ...levels
      .filter((level) => level !== "red")
      .flatMap((level) => repeat(5, { districtCode: headcountCode, fiscalYear: 2024, level })),
  ]);
  await rebuildDistrictAggregates({ db: database.db, clock: () => fixedNow });
  const analystUser = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
  const administratorUser = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
  const everywhereUser = await buildUser(database, [
    { role: "administrator", territoryCode: "IT" },
    { role: "administrator", territoryCode: "PT" },
  ]);
  analyst = { ...(await signIn(app, analystUser.email)), userId: analystUser.userId };
  administrator = await signIn(app, administratorUser.email);
  everywhereAdministrator = await signIn(app, everywhereUser.email);
});
afterAll(async () => {
  await database.close();
});

const get = (path: string, signedIn?: SignedIn) =>
  app.request(path, signedIn ? { headers: signedIn.headers() } : {});

function cellOf(dashboard: DistrictDashboard, sectorCode: string, fiscalYear: number): DistrictFigures {
  const cell = dashboard.cells.find(
    (item) => item.sectorCode === sectorCode && item.fiscalYear === fiscalYear,
  );
  if (!cell) throw new Error(`no cell ${sectorCode} ${fiscalYear}`);
  return cell.figures;
}

describe("GET /api/districts", () => {
  it("answers 401 without a session", async () => {
    expect((await get("/api/districts")).status).toBe(401);
  });

  it("gives the districts in scope unsuppressed, the others under disclosure control, and no all-districts total", async () => {
    const response = await get("/api/districts", analyst);
    expect(response.status).toBe(200);
    const list = DistrictListSchema.parse(await response.json());
    expect(list.fiscalYear).toBe(2024);
    const prato = list.items.find((item) => item.code === pratoCode);
    const lumezzane = list.items.find((item) => item.code === lumezzaneCode);
    expect(prato?.isInScope).toBe(true);
    expect(prato?.headline?.companyCount).toBe(50);
    expect(prato?.headline?.suppressed).toEqual([]);
    expect(lumezzane?.isInScope).toBe(false);
    expect(lumezzane?.headline?.companyCount).toBeNull();
    expect(lumezzane?.headline?.levelCounts.orange).toBeNull();
    expect(list.allDistricts).toBeNull();
    expect(list.isDisclosureControlled).toBe(true);
  });

  it("gives an administrator the districts of their territory only, and no all-districts total", async () => {
    const list = DistrictListSchema.parse(await (await get("/api/districts", administrator)).json());
    expect(list.items.find((item) => item.code === lumezzaneCode)?.headline?.companyCount).toBe(4);
    expect(list.items.find((item) => item.code === mixedCode)?.headline?.levelCounts.red).toBe(1);
    const ave = list.items.find((item) => item.code === aveCode);
    expect(ave?.isInScope).toBe(false);
    expect(ave?.headline?.levelCounts.green).toBeNull();
    expect(list.allDistricts).toBeNull();
    expect(list.isDisclosureControlled).toBe(true);
  });

  it("gives the all-districts total to whoever covers every company", async () => {
    const list = DistrictListSchema.parse(
      await (await get("/api/districts", everywhereAdministrator)).json(),
    );
    expect(list.items.find((item) => item.code === aveCode)?.headline?.levelCounts.green).toBe(3);
    expect(list.allDistricts?.companyCount).toBe(86);
    expect(list.isDisclosureControlled).toBe(false);
  });

  it("puts out of scope a district with a company outside the user's region", async () => {
    const list = DistrictListSchema.parse(await (await get("/api/districts", analyst)).json());
    const mixed = list.items.find((item) => item.code === mixedCode);
    expect(mixed?.isInScope).toBe(false);
    // One red company (in Florence): its count is hidden, as in public.
    expect(mixed?.headline?.levelCounts.red).toBeNull();
  });
});

describe("GET /api/districts/{districtCode}/dashboard", () => {
  it("gives the district's cells by sector and year, unsuppressed, in scope", async () => {
    const response = await get(`/api/districts/${pratoCode}/dashboard`, analyst);
    expect(response.status).toBe(200);
    const dashboard = DistrictDashboardSchema.parse(await response.json());
    expect(dashboard.years).toEqual([2023, 2024]);
    expect(dashboard.sectors.map((sector) => sector.code)).toEqual(["13", "14", "25"]);
    expect(cellOf(dashboard, "25", 2024).levelCounts.red).toBe(2);
    expect(cellOf(dashboard, "13", 2024).medians.I1).toEqual({ median: 3, companyCount: 21 });
    expect(cellOf(dashboard, "13", 2024).distressShare.byCount).toBeCloseTo(6 / 21);
    expect(dashboard.source.ruleSetVersions).toEqual(["crisis-code-2019.1+distress-models-2025.1"]);
    expect(dashboard.isDisclosureControlled).toBe(false);
  });

  it("answers 403 outside the scope, 404 for an unknown district, 400 naming the code when malformed", async () => {
    const outside = await get(`/api/districts/${lumezzaneCode}/dashboard`, analyst);
    expect(outside.status).toBe(403);
    expect((await get("/api/districts/no-such-district/dashboard", analyst)).status).toBe(404);
    const malformed = await get("/api/districts/Not%20A%20Code/dashboard", analyst);
    expect(malformed.status).toBe(400);
    const fields = ErrorResponseSchema.parse(await malformed.json()).error.fields ?? [];
    expect(fields.map((field) => field.path)).toContain("path.districtCode");
  });

  it("answers 403 unless the user's territory covers every company of the district", async () => {
    expect((await get(`/api/districts/${mixedCode}/dashboard`, analyst)).status).toBe(403);
    expect((await get(`/api/districts/${aveCode}/dashboard`, administrator)).status).toBe(403);
    const covered = await get(`/api/districts/${mixedCode}/dashboard`, administrator);
    expect(covered.status).toBe(200);
    const dashboard = DistrictDashboardSchema.parse(await covered.json());
    expect(cellOf(dashboard, "*", 2024).levelCounts.red).toBe(1);
    expect((await get(`/api/districts/${aveCode}/dashboard`, everywhereAdministrator)).status).toBe(200);
  });
});

describe("GET /api/districts/{districtCode}/report.pdf", () => {
  it("returns a PDF in either language and audits the export", async () => {
    for (const lang of ["it", "en"]) {
      const response = await get(`/api/districts/${pratoCode}/report.pdf?lang=${lang}`, analyst);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/pdf");
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const text = extractPdfText(bytes);
      expect(text).toContain(lang === "it" ? "Fonti delle cifre" : "Sources of the figures");
      expect(text).toContain("crisis-code-2019.1+distress-models-2025.1");
      expect(text).toContain("Z''");
    }
    const audited = await database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, "export.district_report"), eq(auditEvents.actorUserId, analyst.userId)),
      );
    expect(audited).toHaveLength(2);
    expect(audited[0]?.details).toMatchObject({ districtCode: pratoCode });
  });

  it("refuses a district outside the scope and an unknown language", async () => {
    expect((await get(`/api/districts/${lumezzaneCode}/report.pdf`, analyst)).status).toBe(403);
    expect((await get(`/api/districts/${mixedCode}/report.pdf`, analyst)).status).toBe(403);
    expect((await get(`/api/districts/${aveCode}/report.pdf`, administrator)).status).toBe(403);
    const badLanguage = await get(`/api/districts/${pratoCode}/report.pdf?lang=de`, analyst);
    expect(badLanguage.status).toBe(400);
    const fields = ErrorResponseSchema.parse(await badLanguage.json()).error.fields ?? [];
    expect(fields.map((field) => field.path)).toContain("query.lang");
  });
});

/** Figures a reader could recompute: each row's count = Σ levels; each column's `*` = Σ sectors. */
function expectNothingRecoverable(dashboard: DistrictDashboard, fiscalYear: number) {
  const rows = dashboard.cells.filter((cell) => cell.fiscalYear === fiscalYear).map((cell) => cell.figures);
  for (const figures of rows) {
    const rowTerms = [figures.companyCount, ...levels.map((level) => figures.levelCounts[level])];
    expect(rowTerms.filter((value) => value === null).length).not.toBe(1);
  }
  const columns: ((figures: DistrictFigures) => number | null)[] = [
    (figures) => figures.companyCount,
    (figures) => figures.revenueCents,
    (figures) => figures.employees,
    ...levels.map((level) => (figures: DistrictFigures) => figures.levelCounts[level]),
  ];
  for (const pick of columns) expect(rows.map(pick).filter((value) => value === null).length).not.toBe(1);
}

describe("public district aggregates", () => {
  it("serve the list without a session, never a figure from fewer than 5 companies", async () => {
    const response = await get("/api/public/districts");
    expect(response.status).toBe(200);
    const list = DistrictListSchema.parse(await response.json());
    expect(list.allDistricts).toBeNull();
    const lumezzane = list.items.find((item) => item.code === lumezzaneCode);
    expect(lumezzane?.isInScope).toBe(false);
    expect(lumezzane?.headline?.companyCount).toBeNull();
    expect(lumezzane?.headline?.suppressed).toContain("companyCount");
    const prato = list.items.find((item) => item.code === pratoCode);
    expect(prato?.headline?.companyCount).toBe(50);
    // Sector totals are hidden inside the district's table; its all-sectors totals are shown.
    expect(prato?.headline?.levelCounts.grey).toBe(7);
  });

  it("suppress small cells in the public dashboard, and the next-smallest so none can be recovered", async () => {
    const response = await get(`/api/public/districts/${pratoCode}/dashboard`);
    expect(response.status).toBe(200);
    const dashboard = DistrictDashboardSchema.parse(await response.json());
    expect(dashboard.isDisclosureControlled).toBe(true);
    const textiles = cellOf(dashboard, "13", 2024);
    const metal = cellOf(dashboard, "25", 2024);
    // Sector 13's grey (2) is below 5, so its row hides a second count; sector 25 (2 companies) hides
    // a cell in each level column, which the columns protect in turn.
    expect(textiles.levelCounts.grey).toBeNull();
    expect(levels.filter((level) => textiles.levelCounts[level] === null).length).toBeGreaterThanOrEqual(2);
    expect(textiles.distressShare.byCount).toBeNull();
    expect(textiles.medians.I1).toEqual({ median: 3, companyCount: null });
    expect(metal.companyCount).toBeNull();
    expect(metal.revenueCents).toBeNull();
    expect(metal.medians.I1.median).toBeNull();
    expect(cellOf(dashboard, "*", 2023).companyCount).toBeNull();
    for (const cell of dashboard.cells) {
      const figures = cell.figures;
      for (const level of levels) {
        const value = figures.levelCounts[level];
        if (value !== null)
          expect(value, `${cell.sectorCode} ${cell.fiscalYear} ${level}`).toBeGreaterThanOrEqual(5);
      }
      if (figures.companyCount !== null) expect(figures.companyCount).toBeGreaterThanOrEqual(5);
    }
    expectNothingRecoverable(dashboard, 2024);
    expectNothingRecoverable(dashboard, 2023);
  });

  it("withhold the share by employees when fewer than 5 red companies report a headcount", async () => {
    const dashboard = DistrictDashboardSchema.parse(
      await (await get(`/api/public/districts/${headcountCode}/dashboard`)).json(),
    );
    for (const sectorCode of ["13", "*"]) {
      const figures = cellOf(dashboard, sectorCode, 2024);
      expect(figures.levelCounts.red).toBe(5);
      expect(figures.employees).toBe(42 + 15 * 10);
      expect(figures.distressShare.byEmployees).toBeNull();
      expect(figures.suppressed).toContain("distressShare.byEmployees");
      expect(figures.distressShare.byCount).toBeCloseTo(5 / 15);
      expect(figures.distressShare.byRevenue).toBeCloseTo(5 / 15);
    }
    // Inside the scope the share is given unsuppressed.
    const inScope = DistrictDashboardSchema.parse(
      await (await get(`/api/districts/${headcountCode}/dashboard`, analyst)).json(),
    );
    expect(cellOf(inScope, "*", 2024).distressShare.byEmployees).toBeCloseTo(42 / (42 + 100));
  });

  it("answer 404 for an unknown district", async () => {
    expect((await get("/api/public/districts/no-such-district/dashboard")).status).toBe(404);
  });
});

describe("the year the comparison shows", () => {
  it("stays on the latest year with most statements in while a newer year has only a few", async () => {
    await insertCraftedCompanyYears(database, [{ districtCode: pratoCode, fiscalYear: 2025, level: "red" }]);
    await rebuildDistrictAggregates({ db: database.db, clock: () => fixedNow });

    const list = DistrictListSchema.parse(await (await get("/api/districts", analyst)).json());

    expect(list.fiscalYear).toBe(2024);
    expect(list.items.find((item) => item.code === pratoCode)?.headline?.companyCount).toBe(50);
  });
});

describe("the dashboard's scope check (district placements reused between rebuilds)", () => {
  it("serves the figures it has checked until a rebuild, then checks the companies placed since", async () => {
    const code = (await buildDistrict(database, "ITI15")).code;
    await insertCraftedCompanyYears(
      database,
      repeat(5, { districtCode: code, fiscalYear: 2024, level: "green" }),
    );
    await rebuildDistrictAggregates({ db: database.db, clock: () => fixedNow }, { fiscalYears: [2024] });
    expect((await get(`/api/districts/${code}/dashboard`, analyst)).status).toBe(200);
    // A company in Florence joins the district: the figures do not hold it until the next rebuild.
    await insertCraftedCompanyYears(database, [
      { districtCode: code, nuts3Code: "ITI14", fiscalYear: 2024, level: "red" },
    ]);
    const before = await get(`/api/districts/${code}/dashboard`, analyst);
    expect(before.status).toBe(200);
    expect(cellOf(DistrictDashboardSchema.parse(await before.json()), "*", 2024).companyCount).toBe(5);
    const later = new Date(fixedNow.getTime() + 60_000);
    await rebuildDistrictAggregates({ db: database.db, clock: () => later }, { fiscalYears: [2024] });
    expect((await get(`/api/districts/${code}/dashboard`, analyst)).status).toBe(403);
  });
});
