import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import type { DatabaseHandle } from "../../db/client.ts";

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
});
