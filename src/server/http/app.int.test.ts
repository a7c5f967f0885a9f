import { createRoute } from "@hono/zod-openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestApp } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { ErrorResponseSchema } from "../../contracts/errors.ts";
import type { DatabaseHandle } from "../db/client.ts";
import { createRouter } from "./router.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("API errors", () => {
  it("answers an unknown API route with 404 not_found in the error shape", async () => {
    const response = await createTestApp(database).request("/api/no-such-thing");
    expect(response.status).toBe(404);
    const body = ErrorResponseSchema.parse(await response.json());
    expect(body.error.code).toBe("not_found");
    expect(body.error.requestId).toBe(response.headers.get("x-request-id"));
  });

  it("refuses a body over the limit with 413 payload_too_large", async () => {
    const response = await createTestApp(database).request("/api/health", {
      method: "POST",
      body: "x".repeat(1024 * 1024 + 1),
      headers: { "Content-Type": "text/plain" },
    });
    expect(response.status).toBe(413);
    expect(ErrorResponseSchema.parse(await response.json()).error.code).toBe("payload_too_large");
  });

  it("names every invalid field of a body, query and path with 400 validation_failed", async () => {
    const router = createRouter().openapi(
      createRoute({
        method: "post",
        path: "/things/{thingId}",
        request: {
          params: z.object({ thingId: z.uuid() }),
          query: z.object({ limit: z.coerce.number().int().max(100) }),
          body: {
            content: {
              "application/json": { schema: z.object({ email: z.email(), name: z.string().min(2) }) },
            },
          },
        },
        responses: { 200: { description: "ok" } },
      }),
      (c) => c.body(null, 200),
    );
    const app = createTestApp(database);
    app.route("/test", router);
    const validId = "3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00";
    const post = (url: string, body: unknown) =>
      app.request(url, {
        method: "POST",
        body: JSON.stringify(body),
        headers: { "Content-Type": "application/json" },
      });
    const cases = [
      {
        url: "/test/things/not-a-uuid?limit=5",
        body: { email: "a@b.it", name: "ok" },
        paths: ["path.thingId"],
      },
      {
        url: `/test/things/${validId}?limit=500`,
        body: { email: "a@b.it", name: "ok" },
        paths: ["query.limit"],
      },
      {
        url: `/test/things/${validId}?limit=5`,
        body: { email: "nobody", name: "x" },
        paths: ["body.email", "body.name"],
      },
    ];
    for (const testCase of cases) {
      const response = await post(testCase.url, testCase.body);
      expect(response.status).toBe(400);
      const body = ErrorResponseSchema.parse(await response.json());
      expect(body.error.code).toBe("validation_failed");
      expect(body.error.fields?.map((field) => field.path).sort()).toEqual(testCase.paths);
      for (const path of testCase.paths) expect(body.error.message).toContain(path);
    }
    expect((await post(`/test/things/${validId}?limit=5`, { email: "a@b.it", name: "ok" })).status).toBe(200);
  });

  it("answers 400 malformed_request for JSON that does not parse", async () => {
    const router = createRouter().openapi(
      createRoute({
        method: "post",
        path: "/echo",
        request: { body: { content: { "application/json": { schema: z.object({ name: z.string() }) } } } },
        responses: { 200: { description: "ok" } },
      }),
      (c) => c.body(null, 200),
    );
    const app = createTestApp(database);
    app.route("/test", router);
    const response = await app.request("/test/echo", {
      method: "POST",
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(await response.json()).error.code).toBe("malformed_request");
  });

  it("hides the cause of an unexpected error behind 500 internal_error", async () => {
    const app = createTestApp(database);
    app.get("/test/boom", () => {
      throw new Error("secret detail");
    });
    const response = await app.request("/test/boom");
    expect(response.status).toBe(500);
    const body = ErrorResponseSchema.parse(await response.json());
    expect(body.error.code).toBe("internal_error");
    expect(JSON.stringify(body)).not.toContain("secret detail");
  });
});

describe("OpenAPI", () => {
  it("publishes an OpenAPI 3.1 document listing the routes and the error shape", async () => {
    const response = await createTestApp(database).request("/api/openapi.json");
    expect(response.status).toBe(200);
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(["/api/health", "/api/system/status"]),
    );
    expect(document.components.schemas).toHaveProperty("ErrorResponse");
  });

  it("serves a browsable reference page built from the document", async () => {
    const response = await createTestApp(database).request("/api/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("/api/system/status");
    expect(html).toContain('id="schema-ErrorResponse"');
  });
});
