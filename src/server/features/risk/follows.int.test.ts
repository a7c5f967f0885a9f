import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildDistrict, buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import { AuditEventPageSchema } from "../../../contracts/audit.ts";
import { FollowListSchema, SavedViewListSchema, SavedViewSchema } from "../../../contracts/detection.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import type { DatabaseHandle } from "../../db/client.ts";

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

async function send(session: SignedIn, method: string, path: string, body?: unknown) {
  return app.request(path, {
    method,
    headers: session.headers(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function follows(session: SignedIn) {
  return FollowListSchema.parse(await (await send(session, "GET", "/api/me/follows")).json());
}

describe("follows", () => {
  it("follows a company in scope and a district idempotently, and audits each change once", async () => {
    const district = await buildDistrict(database, "ITI15");
    const company = await buildCompany(database, { nuts3Code: "ITI15", districtCode: district.code });
    const analyst = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, analyst.email);

    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await send(session, "PUT", `/api/me/follows/companies/${company.id}`)).status).toBe(204);
      expect((await send(session, "PUT", `/api/me/follows/districts/${district.code}`)).status).toBe(204);
    }
    const followed = await follows(session);
    expect(followed.companies.map((item) => [item.companyId, item.name])).toEqual([
      [company.id, company.name],
    ]);
    expect(followed.districts.map((item) => item.districtCode)).toEqual([district.code]);

    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await send(session, "DELETE", `/api/me/follows/companies/${company.id}`)).status).toBe(204);
      expect((await send(session, "DELETE", `/api/me/follows/districts/${district.code}`)).status).toBe(204);
    }
    expect(await follows(session)).toEqual({ companies: [], districts: [] });

    const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
    const adminSession = await signIn(app, admin.email);
    const events = [];
    for (const action of ["follow.added", "follow.removed"]) {
      const response = await send(adminSession, "GET", `/api/admin/audit-events?action=${action}`);
      events.push(
        ...AuditEventPageSchema.parse(await response.json()).items.filter(
          (event) => event.actorEmail === analyst.email,
        ),
      );
    }
    expect(
      events.map((event) => [event.action, event.companyId, event.details.districtCode ?? null]).sort(),
    ).toEqual(
      [
        ["follow.added", company.id, null],
        ["follow.added", null, district.code],
        ["follow.removed", company.id, null],
        ["follow.removed", null, district.code],
      ].sort(),
    );
  });

  it("refuses a company outside the analyst's scope (403) and hides others' companies from linked roles (404)", async () => {
    const biellaFirm = await buildCompany(database, { nuts3Code: "ITC13" });
    const ownFirm = await buildCompany(database, { nuts3Code: "ITI15" });
    const analyst = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const analystSession = await signIn(app, analyst.email);
    const refused = await send(analystSession, "PUT", `/api/me/follows/companies/${biellaFirm.id}`);
    expect(refused.status).toBe(403);
    expect(ErrorResponseSchema.parse(await refused.json()).error.code).toBe("forbidden");

    const representative = await buildUser(database, [
      { role: "company_representative", companyIds: [ownFirm.id] },
    ]);
    const representativeSession = await signIn(app, representative.email);
    expect(
      (await send(representativeSession, "PUT", `/api/me/follows/companies/${biellaFirm.id}`)).status,
    ).toBe(404);
    expect((await send(representativeSession, "PUT", `/api/me/follows/companies/${ownFirm.id}`)).status).toBe(
      204,
    );
    expect((await follows(representativeSession)).companies.map((item) => item.companyId)).toEqual([
      ownFirm.id,
    ]);
  });

  it("answers 404 to an unknown company or district, and to a territory that is not a district", async () => {
    const analyst = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, analyst.email);
    const unknownId = "3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00";
    expect((await send(session, "PUT", `/api/me/follows/companies/${unknownId}`)).status).toBe(404);
    expect((await send(session, "PUT", "/api/me/follows/districts/no-such-district")).status).toBe(404);
    expect((await send(session, "PUT", "/api/me/follows/districts/ITI15")).status).toBe(404);
    const bad = await send(session, "PUT", "/api/me/follows/companies/not-a-uuid");
    expect(bad.status).toBe(400);
    expect(ErrorResponseSchema.parse(await bad.json()).error.fields?.[0]?.path).toBe("path.companyId");
  });
});

