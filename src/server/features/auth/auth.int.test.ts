import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildUser, signIn, testPassword } from "../../../../test/factories/build-user.ts";
import { startSmtpSink } from "../../../../test/smtp-sink.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { createMailer } from "../../mail/mailer.ts";

let database: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
  await database.close();
});

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.7", ...headers },
  body: JSON.stringify(body),
});

describe("POST /api/auth/login", () => {
  it("opens a session with an HttpOnly, SameSite=Lax cookie and returns the user with a CSRF token", async () => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const response = await createTestApp(database).request(
      "/api/auth/login",
      post({ email: user.email.toUpperCase(), password: testPassword }),
    );
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^sector_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure");
    const body = (await response.json()) as { email: string; csrfToken: string; grants: { role: string }[] };
    expect(body.email).toBe(user.email);
    expect(body.csrfToken.length).toBeGreaterThan(30);
    expect(body.grants.map((grant) => grant.role)).toEqual(["analyst"]);
  });

  it("marks the cookie Secure behind HTTPS", async () => {
    const user = await buildUser(database, []);
    const app = createTestApp(database, { isSecureCookie: true });
    const response = await app.request(
      "/api/auth/login",
      post({ email: user.email, password: testPassword }),
    );
    expect(response.headers.get("set-cookie")).toContain("Secure");
  });

  it("answers a wrong password and an unknown email alike with 401", async () => {
    const user = await buildUser(database, []);
    const app = createTestApp(database);
    const wrong = await app.request(
      "/api/auth/login",
      post({ email: user.email, password: "not the password" }),
    );
    const unknown = await app.request(
      "/api/auth/login",
      post({ email: "nobody@example.test", password: "whatever" }),
    );
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [wrongBody, unknownBody] = [
      ErrorResponseSchema.parse(await wrong.json()),
      ErrorResponseSchema.parse(await unknown.json()),
    ];
    expect(wrongBody.error.message).toBe(unknownBody.error.message);
  });

  it("refuses further attempts on an account after five failures, with Retry-After", async () => {
    const user = await buildUser(database, []);
    const app = createTestApp(database);
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await app.request(
        "/api/auth/login",
        post({ email: user.email, password: "wrong" }, { "X-Forwarded-For": `203.0.113.${attempt}` }),
      );
      expect(response.status).toBe(401);
    }
    const blocked = await app.request("/api/auth/login", post({ email: user.email, password: testPassword }));
    expect(blocked.status).toBe(429);
    expect(ErrorResponseSchema.parse(await blocked.json()).error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses further attempts from one address after twenty failures on any accounts", async () => {
    const app = createTestApp(database);
    const headers = { "X-Forwarded-For": "192.0.2.222" };
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await app.request(
        "/api/auth/login",
        post({ email: `guess${attempt}@example.test`, password: "x" }, headers),
      );
    }
    const user = await buildUser(database, []);
    const blocked = await app.request(
      "/api/auth/login",
      post({ email: user.email, password: testPassword }, headers),
    );
    expect(blocked.status).toBe(429);
    const elsewhere = await app.request(
      "/api/auth/login",
      post({ email: user.email, password: testPassword }),
    );
    expect(elsewhere.status).toBe(200);
  });

  it("tells a locked account it is locked (403) only when the password is right", async () => {
    const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }]);
    const user = await buildUser(database, []);
    const app = createTestApp(database);
    const session = await signIn(app, admin.email);
    const lock = await app.request(`/api/admin/users/${user.userId}/lock`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason: "left the agency" }),
    });
    expect(lock.status).toBe(200);
    expect(
      (await app.request("/api/auth/login", post({ email: user.email, password: testPassword }))).status,
    ).toBe(403);
    expect(
      (await app.request("/api/auth/login", post({ email: user.email, password: "wrong" }))).status,
    ).toBe(401);
  });

  it("names the invalid field of a bad body", async () => {
    const response = await createTestApp(database).request(
      "/api/auth/login",
      post({ email: "not-an-email", password: "" }),
    );
    expect(response.status).toBe(400);
    const fields = ErrorResponseSchema.parse(await response.json()).error.fields?.map((field) => field.path);
    expect(fields).toEqual(expect.arrayContaining(["body.email", "body.password"]));
  });
});

