import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { buildCompany } from "../../../test/factories/build-company.ts";
import { buildTerritory } from "../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../test/factories/build-user.ts";
import { ErrorResponseSchema } from "../../contracts/errors.ts";
import type { Role } from "../../domain/access/roles.ts";
import type { DatabaseHandle } from "../db/client.ts";

/**
 * Who may call each route. Every operation in the OpenAPI document must be listed here, so a new
 * route without an access expectation fails the suite.
 */
type Expectation = {
  access: "public" | "session" | Role[];
  /** A body that breaks the contract, and the field the 400 must name. */
  badBody?: { body: unknown; field: string };
  /** Company data behind the territorial gate. */
  companyData?: "identity" | "confidential";
};

const administrator: Role[] = ["administrator"];

const expectations: Record<string, Expectation> = {
  "GET /api/health": { access: "public" },
  "GET /api/system/status": { access: "public" },
  "GET /api/demo/credentials": { access: "public" },
  "POST /api/auth/login": {
    access: "public",
    badBody: { body: { email: "x", password: "p" }, field: "body.email" },
  },
  "POST /api/auth/logout": { access: "session" },
  "GET /api/auth/session": { access: "session" },
  "POST /api/auth/password-reset/request": { access: "public", badBody: { body: {}, field: "body.email" } },
  "POST /api/auth/password-reset/confirm": {
    access: "public",
    badBody: { body: { token: "t".repeat(30), password: "short" }, field: "body.password" },
  },
  "POST /api/auth/invitation/accept": {
    access: "public",
    badBody: { body: { password: "long enough password" }, field: "body.token" },
  },
  "GET /api/me/sessions": { access: "session" },
  "DELETE /api/me/sessions/{sessionId}": { access: "session" },
  "PATCH /api/me": { access: "session", badBody: { body: { locale: "de" }, field: "body.locale" } },
  "GET /api/me/api-tokens": { access: "session" },
  "POST /api/me/api-tokens": { access: "session", badBody: { body: { name: "" }, field: "body.name" } },
  "DELETE /api/me/api-tokens/{tokenId}": { access: "session" },
  "POST /api/me/password": {
    access: "session",
    badBody: { body: { currentPassword: "x" }, field: "body.newPassword" },
  },
  "GET /api/admin/users": { access: administrator },
  "POST /api/admin/users": {
    access: administrator,
    badBody: { body: { displayName: "A" }, field: "body.email" },
  },
  "GET /api/admin/users/{userId}": { access: administrator },
  "POST /api/admin/users/{userId}/lock": {
    access: administrator,
    badBody: { body: { reason: "" }, field: "body.reason" },
  },
  "POST /api/admin/users/{userId}/unlock": { access: administrator },
  "POST /api/admin/users/{userId}/grants": {
    access: administrator,
    badBody: { body: { role: "king" }, field: "body.role" },
  },
  "DELETE /api/admin/grants/{grantId}": { access: administrator },
  "POST /api/admin/grants/{grantId}/review": { access: administrator },
  "GET /api/admin/audit-events": { access: administrator },
  "GET /api/admin/audit-events/export": { access: administrator },
  "GET /api/admin/outbox": { access: administrator },
  "GET /api/territories": { access: "session" },
  "POST /api/admin/territories": {
    access: administrator,
    badBody: { body: { code: "Bad Code" }, field: "body.code" },
  },
  "PATCH /api/admin/territories/{code}": {
    access: administrator,
    badBody: { body: { centroidLatitude: 120 }, field: "body.centroidLatitude" },
  },
  "GET /api/companies": { access: "session" },
  "POST /api/companies": {
    access: ["administrator", "analyst"],
    badBody: { body: { countryCode: "ITA" }, field: "body.countryCode" },
  },
  "PUT /api/companies/{companyId}": {
    access: ["administrator", "analyst"],
    badBody: { body: { countryCode: "IT", taxCode: "1", name: "" }, field: "body.name" },
  },
  "POST /api/companies/import": {
    access: ["administrator", "analyst"],
    badBody: { body: { csv: "" }, field: "body.csv" },
  },
  "GET /api/company-import-template": { access: "session" },
  "GET /api/sectors": { access: "session" },
  "GET /api/municipalities": { access: "session" },
  "GET /api/companies/{companyId}": { access: "session", companyData: "identity" },
  "GET /api/companies/{companyId}/scores": { access: "session", companyData: "confidential" },
  "POST /api/statements/import": {
    access: ["administrator", "analyst"],
    badBody: { body: { fileName: "x.xbrl", contentBase64: "" }, field: "body.contentBase64" },
  },
  "GET /api/admin/jobs": { access: administrator },
  "GET /api/jobs/{id}": { access: ["administrator", "analyst"] },
  "POST /api/admin/jobs/scoring": {
    access: administrator,
    badBody: { body: { scope: "some" }, field: "body.scope" },
  },
  "POST /api/statements/import-spreadsheet": {
    access: ["administrator", "analyst"],
    badBody: { body: { fileName: "", contentBase64: "eA==" }, field: "body.fileName" },
  },
  "GET /api/statement-template": { access: "session" },
  "GET /api/partners": { access: ["administrator", "analyst", "committee_member"] },
  "POST /api/admin/partners": {
    access: administrator,
    badBody: { body: { name: "A", kind: "union" }, field: "body.name" },
  },
  "GET /api/companies/{companyId}/partners": { access: "session", companyData: "identity" },
  "PUT /api/companies/{companyId}/partners": {
    access: ["administrator", "analyst"],
    badBody: { body: { links: [{ partnerId: "x", relation: "member" }] }, field: "body.links.0.partnerId" },
  },
  "GET /api/companies/{companyId}/statements": { access: "session", companyData: "confidential" },
  "POST /api/companies/{companyId}/out-of-scope-access": {
    access: "session",
    badBody: { body: { reason: "short" }, field: "body.reason" },
  },
  // detection: early-warning list, export, saved views, follows (issue 6 item 1)
  "GET /api/early-warning/companies": { access: "session" },
  "GET /api/early-warning/companies/count": { access: "session" },
  "GET /api/early-warning/companies/export": { access: "session" },
  "GET /api/me/saved-views": { access: "session" },
  "POST /api/me/saved-views": {
    access: "session",
    badBody: {
      body: { name: "Prato", filters: { alertLevel: "purple" } },
      field: "body.filters.alertLevel.0",
    },
  },
  "PATCH /api/me/saved-views/{viewId}": {
    access: "session",
    badBody: { body: { name: "" }, field: "body.name" },
  },
  "DELETE /api/me/saved-views/{viewId}": { access: "session" },
  "GET /api/me/follows": { access: "session" },
  "PUT /api/me/follows/companies/{companyId}": { access: "session" },
  "DELETE /api/me/follows/companies/{companyId}": { access: "session" },
  "PUT /api/me/follows/districts/{districtCode}": { access: "session" },
  "DELETE /api/me/follows/districts/{districtCode}": { access: "session" },
  // notifications (issue 6 item 6)
  "GET /api/me/notifications": { access: "session" },
  "POST /api/me/notifications/{notificationId}/read": { access: "session" },
  "POST /api/me/notifications/read-all": { access: "session" },
  "GET /api/me/notification-settings": { access: "session" },
  "PATCH /api/me/notification-settings": {
    access: "session",
    badBody: { body: { delivery: "weekly" }, field: "body.delivery" },
  },
  // districts: dashboards, public aggregates, report (issue 6 items 3, 5, 7)
  "GET /api/districts": { access: "session" },
  "GET /api/districts/{districtCode}/dashboard": { access: "session" },
  "GET /api/districts/{districtCode}/report.pdf": { access: "session" },
  "GET /api/public/districts": { access: "public" },
  "GET /api/public/districts/{districtCode}/dashboard": { access: "public" },
  // risk: company risk page, user inputs, feedback, PDF report (issue 6 items 2, 7)
  "GET /api/companies/{companyId}/risk": { access: "session", companyData: "confidential" },
  "GET /api/companies/{companyId}/report.pdf": { access: "session", companyData: "confidential" },
  "PUT /api/companies/{companyId}/inputs/management_signals": {
    access: ["administrator", "analyst"],
    badBody: {
      body: { periodEndOn: "2024-12-31", values: { wagesOverdueCents: -1 } },
      field: "body.values.wagesOverdueCents",
    },
  },
  "PUT /api/companies/{companyId}/inputs/recovery_test": {
    access: ["administrator", "analyst"],
    badBody: {
      body: { periodEndOn: "2024-12-31", values: { availableCashCents: 1.5 } },
      field: "body.values.availableCashCents",
    },
  },
  "PUT /api/companies/{companyId}/inputs/market_data": {
    access: ["administrator", "analyst"],
    badBody: { body: { periodEndOn: "2024-12-31", values: {} }, field: "body.values.dscr" },
  },
  "GET /api/companies/{companyId}/inputs/management_signals/history": {
    access: "session",
    companyData: "confidential",
  },
  "GET /api/companies/{companyId}/inputs/recovery_test/history": {
    access: "session",
    companyData: "confidential",
  },
  "GET /api/companies/{companyId}/inputs/market_data/history": {
    access: "session",
    companyData: "confidential",
  },
  "POST /api/companies/{companyId}/feedback": {
    access: "session",
    badBody: {
      body: { periodEndOn: "2024-12-31", isUseful: true, reasonCode: "meh" },
      field: "body.reasonCode",
    },
  },
  // series: district series, import profiles, imports, alarms (issue 6 item 4)
  "GET /api/district-series/profiles": { access: ["administrator", "analyst"] },
  "POST /api/district-series/profiles": {
    access: ["administrator", "analyst"],
    badBody: { body: { name: "" }, field: "body.name" },
  },
  "PUT /api/district-series/profiles/{profileId}": {
    access: ["administrator", "analyst"],
    badBody: { body: { name: "" }, field: "body.name" },
  },
  "DELETE /api/district-series/profiles/{profileId}": { access: ["administrator", "analyst"] },
  "POST /api/district-series/imports/preview": {
    access: ["administrator", "analyst"],
    badBody: { body: { fileName: "x.csv", contentBase64: "" }, field: "body.contentBase64" },
  },
  "POST /api/district-series/imports": {
    access: ["administrator", "analyst"],
    badBody: { body: { fileName: "", contentBase64: "eA==" }, field: "body.fileName" },
  },
  "GET /api/district-series": { access: "session" },
  "GET /api/district-series/export": { access: "session" },
  "GET /api/district-series/{seriesId}": { access: "session" },
  "GET /api/districts/{districtCode}/alarms": { access: "session" },
};

