import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { revokeRoleGrant } from "../users/change-grants.ts";
import { authenticateApiToken, createApiToken, findMyApiTokens } from "./api-tokens.ts";
import { findActiveGrants } from "./auth.repo.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("API tokens", () => {
  it("authenticate scripts without a cookie or CSRF token, and stop working once revoked", async () => {
    const app = createTestApp(database);
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const session = await signIn(app, user.email);
    const created = await app.request("/api/me/api-tokens", {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ name: "nightly import" }),
    });
    expect(created.status).toBe(201);
    const token = (await created.json()) as { id: string; secret: string };
    expect(token.secret).toMatch(/^sector_[\w-]{40,}$/);

    const asScript = await app.request("/api/auth/session", {
      headers: { Authorization: `Bearer ${token.secret}` },
    });
    expect(asScript.status).toBe(200);
    expect(((await asScript.json()) as { email: string }).email).toBe(user.email);
    const write = await app.request("/api/me", {
      method: "PATCH",
      headers: { Authorization: `Bearer ${token.secret}`, "Content-Type": "application/json" },
      body: JSON.stringify({ locale: "it" }),
    });
    expect(write.status).toBe(200);

    const listed = (await (
      await app.request("/api/me/api-tokens", { headers: session.headers() })
    ).json()) as { items: { id: string; name: string }[] };
    expect(listed.items.map((item) => item.name)).toEqual(["nightly import"]);
    expect(JSON.stringify(listed)).not.toContain(token.secret);

    expect(
      (await app.request(`/api/me/api-tokens/${token.id}`, { method: "DELETE", headers: session.headers() }))
        .status,
    ).toBe(204);
    expect(
      (await app.request("/api/auth/session", { headers: { Authorization: `Bearer ${token.secret}` } }))
        .status,
    ).toBe(401);
    expect(
      (await app.request("/api/auth/session", { headers: { Authorization: "Bearer sector_forged" } })).status,
    ).toBe(401);
  });

  it("carry the grants in force, and record their last use at most once a minute", async () => {
    const company = await buildCompany(database);
    const user = await buildUser(database, [
      { role: "analyst", territoryCode: "ITI17" },
      { role: "company_representative", companyIds: [company.id] },
      { role: "analyst", territoryCode: "ITI18" },
    ]);
    const grants = await findActiveGrants(database.db, user.userId);
    const revoked = grants.find((grant) => grant.territory?.code === "ITI18");
    if (!revoked) throw new Error("missing grant");
    await revokeRoleGrant(
      { db: database.db, clock: () => new Date() },
      { userId: user.userId, email: user.email },
      revoked.id,
      { ipAddress: undefined, requestId: undefined },
    );
    let now = new Date("2026-03-02T09:00:00Z");
    const deps = { db: database.db, clock: () => now };
    const meta = { ipAddress: undefined, requestId: undefined };
    const token = await createApiToken(deps, { userId: user.userId, email: user.email }, "sync", meta);
    const lastUsed = async () =>
      (await findMyApiTokens(deps, { userId: user.userId } as never))[0]?.lastUsedAt?.toISOString() ?? null;

    const principal = await authenticateApiToken(deps, token.secret);
    const byId = (left: { id: string }, right: { id: string }) => left.id.localeCompare(right.id);
    expect(principal?.grants.sort(byId)).toEqual(
      [
        {
          id: grants.find((grant) => grant.territory?.code === "ITI17")?.id,
          role: "analyst",
          territory: { code: "ITI17", kind: "nuts3" },
        },
        {
          id: grants.find((grant) => grant.role === "company_representative")?.id,
          role: "company_representative",
          companyIds: [company.id],
        },
      ].sort((left, right) => String(left.id).localeCompare(String(right.id))),
    );
    expect(await lastUsed()).toBe("2026-03-02T09:00:00.000Z");
    now = new Date("2026-03-02T09:00:59Z");
    expect((await authenticateApiToken(deps, token.secret))?.userId).toBe(user.userId);
    expect(await lastUsed()).toBe("2026-03-02T09:00:00.000Z");
    now = new Date("2026-03-02T09:01:00Z");
    await authenticateApiToken(deps, token.secret);
    expect(await lastUsed()).toBe("2026-03-02T09:01:00.000Z");
  });
});
