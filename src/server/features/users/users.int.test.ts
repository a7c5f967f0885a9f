import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { AuditEventPageSchema } from "../../../contracts/audit.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { UserPageSchema, UserSummarySchema } from "../../../contracts/users.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { createLogger } from "../../logging/logger.ts";
import { createMailer } from "../../mail/mailer.ts";
import { findOutboundEmails } from "../mail/mail.repo.ts";
import { remindGrantReviews } from "./remind-grant-reviews.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildTerritory(database, { code: "IT", kind: "country" });
  await buildTerritory(database, { code: "ITI15", kind: "nuts3" });
});
afterAll(async () => {
  await database.close();
});

async function signInAsAdministrator(now?: () => Date) {
  const app = createTestApp(database, now ? { clock: now } : {});
  const admin = await buildUser(database, [{ role: "administrator", territoryCode: "IT" }], {
    displayName: "Ada Admin",
  });
  return { app, admin, session: await signIn(app, admin.email) };
}

describe("invitations", () => {
  it("invites by email (kept in the outbox without SMTP); the invitee chooses a password and signs in", async () => {
    const { app, session } = await signInAsAdministrator();
    const email = `invitee-${Date.now()}@example.test`;
    const invited = await app.request("/api/admin/users", {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ email, displayName: "Ivo Invitato", locale: "it" }),
    });
    expect(invited.status).toBe(201);
    const user = UserSummarySchema.parse(await invited.json());
    expect(user.status).toBe("invited");

    const outbox = (await (
      await app.request("/api/admin/outbox", { headers: session.headers() })
    ).json()) as {
      items: { toAddress: string; subject: string; bodyText: string }[];
    };
    const message = outbox.items.find((item) => item.toAddress === email);
    expect(message?.subject).toBe("Invito a SECTOR");
    expect(message?.bodyText).toContain("Ada Admin");
    const token = decodeURIComponent(
      /accept-invitation\?token=([\w%-]+)/.exec(message?.bodyText ?? "")?.[1] ?? "",
    );

    const before = await app.request("/api/auth/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password: "chosen passphrase 42" }),
    });
    expect(before.status).toBe(401);
    const accepted = await app.request("/api/auth/invitation/accept", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token, password: "chosen passphrase 42" }),
    });
    expect(accepted.status).toBe(200);
    await signIn(app, email, "chosen passphrase 42");
  });

  it("refuses a second account with the same email (409 naming the field)", async () => {
    const { app, session } = await signInAsAdministrator();
    const existing = await buildUser(database, []);
    const response = await app.request("/api/admin/users", {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ email: existing.email, displayName: "Dup" }),
    });
    expect(response.status).toBe(409);
    expect(ErrorResponseSchema.parse(await response.json()).error.fields?.[0]?.path).toBe("body.email");
  });
});

describe("grants", () => {
  it("checks that the scope fits the role and exists", async () => {
    const { app, session } = await signInAsAdministrator();
    const user = await buildUser(database, []);
    const cases = [
      [{ role: "analyst" }, "body.territoryCode"],
      [{ role: "analyst", territoryCode: "NOPE99" }, "body.territoryCode"],
      [{ role: "company_representative" }, "body.companyIds"],
      [{ role: "expert", companyIds: ["3f1b7f9e-8d2a-4c55-9a0e-2b7e4c1d9f00"] }, "body.companyIds"],
    ] as const;
    for (const [body, field] of cases) {
      const response = await app.request(`/api/admin/users/${user.userId}/grants`, {
        method: "POST",
        headers: session.headers(),
        body: JSON.stringify(body),
      });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(
        ErrorResponseSchema.parse(await response.json()).error.fields?.map((item) => item.path),
      ).toContain(field);
    }
  });

  it("grants, reviews and revokes, and the audit log records each change", async () => {
    const { app, session } = await signInAsAdministrator();
    const user = await buildUser(database, []);
    const company = await buildCompany(database);
    const granted = await app.request(`/api/admin/users/${user.userId}/grants`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ role: "company_representative", companyIds: [company.id] }),
    });
    expect(granted.status).toBe(201);
    const summary = UserSummarySchema.parse(await granted.json());
    const grant = summary.grants[0];
    expect(grant?.companies).toEqual([{ id: company.id, name: company.name }]);
    expect(
      (
        await app.request(`/api/admin/grants/${grant?.id}/review`, {
          method: "POST",
          headers: session.headers(),
        })
      ).status,
    ).toBe(204);
    expect(
      (await app.request(`/api/admin/grants/${grant?.id}`, { method: "DELETE", headers: session.headers() }))
        .status,
    ).toBe(204);
    expect(
      (await app.request(`/api/admin/grants/${grant?.id}`, { method: "DELETE", headers: session.headers() }))
        .status,
    ).toBe(404);
    const audit = AuditEventPageSchema.parse(
      await (await app.request(`/api/admin/audit-events?limit=200`, { headers: session.headers() })).json(),
    );
    const actions = audit.items
      .filter((event) => event.subjectUserId === user.userId)
      .map((event) => event.action);
    expect(actions.slice(0, 3)).toEqual(["grant.revoked", "grant.reviewed", "grant.created"]);
  });

  it("flags grants not reviewed for six months and filters users by it", async () => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    const { app, session } = await signInAsAdministrator(() => new Date(Date.now() + 200 * 86_400_000));
    const page = UserPageSchema.parse(
      await (
        await app.request(`/api/admin/users?reviewDue=true&limit=100&q=${encodeURIComponent(user.email)}`, {
          headers: session.headers(),
        })
      ).json(),
    );
    expect(page.items.map((item) => item.email)).toEqual([user.email]);
    expect(page.items[0]?.grants[0]?.isReviewDue).toBe(true);
  });
});