describe("saved views", () => {
  it("saves, lists, renames, changes and deletes a user's views", async () => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, user.email);
    const created = await send(session, "POST", "/api/me/saved-views", {
      name: "  Prato in rosso  ",
      filters: { district: "prato-tessile", alertLevel: "red,orange", deteriorating: "true" },
    });
    expect(created.status).toBe(201);
    const view = SavedViewSchema.parse(await created.json());
    expect(view.name).toBe("Prato in rosso");
    expect(view.filters).toMatchObject({
      district: "prato-tessile",
      alertLevel: ["red", "orange"],
      deteriorating: true,
      sort: "severity",
    });

    const renamed = await send(session, "PATCH", `/api/me/saved-views/${view.id}`, {
      name: "Prato da seguire",
      filters: { sector: "13", firstAlert: true },
    });
    expect(renamed.status).toBe(200);
    expect(SavedViewSchema.parse(await renamed.json())).toMatchObject({
      name: "Prato da seguire",
      filters: { sector: "13", firstAlert: true },
    });

    const other = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const otherSession = await signIn(app, other.email);
    expect(
      (await send(otherSession, "GET", "/api/me/saved-views").then((response) => response.json())) as unknown,
    ).toEqual({
      items: [],
    });
    expect((await send(otherSession, "DELETE", `/api/me/saved-views/${view.id}`)).status).toBe(404);
    expect(
      (await send(otherSession, "PATCH", `/api/me/saved-views/${view.id}`, { name: "Mine" })).status,
    ).toBe(404);

    const listed = SavedViewListSchema.parse(
      await (await send(session, "GET", "/api/me/saved-views")).json(),
    );
    expect(listed.items.map((item) => item.name)).toEqual(["Prato da seguire"]);
    expect((await send(session, "DELETE", `/api/me/saved-views/${view.id}`)).status).toBe(204);
    expect((await send(session, "DELETE", `/api/me/saved-views/${view.id}`)).status).toBe(404);
  });

  it("keeps names unique per user (409 naming the field), not across users", async () => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, user.email);
    const first = await send(session, "POST", "/api/me/saved-views", { name: "Rossi", filters: {} });
    const second = await send(session, "POST", "/api/me/saved-views", { name: "Gialli", filters: {} });
    expect([first.status, second.status]).toEqual([201, 201]);
    const duplicate = await send(session, "POST", "/api/me/saved-views", { name: "Rossi", filters: {} });
    expect(duplicate.status).toBe(409);
    expect(ErrorResponseSchema.parse(await duplicate.json()).error.fields?.[0]?.path).toBe("body.name");
    const secondId = SavedViewSchema.parse(await second.json()).id;
    const clash = await send(session, "PATCH", `/api/me/saved-views/${secondId}`, { name: "Rossi" });
    expect(clash.status).toBe(409);
    // Renaming a view to its own name is not a clash.
    expect((await send(session, "PATCH", `/api/me/saved-views/${secondId}`, { name: "Gialli" })).status).toBe(
      200,
    );

    const other = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const otherSession = await signIn(app, other.email);
    expect(
      (await send(otherSession, "POST", "/api/me/saved-views", { name: "Rossi", filters: {} })).status,
    ).toBe(201);
  });

  it.each<[unknown, string]>([
    [{ name: "", filters: {} }, "body.name"],
    [{ name: "x".repeat(81), filters: {} }, "body.name"],
    [{ name: "Views", filters: { alertLevel: ["red", "purple"] } }, "body.filters.alertLevel.1"],
    [{ name: "Views", filters: { sizeClass: "huge" } }, "body.filters.sizeClass"],
    [{ name: "Views", filters: { sort: "random" } }, "body.filters.sort"],
    [{ name: "Views", filters: { deteriorating: "perhaps" } }, "body.filters.deteriorating"],
    [{ name: "Views" }, "body.filters"],
  ])("answers 400 naming the field to %j", async (body, field) => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, user.email);
    const response = await send(session, "POST", "/api/me/saved-views", body);
    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(await response.json()).error.fields?.map((item) => item.path)).toContain(
      field,
    );
    expect(
      SavedViewListSchema.parse(await (await send(session, "GET", "/api/me/saved-views")).json()).items,
    ).toEqual([]);
  });

  it("refuses an empty change", async () => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, user.email);
    const view = SavedViewSchema.parse(
      await (await send(session, "POST", "/api/me/saved-views", { name: "A view", filters: {} })).json(),
    );
    const response = await send(session, "PATCH", `/api/me/saved-views/${view.id}`, {});
    expect(response.status).toBe(400);
  });
});
