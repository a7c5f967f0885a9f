import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { HealthResponseSchema, SystemStatusSchema } from "../../../contracts/system.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { readMigrations } from "../../db/migrate.ts";
import { createInstallationIfMissing } from "./system.repo.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("GET /api/health", () => {
  it("answers 200 with the database reachable", async () => {
    const response = await createTestApp(database).request("/api/health");
    expect(response.status).toBe(200);
    const body = HealthResponseSchema.parse(await response.json());
    expect(body).toEqual({ status: "ok", database: "ok", checkedAt: fixedNow.toISOString() });
  });

  it("answers 503 when the database does not answer", async () => {
    const broken: DatabaseHandle = {
      ...database,
      db: {
        execute: () => Promise.reject(new Error("connection refused")),
      } as unknown as DatabaseHandle["db"],
    };
    const response = await createTestApp(broken).request("/api/health");
    expect(response.status).toBe(503);
    expect(HealthResponseSchema.parse(await response.json()).database).toBe("unreachable");
  });

  it("tags every response with a request id", async () => {
    const response = await createTestApp(database).request("/api/health");
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("GET /api/system/status", () => {
  it("answers 503 service_unavailable before the installation is recorded", async () => {
    const response = await createTestApp(database).request("/api/system/status");
    expect(response.status).toBe(503);
    expect(ErrorResponseSchema.parse(await response.json()).error.code).toBe("service_unavailable");
  });

  it("reports the database kind, the schema version and the installation date", async () => {
    const installedAt = new Date("2026-01-15T08:00:00.000Z");
    await createInstallationIfMissing(database.db, installedAt);
    const response = await createTestApp(database).request("/api/system/status");
    expect(response.status).toBe(200);
    const body = SystemStatusSchema.parse(await response.json());
    const migrations = readMigrations();
    expect(body.database.kind).toBe(database.kind);
    expect(body.database.migrationsApplied).toBe(migrations.length);
    expect(body.database.schemaVersion).toBe(migrations.at(-1)?.tag);
    expect(body.database.serverVersion).toMatch(/^\d+(\.\d+)*/);
    expect(body.installation).toEqual({ installedAt: installedAt.toISOString(), defaultLocale: "it" });
    expect(body.serverTime).toBe(fixedNow.toISOString());
  });

  it("keeps the first installation date when recorded again", async () => {
    await createInstallationIfMissing(database.db, new Date("2030-01-01T00:00:00.000Z"));
    const body = SystemStatusSchema.parse(
      await (await createTestApp(database).request("/api/system/status")).json(),
    );
    expect(body.installation.installedAt).toBe("2026-01-15T08:00:00.000Z");
  });
});