describe("sessions", () => {
  it("lists my sessions, revokes one, and a revoked session is no longer signed in", async () => {
    const user = await buildUser(database, []);
    const app = createTestApp(database);
    const first = await signIn(app, user.email);
    const second = await signIn(app, user.email);
    const list = await app.request("/api/me/sessions", { headers: first.headers() });
    const sessions = ((await list.json()) as { items: { id: string; isCurrent: boolean }[] }).items;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((session) => !session.isCurrent);
    const revoke = await app.request(`/api/me/sessions/${other?.id}`, {
      method: "DELETE",
      headers: first.headers(),
    });
    expect(revoke.status).toBe(204);
    expect((await app.request("/api/auth/session", { headers: second.headers() })).status).toBe(401);
    expect((await app.request("/api/auth/session", { headers: first.headers() })).status).toBe(200);
  });

  it("ends a session at logout", async () => {
    const user = await buildUser(database, []);
    const app = createTestApp(database);
    const session = await signIn(app, user.email);
    const logout = await app.request("/api/auth/logout", { method: "POST", headers: session.headers() });
    expect(logout.status).toBe(204);
    expect(logout.headers.get("set-cookie")).toContain("sector_session=;");
    expect((await app.request("/api/auth/session", { headers: session.headers() })).status).toBe(401);
  });

  it("expires after the idle time, and each use slides the expiry forward", async () => {
    const user = await buildUser(database, []);
    let now = new Date("2026-03-02T09:00:00Z");
    const app = createTestApp(database, {
      clock: () => now,
      sessionPolicy: { idleMinutes: 30, absoluteDays: 1 },
    });
    const session = await signIn(app, user.email);
    now = new Date("2026-03-02T09:25:00Z");
    expect((await app.request("/api/auth/session", { headers: session.headers() })).status).toBe(200);
    now = new Date("2026-03-02T09:50:00Z");
    expect((await app.request("/api/auth/session", { headers: session.headers() })).status).toBe(200);
    now = new Date("2026-03-02T10:21:00Z");
    expect((await app.request("/api/auth/session", { headers: session.headers() })).status).toBe(401);
  });

  it("ends at the absolute lifetime even when used all along", async () => {
    const user = await buildUser(database, []);
    let now = new Date("2026-03-02T09:00:00Z");
    const app = createTestApp(database, {
      clock: () => now,
      sessionPolicy: { idleMinutes: 600, absoluteDays: 1 },
    });
    const session = await signIn(app, user.email);
    for (const at of ["2026-03-02T17:00:00Z", "2026-03-03T01:00:00Z", "2026-03-03T08:59:00Z"]) {
      now = new Date(at);
      expect((await app.request("/api/auth/session", { headers: session.headers() })).status).toBe(200);
    }
    now = new Date("2026-03-03T09:00:01Z");
    expect((await app.request("/api/auth/session", { headers: session.headers() })).status).toBe(401);
  });

  it("refuses a change without the CSRF token (403) and accepts it with the token", async () => {
    const user = await buildUser(database, []);
    const app = createTestApp(database);
    const session = await signIn(app, user.email);
    const without = await app.request("/api/me", {
      method: "PATCH",
      headers: { Cookie: session.cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ locale: "it" }),
    });
    expect(without.status).toBe(403);
    const wrong = await app.request("/api/me", {
      method: "PATCH",
      headers: session.headers({ "X-CSRF-Token": "forged" }),
      body: JSON.stringify({ locale: "it" }),
    });
    expect(wrong.status).toBe(403);
    const right = await app.request("/api/me", {
      method: "PATCH",
      headers: session.headers(),
      body: JSON.stringify({ locale: "it" }),
    });
    expect(right.status).toBe(200);
    expect(((await right.json()) as { locale: string }).locale).toBe("it");
  });
});