type Operation = { method: string; path: string; key: string; hasBody: boolean };

let database: DatabaseHandle;
let operations: Operation[];
let outsideCompanyId: string;
let sessions: { administrator: SignedIn; trainer: SignedIn; analyst: SignedIn; representative: SignedIn };

const placeholderId = "3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00";

function concretePath(path: string, companyId = placeholderId): string {
  return path
    .replace("{companyId}", companyId)
    .replace("{code}", "no-such-district")
    .replace(/\{[a-zA-Z]+Id\}/g, placeholderId);
}

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createTestApp(database);
  const document = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      key: `${method.toUpperCase()} ${path}`,
      hasBody: operation.requestBody !== undefined,
    })),
  );
  await buildTerritory(database, { code: "ITC47", kind: "nuts3", countryCode: "IT" });
  const outside = await buildCompany(database, { nuts3Code: "ITC47" });
  outsideCompanyId = outside.id;
  const ownCompany = await buildCompany(database, { nuts3Code: "ITI15" });
  const users = await Promise.all([
    buildUser(database, [{ role: "administrator", territoryCode: "IT" }]),
    buildUser(database, [{ role: "trainer" }]),
    buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]),
    buildUser(database, [{ role: "company_representative", companyIds: [ownCompany.id] }]),
  ]);
  const [administratorSession, trainerSession, analystSession, representativeSession] = await Promise.all(
    users.map((user) => signIn(app, user.email)),
  );
  sessions = {
    administrator: administratorSession as SignedIn,
    trainer: trainerSession as SignedIn,
    analyst: analystSession as SignedIn,
    representative: representativeSession as SignedIn,
  };
});
afterAll(async () => {
  await database.close();
});

