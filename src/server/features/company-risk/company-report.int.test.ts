import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { healthyItems } from "../../../domain/early-warning/scoring-test-statements.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { financialStatements } from "../../db/schema.ts";
import { extractPdfText } from "../reports/extract-pdf-text.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildTerritory(database, { code: "ITI15", kind: "nuts3" });
});
afterAll(async () => {
  await database.close();
});

async function setUp() {
  const app = createTestApp(database);
  const firm = await buildCompany(database, { nuts3Code: "ITI15", name: "Filatura Società Report S.r.l." });
  for (const year of [2022, 2023, 2024]) {
    await database.db.insert(financialStatements).values({
      companyId: firm.id,
      periodStartOn: `${year}-01-01`,
      periodEndOn: `${year}-12-31`,
      format: "ordinary",
      currency: "EUR",
      items: { ...healthyItems, revenue: (healthyItems.revenue ?? 0) + year * 1000 },
      isOwnPeriod: true,
      isCurrent: true,
      sourceKind: "xbrl",
      sourceFileName: `filing-${year}.xbrl`,
      sourceContentHash: randomBytes(16).toString("hex"),
      importerVersion: "test",
    });
  }
  const analyst = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
  const session = await signIn(app, analyst.email);
  return { app, firm, session };
}

describe("GET /api/companies/{companyId}/report.pdf", () => {
  it("returns a PDF in English with the company, the models and the source of every figure, and audits the export", async () => {
    const { app, firm, session } = await setUp();
    const response = await app.request(`/api/companies/${firm.id}/report.pdf?lang=en`, {
      headers: session.headers(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toContain(`sector-risk-${firm.taxCode}`);
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = extractPdfText(pdf);
    expect(text).toContain("Filatura Società Report S.r.l.");
    expect(text).toContain("Company risk report");
    expect(text).toContain("Altman Z''");
    expect(text).toContain("filing-2024.xbrl");
    expect(text).toContain("distress-models-2025.1");
    expect(text).toContain("What moved the score");
    const events = await queryRows<{ action: string; details: { language: string; years: number[] } }>(
      database.db,
      sql`select action, details from audit_events where company_id = ${firm.id}`,
    );
    expect(events).toEqual([
      {
        action: "export.company_report",
        details: { format: "pdf", language: "en", years: [2022, 2023, 2024] },
      },
    ]);
  });

  it("prints the results with users' inputs apart from the official level", async () => {
    const { app, firm, session } = await setUp();
    const saved = await app.request(`/api/companies/${firm.id}/inputs/market_data`, {
      method: "PUT",
      headers: session.headers(),
      body: JSON.stringify({ periodEndOn: "2024-12-31", values: { dscr: 0.8 } }),
    });
    expect(saved.status).toBe(200);
    const response = await app.request(`/api/companies/${firm.id}/report.pdf?lang=en`, {
      headers: session.headers(),
    });
    const text = extractPdfText(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, " ");
    expect(text).toContain("With your inputs");
    expect(text).toContain("2024: Alert level red");
    expect(text).toContain("Latest year 2024: green");
  });

  it("writes the report in Italian when asked, and refuses an unknown language naming the query field", async () => {
    const { app, firm, session } = await setUp();
    const italian = await app.request(`/api/companies/${firm.id}/report.pdf?lang=it`, {
      headers: session.headers(),
    });
    const text = extractPdfText(Buffer.from(await italian.arrayBuffer()));
    expect(text).toContain("Scheda di rischio");
    expect(text).toContain("Fonti dei dati");
    const german = await app.request(`/api/companies/${firm.id}/report.pdf?lang=de`, {
      headers: session.headers(),
    });
    expect(german.status).toBe(400);
    expect(ErrorResponseSchema.parse(await german.json()).error.fields?.map((field) => field.path)).toEqual([
      "query.lang",
    ]);
  });
});
