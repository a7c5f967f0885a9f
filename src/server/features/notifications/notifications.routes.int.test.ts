import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildDistrict } from "../../../../test/factories/build-territory.ts";
import { buildUser, type GrantSpec, signIn } from "../../../../test/factories/build-user.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { NotificationPageSchema, NotificationSettingsSchema } from "../../../contracts/notifications.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { districtSeries, follows } from "../../db/schema.ts";
import { createLogger } from "../../logging/logger.ts";
import { createMailer } from "../../mail/mailer.ts";
import { findActiveGrants } from "../auth/auth.repo.ts";
import { revokeRoleGrant } from "../users/change-grants.ts";
import type { NotifyDeps } from "./deliver-new-notifications.ts";
import { notifyAlertLevelChanges } from "./notify-alert-level-changes.ts";
import { notifyDistrictAlarms } from "./notify-district-alarms.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

let tick = Date.parse("2026-02-01T08:00:00Z");
function notifyDeps(): NotifyDeps {
  return {
    db: database.db,
    // Each notification a minute after the previous one, so the order is known.
    clock: () => {
      tick += 60_000;
      return new Date(tick);
    },
    mailer: createMailer({ smtpUrl: undefined, from: "x@sector.test" }),
    logger: createLogger("silent"),
    baseUrl: "http://sector.test",
  };
}

/** A signed-in follower of a company, with `count` alert-level notifications about it (newest last). */
async function buildNotifiedUser(count: number, grants?: GrantSpec[]) {
  const company = await buildCompany(database, { nuts3Code: "ITI15", name: "Maglificio Test S.r.l." });
  const user = await buildUser(database, grants ?? [{ role: "analyst", territoryCode: "ITI15" }]);
  await database.db
    .insert(follows)
    .values({ userId: user.userId, companyId: company.id, createdAt: new Date() });
  for (let index = 0; index < count; index += 1) {
    await notifyAlertLevelChanges(notifyDeps(), [
      {
        companyId: company.id,
        fiscalYear: 2010 + index,
        periodEndOn: `${2010 + index}-12-31`,
        previousLevel: "green",
        level: "orange",
        isDeteriorating: true,
        isFirstAlert: index === 0,
        isLatest: true,
      },
    ]);
  }
  const app = createTestApp(database);
  const session = await signIn(app, user.email);
  return { app, session, user, company };
}

async function readPage(
  app: ReturnType<typeof createTestApp>,
  headers: Record<string, string>,
  query: string,
) {
  const response = await app.request(`/api/me/notifications${query}`, { headers });
  expect(response.status).toBe(200);
  return NotificationPageSchema.parse(await response.json());
}

describe("GET /api/me/notifications", () => {
  it("pages newest first with a keyset cursor and counts the unread", async () => {
    const { app, session, company } = await buildNotifiedUser(5);
    const first = await readPage(app, session.headers(), "?limit=2");
    expect(first.unreadCount).toBe(5);
    expect(first.items.map((item) => item.kind === "company_alert_level" && item.payload.fiscalYear)).toEqual(
      [2014, 2013],
    );
    expect(first.items[0]).toMatchObject({ companyId: company.id, readAt: null });
    expect(first.nextAfter).not.toBeNull();
    const second = await readPage(app, session.headers(), `?limit=2&after=${first.nextAfter}`);
    expect(
      second.items.map((item) => item.kind === "company_alert_level" && item.payload.fiscalYear),
    ).toEqual([2012, 2011]);
    const third = await readPage(app, session.headers(), `?limit=2&after=${second.nextAfter}`);
    expect(third.items).toHaveLength(1);
    expect(third.nextAfter).toBeNull();
  });

  it("shows district alarms with their series and reasons", async () => {
    const district = await buildDistrict(database);
    const [series] = await database.db
      .insert(districtSeries)
      .values({
        seriesKey: `route-test-${district.code}`,
        source: "ISTAT",
        dataset: "exports",
        dimensions: {},
        indicator: "exports",
        territoryCode: district.code,
        unit: "EUR",
        frequency: "Q",
        titleIt: "Esportazioni",
        titleEn: "Exports",
      })
      .returning({ id: districtSeries.id });
    const user = await buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }]);
    await database.db
      .insert(follows)
      .values({ userId: user.userId, districtCode: district.code, createdAt: new Date() });
    await notifyDistrictAlarms(notifyDeps(), [
      {
        seriesId: series?.id as string,
        districtCode: district.code,
        period: "2025-Q4",
        reasons: [{ method: "cusum_lower", value: -6.1, baseline: 0, threshold: 5 }],
      },
    ]);
    const app = createTestApp(database);
    const session = await signIn(app, user.email);
    const page = await readPage(app, session.headers(), "");
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: "district_alarm",
        districtCode: district.code,
        payload: expect.objectContaining({
          seriesTitleEn: "Exports",
          period: "2025-Q4",
          reasons: [{ method: "cusum_lower", value: -6.1, baseline: 0, threshold: 5 }],
        }),
      }),
    ]);
  });

  it("hides the notifications of a company the user can no longer see, and leaves them out of the count", async () => {
    const { app, session, user } = await buildNotifiedUser(2, [
      { role: "analyst", territoryCode: "ITI15" },
      { role: "trainer" },
    ]);
    const grants = await findActiveGrants(database.db, user.userId);
    const analyst = grants.find((grant) => grant.role === "analyst");
    await revokeRoleGrant(
      { db: database.db, clock: () => new Date() },
      { userId: user.userId, email: user.email },
      analyst?.id as string,
      { ipAddress: undefined, requestId: undefined },
    );
    const page = await readPage(app, session.headers(), "");
    expect(page.items).toEqual([]);
    expect(page.unreadCount).toBe(0);
  });

  it.each([
    ["?limit=0", "query.limit"],
    ["?limit=101", "query.limit"],
    ["?status=new", "query.status"],
    ["?after=not-a-cursor", "query.after"],
  ])("answers %s with 400 naming %s", async (query, field) => {
    const { app, session } = await buildNotifiedUser(0);
    const response = await app.request(`/api/me/notifications${query}`, { headers: session.headers() });
    expect(response.status).toBe(400);
    const body = ErrorResponseSchema.parse(await response.json());
    expect(body.error.fields?.map((item) => item.path)).toContain(field);
  });

  it("answers 401 without a session", async () => {
    const response = await createTestApp(database).request("/api/me/notifications");
    expect(response.status).toBe(401);
  });
});

