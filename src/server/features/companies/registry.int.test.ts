import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { CompanyImportReportSchema, CompanyPageSchema } from "../../../contracts/registry.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import type { App } from "../../http/app.ts";
import { loadReferenceData } from "../territories/load-reference-data.ts";

let database: DatabaseHandle;
let app: App;
let analyst: SignedIn;

// Valid partite IVA (check digits computed by the official rule).
const csv = [
  "paese;codice_fiscale;ragione_sociale;forma_giuridica;ateco;comune_istat;addetti",
  "IT;01234567897;Tessitura Città di Prato S.r.l.;srl;13.20;100005;12",
  "IT;02353550391;Lanificio Ghibellino S.p.A.;S.P.A.;131000;100005;60",
  "IT;03072020211;Minuterie Valtrompia S.r.l.;srl;25.73;017096;4",
].join("\r\n");

beforeAll(async () => {
  database = await createTestDatabase();
  await loadReferenceData({ db: database.db, clock: () => new Date() });
  app = createTestApp(database);
  const user = await buildUser(database, [{ role: "analyst", territoryCode: "prato-tessile" }]);
  analyst = await signIn(app, user.email);
});
afterAll(async () => {
  await database.close();
});

async function importCsv(text: string, isPreview: boolean) {
  const response = await app.request("/api/companies/import", {
    method: "POST",
    headers: analyst.headers(),
    body: JSON.stringify({ csv: text, fileName: "companies.csv", isPreview }),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function list(query: string) {
  const response = await app.request(`/api/companies?${query}`, { headers: analyst.headers() });
  expect(response.status).toBe(200);
  return CompanyPageSchema.parse(await response.json());
}

describe("company list import", () => {
  it("previews without writing, then imports, then changes nothing the second time", async () => {
    const preview = CompanyImportReportSchema.parse((await importCsv(csv, true)).body);
    expect(preview).toMatchObject({
      isApplied: false,
      isRejected: false,
      counts: { create: 3, update: 0, unchanged: 0, error: 0 },
    });
    expect((await list("q=Ghibellino")).total).toBe(0);

    const applied = CompanyImportReportSchema.parse((await importCsv(csv, false)).body);
    expect(applied).toMatchObject({ isApplied: true, counts: { create: 3 } });
    const again = CompanyImportReportSchema.parse((await importCsv(csv, false)).body);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 3, error: 0 });
  });

  it("rejects the whole file when one row is wrong, naming the row and the problem", async () => {
    const broken = `${csv.replace("Minuterie Valtrompia", "Minuterie Bresciane")}\r\nIT;01234567890;Errata S.r.l.;srl;13.20;100005;3`;
    const report = CompanyImportReportSchema.parse((await importCsv(broken, false)).body);
    expect(report.isRejected).toBe(true);
    expect(report.isApplied).toBe(false);
    expect(report.rows.find((row) => row.outcome === "error")).toMatchObject({
      row: 5,
      messages: ["taxCode: fails its check digit: a character is mistyped"],
    });
    expect((await list("q=Minuterie")).items.map((item) => item.name)).toEqual([
      "Minuterie Valtrompia S.r.l.",
    ]);
  });

  it("refuses a file without the required columns, or that is not CSV", async () => {
    const missing = await importCsv("name;headcount\nFoo;3", false);
    expect(missing.status).toBe(400);
    expect(ErrorResponseSchema.parse(missing.body).error.message).toContain("countryCode, taxCode");
    const unterminated = await importCsv('country,tax_code,name\nIT,"01234567897,Foo', false);
    expect(unterminated.status).toBe(400);
  });
});

describe("GET /api/companies", () => {
  it("places companies in their municipality's district and filters by district, sector and size", async () => {
    const prato = await list("territory=prato-tessile");
    expect(prato.items.map((item) => [item.name, item.districtCode, item.sizeClass])).toEqual([
      ["Lanificio Ghibellino S.p.A.", "prato-tessile", "medium"],
      ["Tessitura Città di Prato S.r.l.", "prato-tessile", "small"],
    ]);
    expect((await list("territory=prato-tessile&sector=13.20")).items.map((item) => item.name)).toEqual([
      "Tessitura Città di Prato S.r.l.",
    ]);
    expect((await list("territory=prato-tessile&sizeClass=medium")).items.map((item) => item.name)).toEqual([
      "Lanificio Ghibellino S.p.A.",
    ]);
    expect((await list("sector=C")).total).toBe(3);
    expect((await list("territory=ITC47")).items.map((item) => item.municipalityName)).toEqual(["Lumezzane"]);
  });

  it("finds a company by a misspelt name typed without accents, and by tax code", async () => {
    expect((await list("q=tesitura citta")).items[0]?.name).toBe("Tessitura Città di Prato S.r.l.");
    expect((await list("q=02353550391")).items.map((item) => item.name)).toEqual([
      "Lanificio Ghibellino S.p.A.",
    ]);
  });

  it("pages with a keyset cursor in both sort orders", async () => {
    const first = await list("territory=IT&sort=-headcount&limit=2");
    expect(first.items.map((item) => item.headcount)).toEqual([60, 12]);
    const second = await list(`territory=IT&sort=-headcount&limit=2&after=${first.nextAfter}`);
    expect(second.items.map((item) => item.headcount)).toEqual([4]);
    expect(second.nextAfter).toBeNull();
    const garbage = await app.request("/api/companies?after=garbage", { headers: analyst.headers() });
    expect(garbage.status).toBe(400);
    expect(ErrorResponseSchema.parse(await garbage.json()).error.fields?.[0]?.path).toBe("query.after");
  });

  it("shows a company representative only their own company", async () => {
    const own = (await list("q=Ghibellino")).items[0]?.id as string;
    const representative = await buildUser(database, [{ role: "company_representative", companyIds: [own] }]);
    const session = await signIn(app, representative.email);
    const page = CompanyPageSchema.parse(
      await (await app.request("/api/companies", { headers: session.headers() })).json(),
    );
    expect(page.items.map((item) => item.id)).toEqual([own]);
  });
});

describe("POST /api/companies", () => {
  it("registers a company and refuses the same tax code twice", async () => {
    const body = {
      countryCode: "PT",
      taxCode: "503504564",
      name: "Têxteis do Ave Lda",
      legalForm: "Lda",
      districtCode: "ave-texteis",
      nuts3Code: "PT119",
    };
    const created = await app.request("/api/companies", {
      method: "POST",
      headers: analyst.headers(),
      body: JSON.stringify(body),
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      legalForm: "srl",
      districtCode: "ave-texteis",
      districtSource: "manual",
    });
    const again = await app.request("/api/companies", {
      method: "POST",
      headers: analyst.headers(),
      body: JSON.stringify(body),
    });
    expect(again.status).toBe(409);
  });

  it("names each invalid field", async () => {
    const response = await app.request("/api/companies", {
      method: "POST",
      headers: analyst.headers(),
      body: JSON.stringify({
        countryCode: "IT",
        taxCode: "12345678901",
        name: "X S.r.l.",
        legalForm: "srl",
        atecoCode: "99.99",
        municipalityCode: "999999",
      }),
    });
    expect(response.status).toBe(400);
    const fields = ErrorResponseSchema.parse(await response.json()).error.fields?.map((field) => field.path);
    expect(fields).toEqual(
      expect.arrayContaining(["body.taxCode", "body.atecoCode", "body.municipalityCode"]),
    );
  });
});