describe("password reset by email", () => {
  it("emails a single-use link over SMTP; the new password works, the old one and other sessions do not", async () => {
    const user = await buildUser(database, [], { displayName: "Giulia Rossi", locale: "it" });
    const app = createTestApp(database, {
      mailer: createMailer({ smtpUrl: smtp.url, from: "SECTOR <no-reply@sector.test>" }),
    });
    const oldSession = await signIn(app, user.email);
    const request = await app.request("/api/auth/password-reset/request", post({ email: user.email }));
    expect(request.status).toBe(202);
    const email = await smtp.waitFor((message) => message.to.includes(user.email));
    expect(email.subject).toBe("SECTOR — reimposta la password");
    expect(email.text).toContain("Giulia Rossi");
    const token = /reset-password\?token=([\w%-]+)/.exec(email.text)?.[1];
    expect(token).toBeDefined();
    const newPassword = "a much longer new passphrase";
    const confirm = await app.request(
      "/api/auth/password-reset/confirm",
      post({ token: decodeURIComponent(token ?? ""), password: newPassword }),
    );
    expect(confirm.status).toBe(200);
    expect((await app.request("/api/auth/session", { headers: oldSession.headers() })).status).toBe(401);
    expect(
      (await app.request("/api/auth/login", post({ email: user.email, password: testPassword }))).status,
    ).toBe(401);
    expect(
      (await app.request("/api/auth/login", post({ email: user.email, password: newPassword }))).status,
    ).toBe(200);
    const again = await app.request(
      "/api/auth/password-reset/confirm",
      post({ token: decodeURIComponent(token ?? ""), password: "yet another passphrase" }),
    );
    expect(again.status).toBe(400);
    expect(ErrorResponseSchema.parse(await again.json()).error.fields?.[0]?.path).toBe("body.token");
  });

  it("answers an unknown address the same way and sends nothing", async () => {
    const app = createTestApp(database, {
      mailer: createMailer({ smtpUrl: smtp.url, from: "x@sector.test" }),
    });
    const before = smtp.messages.length;
    const response = await app.request(
      "/api/auth/password-reset/request",
      post({ email: "ghost@example.test" }),
    );
    expect(response.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.messages.length).toBe(before);
  });

  it("sends an account at most three reset emails an hour, answering the same to every request", async () => {
    const user = await buildUser(database, []);
    let now = new Date("2026-06-01T08:00:00Z");
    const app = createTestApp(database, {
      clock: () => now,
      mailer: createMailer({ smtpUrl: smtp.url, from: "x@sector.test" }),
    });
    const mailsTo = () => smtp.messages.filter((message) => message.to.includes(user.email)).length;
    for (const [minute, address] of [
      [0, "203.0.113.1"],
      [10, "203.0.113.2"],
      [20, "203.0.113.3"],
      [30, "203.0.113.4"],
    ] as const) {
      now = new Date(`2026-06-01T08:${String(minute).padStart(2, "0")}:00Z`);
      const response = await app.request(
        "/api/auth/password-reset/request",
        post({ email: user.email }, { "X-Forwarded-For": address }),
      );
      expect(response.status).toBe(202);
      if (minute < 30) await smtp.waitFor(() => mailsTo() === minute / 10 + 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(mailsTo()).toBe(3);
    const throttled = await database.executeSql(
      "select count(*)::int as count from audit_events where action = 'password_reset.throttled' and actor_user_id = $1",
      [user.userId],
    );
    expect(throttled.rows).toEqual([{ count: 1 }]);
    // An hour after the first email, the account may receive another.
    now = new Date("2026-06-01T09:00:01Z");
    expect(
      (
        await app.request(
          "/api/auth/password-reset/request",
          post({ email: user.email }, { "X-Forwarded-For": "203.0.113.5" }),
        )
      ).status,
    ).toBe(202);
    await smtp.waitFor(() => mailsTo() === 4);
  });

  it("refuses an address that asks too often, whatever it types, until the window has passed", async () => {
    let now = new Date("2026-06-02T08:00:00Z");
    const app = createTestApp(database, { clock: () => now });
    const ask = (email: string) =>
      app.request("/api/auth/password-reset/request", post({ email }, { "X-Forwarded-For": "203.0.113.50" }));
    for (let index = 0; index < 10; index += 1) {
      now = new Date(`2026-06-02T08:0${index}:00Z`);
      expect((await ask(`nobody${index}@example.test`)).status).toBe(202);
    }
    now = new Date("2026-06-02T08:10:00Z");
    const refused = await ask("nobody@example.test");
    expect(refused.status).toBe(429);
    // Free again 15 minutes after the oldest request counted: 08:15.
    expect(refused.headers.get("Retry-After")).toBe("300");
    expect(ErrorResponseSchema.parse(await refused.json()).error.code).toBe("rate_limited");
    const other = await app.request(
      "/api/auth/password-reset/request",
      post({ email: "nobody@example.test" }, { "X-Forwarded-For": "203.0.113.51" }),
    );
    expect(other.status).toBe(202);
    now = new Date("2026-06-02T08:26:00Z");
    expect((await ask("nobody@example.test")).status).toBe(202);
  });

  it("refuses an expired token", async () => {
    const user = await buildUser(database, []);
    let now = new Date("2026-05-01T08:00:00Z");
    const app = createTestApp(database, {
      clock: () => now,
      mailer: createMailer({ smtpUrl: smtp.url, from: "x@sector.test" }),
    });
    await app.request("/api/auth/password-reset/request", post({ email: user.email }));
    const email = await smtp.waitFor((message) => message.to.includes(user.email));
    const token = decodeURIComponent(/token=([\w%-]+)/.exec(email.text)?.[1] ?? "");
    now = new Date("2026-05-01T09:00:01Z");
    const confirm = await app.request(
      "/api/auth/password-reset/confirm",
      post({ token, password: "long enough password" }),
    );
    expect(confirm.status).toBe(400);
  });
});
