import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { FileImportReportSchema } from "../../../contracts/imports.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { packageRoot } from "../../paths.ts";

let database: DatabaseHandle;
const pucci = fs.readFileSync(
  path.resolve(packageRoot, "../shared/fixtures/xbrl/it-pucci-srl-2024-ordinary.xbrl"),
);

beforeAll(async () => {
  database = await createTestDatabase();
  await queryRows(database.db, sql`insert into installations (id) values (1) on conflict do nothing`);
});
afterAll(async () => {
  await database.close();
});

describe("POST /api/statements/import", () => {
  it("imports a filing sent by an analyst, then reports it unchanged, and rejects an XML bomb with its reason", async () => {
    const app = createTestApp(database);
    const analyst = await signIn(
      app,
      (await buildUser(database, [{ role: "analyst", territoryCode: "IT" }])).email,
    );
    const send = (fileName: string, bytes: Buffer) =>
      app.request("/api/statements/import", {
        method: "POST",
        headers: analyst.headers(),
        body: JSON.stringify({ fileName, contentBase64: bytes.toString("base64") }),
      });
    const first = FileImportReportSchema.parse(await (await send("pucci.xbrl", pucci)).json());
    expect(first).toMatchObject({ outcome: "imported", company: { taxCode: "02353550391" } });
    const second = FileImportReportSchema.parse(await (await send("pucci.xbrl", pucci)).json());
    expect(second.outcome).toBe("unchanged");
    const bomb = Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "a">]><x>&a;</x>');
    const rejected = FileImportReportSchema.parse(await (await send("bomb.xbrl", bomb)).json());
    expect(rejected).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(/DOCTYPE|DTD/i) });
  });

  it("is refused to a trainer (403)", async () => {
    const app = createTestApp(database);
    const trainer = await signIn(app, (await buildUser(database, [{ role: "trainer" }])).email);
    const response = await app.request("/api/statements/import", {
      method: "POST",
      headers: trainer.headers(),
      body: JSON.stringify({ fileName: "x.xbrl", contentBase64: pucci.toString("base64") }),
    });
    expect(response.status).toBe(403);
  });
});
