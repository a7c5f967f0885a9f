import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { AuditEventPageSchema } from "../../../contracts/audit.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildTerritory(database, { code: "IT", kind: "country" });
  await buildTerritory(database, { code: "ITI15", kind: "nuts3" });
  await buildTerritory(database, { code: "ITC47", kind: "nuts3" });
});
afterAll(async () => {
  await database.close();
});

async function setUp() {
  const app = createTestApp(database);
  const bresciaFirm = await buildCompany(database, {
    nuts3Code: "ITC47",
    name: "Rubinetterie Bresciane S.p.A.",
  });
  await buildStatement(database, bresciaFirm.id, 2024);
  const pratoAnalyst = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }], {
    displayName: "Anna Analyst",
  });
  return { app, bresciaFirm, pratoAnalyst };
}

describe("confidential data of a company outside the analyst's scope", () => {
  it("shows the identity, asks for a reason for the statements, then shows them and audits each read", async () => {
    const { app, bresciaFirm, pratoAnalyst } = await setUp();
    const session = await signIn(app, pratoAnalyst.email);

    const identity = await app.request(`/api/companies/${bresciaFirm.id}`, { headers: session.headers() });
    expect(identity.status).toBe(200);
    expect(((await identity.json()) as { access: string }).access).toBe("public_register");

    const refused = await app.request(`/api/companies/${bresciaFirm.id}/statements`, {
      headers: session.headers(),
    });
    expect(refused.status).toBe(403);
    expect(ErrorResponseSchema.parse(await refused.json()).error.code).toBe("reason_required");

    const tooShort = await app.request(`/api/companies/${bresciaFirm.id}/out-of-scope-access`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason: "need it" }),
    });
    expect(tooShort.status).toBe(400);
    expect(ErrorResponseSchema.parse(await tooShort.json()).error.fields?.[0]?.path).toBe("body.reason");

    const reason = "Supplier of three Prato firms in our crisis table";
    const opened = await app.request(`/api/companies/${bresciaFirm.id}/out-of-scope-access`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason }),
    });
    expect(opened.status).toBe(201);

    const statements = await app.request(`/api/companies/${bresciaFirm.id}/statements`, {
      headers: session.headers(),
    });
    expect(statements.status).toBe(200);
    expect(
      ((await statements.json()) as { items: { periodEndOn: string }[] }).items.map(
        (item) => item.periodEndOn,
      ),
    ).toEqual(["2024-12-31"]);

    const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
    const adminSession = await signIn(app, admin.email);
    const audit = await app.request(`/api/admin/audit-events?companyId=${bresciaFirm.id}`, {
      headers: adminSession.headers(),
    });
    const events = AuditEventPageSchema.parse(await audit.json()).items;
    expect(events.map((event) => [event.action, event.actorEmail, event.reason])).toEqual([
      ["confidential.read", pratoAnalyst.email, reason],
      ["out_of_scope.opened", pratoAnalyst.email, reason],
    ]);
  });

  it("closes the access after the configured hours", async () => {
    const { bresciaFirm, pratoAnalyst } = await setUp();
    let now = new Date("2026-04-01T10:00:00Z");
    const app = createTestApp(database, {
      clock: () => now,
      outOfScopeAccessHours: 24,
      sessionPolicy: { idleMinutes: 5000, absoluteDays: 30 },
    });
    const session = await signIn(app, pratoAnalyst.email);
    await app.request(`/api/companies/${bresciaFirm.id}/out-of-scope-access`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason: "Checking a supplier for the committee" }),
    });
    now = new Date("2026-04-02T09:59:00Z");
    expect(
      (await app.request(`/api/companies/${bresciaFirm.id}/statements`, { headers: session.headers() }))
        .status,
    ).toBe(200);
    now = new Date("2026-04-02T10:00:00Z");
    expect(
      (await app.request(`/api/companies/${bresciaFirm.id}/statements`, { headers: session.headers() }))
        .status,
    ).toBe(403);
  });

  it("needs no reason inside the analyst's own territory, and refuses one (409)", async () => {
    const { app, pratoAnalyst } = await setUp();
    const pratoFirm = await buildCompany(database, { nuts3Code: "ITI15" });
    const session = await signIn(app, pratoAnalyst.email);
    expect(
      (await app.request(`/api/companies/${pratoFirm.id}/statements`, { headers: session.headers() })).status,
    ).toBe(200);
    const opened = await app.request(`/api/companies/${pratoFirm.id}/out-of-scope-access`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason: "No reason should be needed here" }),
    });
    expect(opened.status).toBe(409);
  });
});

describe("company representatives", () => {
  it("see their own company and get 404 for any other, even when asking for an access", async () => {
    const { app, bresciaFirm } = await setUp();
    const ownFirm = await buildCompany(database, { nuts3Code: "ITI15" });
    const representative = await buildUser(database, [
      { role: "company_representative", companyIds: [ownFirm.id] },
    ]);
    const session = await signIn(app, representative.email);
    expect((await app.request(`/api/companies/${ownFirm.id}`, { headers: session.headers() })).status).toBe(
      200,
    );
    expect(
      (await app.request(`/api/companies/${ownFirm.id}/statements`, { headers: session.headers() })).status,
    ).toBe(200);
    for (const path of [`/api/companies/${bresciaFirm.id}`, `/api/companies/${bresciaFirm.id}/statements`]) {
      const response = await app.request(path, { headers: session.headers() });
      expect(response.status).toBe(404);
    }
    const ask = await app.request(`/api/companies/${bresciaFirm.id}/out-of-scope-access`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason: "I would like to see my competitor" }),
    });
    expect(ask.status).toBe(404);
  });

  it("trainers find no company at all", async () => {
    const { app, bresciaFirm } = await setUp();
    const trainer = await buildUser(database, [{ role: "trainer" }]);
    const session = await signIn(app, trainer.email);
    expect(
      (await app.request(`/api/companies/${bresciaFirm.id}`, { headers: session.headers() })).status,
    ).toBe(404);
  });
});

describe("the audit log", () => {
  it("refuses UPDATE, DELETE and TRUNCATE at the database", async () => {
    await setUp();
    for (const statement of [
      sql`update audit_events set action = 'logout'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      const failure = await queryRows(database.db, statement).then(
        () => undefined,
        (error: Error & { cause?: Error }) => error,
      );
      // Drizzle wraps the driver's error; the trigger's message is in its cause.
      expect(failure?.cause?.message ?? failure?.message).toMatch(/audit_events is append-only/);
    }
  });
});