describe("marking notifications read", () => {
  it("marks one read, lists only unread ones on the unread tab, then marks all read", async () => {
    const { app, session } = await buildNotifiedUser(3);
    const all = await readPage(app, session.headers(), "");
    const target = all.items[1];
    const read = await app.request(`/api/me/notifications/${target?.id}/read`, {
      method: "POST",
      headers: session.headers(),
    });
    expect(read.status).toBe(204);
    const unread = await readPage(app, session.headers(), "?status=unread");
    expect(unread.unreadCount).toBe(2);
    expect(unread.items.map((item) => item.id)).not.toContain(target?.id);
    const afterRead = await readPage(app, session.headers(), "");
    expect(afterRead.items.find((item) => item.id === target?.id)?.readAt).toBe("2026-03-02T09:30:00.000Z");

    const readAll = await app.request("/api/me/notifications/read-all", {
      method: "POST",
      headers: session.headers(),
    });
    expect(readAll.status).toBe(200);
    expect(await readAll.json()).toEqual({ markedRead: 2 });
    expect((await readPage(app, session.headers(), "?status=unread")).items).toEqual([]);
    expect((await readPage(app, session.headers(), "")).unreadCount).toBe(0);
  });

  it("answers 404 for someone else's notification and 400 for a malformed id", async () => {
    const owner = await buildNotifiedUser(1);
    const [notification] = (await readPage(owner.app, owner.session.headers(), "")).items;
    const other = await buildNotifiedUser(0);
    const foreign = await other.app.request(`/api/me/notifications/${notification?.id}/read`, {
      method: "POST",
      headers: other.session.headers(),
    });
    expect(foreign.status).toBe(404);
    expect((await readPage(owner.app, owner.session.headers(), "")).unreadCount).toBe(1);
    const malformed = await other.app.request("/api/me/notifications/42/read", {
      method: "POST",
      headers: other.session.headers(),
    });
    expect(malformed.status).toBe(400);
    expect(ErrorResponseSchema.parse(await malformed.json()).error.fields?.[0]?.path).toBe(
      "path.notificationId",
    );
  });

  it("refuses a change without the CSRF token", async () => {
    const { app, session } = await buildNotifiedUser(1);
    const response = await app.request("/api/me/notifications/read-all", {
      method: "POST",
      headers: { Cookie: session.cookie },
    });
    expect(response.status).toBe(403);
  });
});

describe("/api/me/notification-settings", () => {
  it("reads and changes the delivery preference", async () => {
    const { app, session } = await buildNotifiedUser(0);
    const initial = await app.request("/api/me/notification-settings", { headers: session.headers() });
    expect(NotificationSettingsSchema.parse(await initial.json())).toEqual({ delivery: "immediate" });
    const changed = await app.request("/api/me/notification-settings", {
      method: "PATCH",
      headers: session.headers(),
      body: JSON.stringify({ delivery: "digest" }),
    });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ delivery: "digest" });
    const reread = await app.request("/api/me/notification-settings", { headers: session.headers() });
    expect(await reread.json()).toEqual({ delivery: "digest" });
  });

  it("answers an unknown delivery with 400 naming body.delivery and changes nothing", async () => {
    const { app, session } = await buildNotifiedUser(0);
    const response = await app.request("/api/me/notification-settings", {
      method: "PATCH",
      headers: session.headers(),
      body: JSON.stringify({ delivery: "weekly" }),
    });
    expect(response.status).toBe(400);
    expect(ErrorResponseSchema.parse(await response.json()).error.fields?.[0]?.path).toBe("body.delivery");
    const reread = await app.request("/api/me/notification-settings", { headers: session.headers() });
    expect(await reread.json()).toEqual({ delivery: "immediate" });
  });
});