describe("locking", () => {
  it("ends the user's sessions at once and unlocking lets them in again", async () => {
    const { app, session } = await signInAsAdministrator();
    const user = await buildUser(database, []);
    const userSession = await signIn(app, user.email);
    const lock = await app.request(`/api/admin/users/${user.userId}/lock`, {
      method: "POST",
      headers: session.headers(),
      body: JSON.stringify({ reason: "Left the chamber of commerce" }),
    });
    expect(UserSummarySchema.parse(await lock.json()).status).toBe("locked");
    expect((await app.request("/api/auth/session", { headers: userSession.headers() })).status).toBe(401);
    const unlock = await app.request(`/api/admin/users/${user.userId}/unlock`, {
      method: "POST",
      headers: session.headers(),
    });
    expect(UserSummarySchema.parse(await unlock.json()).status).toBe("active");
    await signIn(app, user.email);
  });
});

describe("users list", () => {
  it("pages by email with a keyset cursor", async () => {
    const { app, session } = await signInAsAdministrator();
    const prefix = `page-${Date.now()}`;
    for (const letter of ["a", "b", "c"])
      await buildUser(database, [], { email: `${prefix}-${letter}@example.test` });
    const first = UserPageSchema.parse(
      await (
        await app.request(`/api/admin/users?q=${prefix}&limit=2`, { headers: session.headers() })
      ).json(),
    );
    expect(first.items.map((item) => item.email)).toEqual([
      `${prefix}-a@example.test`,
      `${prefix}-b@example.test`,
    ]);
    const second = UserPageSchema.parse(
      await (
        await app.request(
          `/api/admin/users?q=${prefix}&limit=2&after=${encodeURIComponent(first.nextAfter ?? "")}`,
          { headers: session.headers() },
        )
      ).json(),
    );
    expect(second.items.map((item) => item.email)).toEqual([`${prefix}-c@example.test`]);
    expect(second.nextAfter).toBeNull();
  });
});

describe("audit log export", () => {
  it("downloads the filtered log as CSV and records the export itself", async () => {
    const { app, admin, session } = await signInAsAdministrator();
    const response = await app.request("/api/admin/audit-events/export?action=login.failed", {
      headers: session.headers(),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="sector-audit-log-/);
    const csv = await response.text();
    expect(
      csv
        .split("\r\n")
        .slice(1, -1)
        .every((line) => line.includes(",login.failed,")),
    ).toBe(true);
    expect(csv.split("\r\n")[0]).toBe(
      "id,occurred_at,actor_email,action,company_id,company_name,subject_email,reason,details,ip_address,request_id",
    );
    const page = AuditEventPageSchema.parse(
      await (
        await app.request("/api/admin/audit-events?action=export.audit_log", { headers: session.headers() })
      ).json(),
    );
    expect(page.items[0]?.actorEmail).toBe(admin.email);
  });
});

describe(remindGrantReviews, () => {
  it("emails administrators the grants due for review, once a month at most", async () => {
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }], {
      email: `due-${Date.now()}@example.test`,
    });
    const later = new Date(Date.now() + 190 * 86_400_000);
    const deps = {
      db: database.db,
      clock: () => later,
      mailer: createMailer({ smtpUrl: undefined, from: "x@sector.test" }),
      logger: createLogger("silent"),
      baseUrl: "http://sector.test",
    };
    expect(await remindGrantReviews(deps)).toBeGreaterThanOrEqual(1);
    const outbox = await findOutboundEmails(database.db, { limit: 100 });
    const reminder = outbox.find(
      (email) => email.purpose === "grant_review_reminder" && email.bodyText.includes(user.email),
    );
    expect(reminder?.bodyText).toContain("analyst @ ITI15");
    expect(await remindGrantReviews(deps)).toBe(0);
  });
});
