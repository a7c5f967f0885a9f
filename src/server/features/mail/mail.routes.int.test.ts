import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { OutboxSchema } from "../../../contracts/mail.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { insertOutboundEmail } from "./mail.repo.ts";

let database: DatabaseHandle;
beforeAll(async () => {
  database = await createTestDatabase();
  await buildTerritory(database, { code: "IT", kind: "country" });
});
afterAll(async () => {
  await database.close();
});

describe("GET /api/admin/outbox", () => {
  it("pages newest first without skipping emails created in the same millisecond", async () => {
    const app = createTestApp(database);
    const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
    const session = await signIn(app, admin.email);
    const sameMoment = new Date("2026-12-01T10:00:00.000Z");
    const email = (to: string, createdAt: Date) => ({
      toAddress: to,
      subject: `For ${to}`,
      bodyText: "Hello",
      purpose: "test",
      status: "outbox" as const,
      error: null,
      createdAt,
      sentAt: null,
    });
    for (const to of ["a@example.test", "b@example.test", "c@example.test"]) {
      await insertOutboundEmail(database.db, email(to, sameMoment));
    }
    await insertOutboundEmail(database.db, email("older@example.test", new Date("2026-11-30T10:00:00Z")));
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `&before=${encodeURIComponent(before)}` : "";
      const response = await app.request(`/api/admin/outbox?limit=2${query}`, { headers: session.headers() });
      expect(response.status).toBe(200);
      const page = OutboxSchema.parse(await response.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((item) => item.toAddress));
      before = page.nextBefore;
    } while (before);
    expect(seen.filter((to) => to.endsWith("@example.test")).sort()).toEqual([
      "a@example.test",
      "b@example.test",
      "c@example.test",
      "older@example.test",
    ]);
    expect(seen.at(-1)).toBe("older@example.test");
  });

  it("refuses a cursor it did not give", async () => {
    const app = createTestApp(database);
    const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
    const session = await signIn(app, admin.email);
    const response = await app.request("/api/admin/outbox?before=2026-12-01T10:00:00Z", {
      headers: session.headers(),
    });
    expect(response.status).toBe(400);
  });
});