describe("route matrix", () => {
  it("has an access expectation for every operation of the OpenAPI document, and none left over", () => {
    expect(operations.map((operation) => operation.key).sort()).toEqual(Object.keys(expectations).sort());
  });

  it("answers 401 unauthenticated to every non-public route without a session", async () => {
    const app = createTestApp(database);
    for (const operation of operations.filter((item) => expectations[item.key]?.access !== "public")) {
      const response = await app.request(concretePath(operation.path), {
        method: operation.method,
        headers: { "Content-Type": "application/json" },
        ...(operation.hasBody ? { body: "{}" } : {}),
      });
      expect(response.status, operation.key).toBe(401);
      expect(ErrorResponseSchema.parse(await response.json()).error.code, operation.key).toBe(
        "unauthenticated",
      );
    }
  });

  it("answers 403 forbidden to a signed-in user whose roles do not include the route's", async () => {
    const app = createTestApp(database);
    for (const operation of operations.filter((item) => Array.isArray(expectations[item.key]?.access))) {
      const response = await app.request(concretePath(operation.path), {
        method: operation.method,
        headers: sessions.trainer.headers(),
        ...(operation.hasBody ? { body: "{}" } : {}),
      });
      expect(response.status, operation.key).toBe(403);
    }
  });

  it("answers 400 naming the field to every route given a body that breaks its contract", async () => {
    const app = createTestApp(database);
    const withBody = operations.filter((operation) => operation.hasBody);
    for (const operation of withBody) {
      const badBody = expectations[operation.key]?.badBody;
      expect(badBody, `${operation.key} needs a badBody expectation`).toBeDefined();
      const response = await app.request(concretePath(operation.path), {
        method: operation.method,
        headers: sessions.administrator.headers(),
        body: JSON.stringify(badBody?.body),
      });
      expect(response.status, operation.key).toBe(400);
      const fields = ErrorResponseSchema.parse(await response.json()).error.fields ?? [];
      expect(
        fields.map((field) => field.path),
        operation.key,
      ).toContain(badBody?.field);
    }
  });

  it("gates company data of another territory: identity for analysts, reason_required for confidential data, 404 for representatives", async () => {
    const app = createTestApp(database);
    for (const operation of operations.filter((item) => expectations[item.key]?.companyData)) {
      const path = concretePath(operation.path, outsideCompanyId);
      const asAnalyst = await app.request(path, { headers: sessions.analyst.headers() });
      const asRepresentative = await app.request(path, { headers: sessions.representative.headers() });
      if (expectations[operation.key]?.companyData === "confidential") {
        expect(asAnalyst.status, operation.key).toBe(403);
        expect(ErrorResponseSchema.parse(await asAnalyst.json()).error.code).toBe("reason_required");
      } else {
        expect(asAnalyst.status, operation.key).toBe(200);
      }
      expect(asRepresentative.status, operation.key).toBe(404);
    }
  });
});
