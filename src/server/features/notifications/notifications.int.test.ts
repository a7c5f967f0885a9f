import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { buildDistrict } from "../../../../test/factories/build-territory.ts";
import { buildUser, type GrantSpec } from "../../../../test/factories/build-user.ts";
import { textileStatementItems } from "../../../../test/factories/textile-statement-items.ts";
import { startSmtpSink } from "../../../../test/smtp-sink.ts";
import type { AlertLevelChange } from "../../../domain/early-warning/alert-level-change.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { districtSeries, follows, notifications, outboundEmails, users } from "../../db/schema.ts";
import { createLogger } from "../../logging/logger.ts";
import { createMailer, type Mailer } from "../../mail/mailer.ts";
import { findActiveGrants } from "../auth/auth.repo.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";
import { revokeRoleGrant } from "../users/change-grants.ts";
import { setUserStatus } from "../users/users.repo.ts";
import type { NotifyDeps } from "./deliver-new-notifications.ts";
import { deliverPendingNotifications } from "./deliver-pending-notifications.ts";
import { notifyAlertLevelChanges, recordAlertLevelNotifications } from "./notify-alert-level-changes.ts";
import { notifyDistrictAlarms } from "./notify-district-alarms.ts";
import { sendNotificationDigests } from "./send-notification-digests.ts";
import { dailyDigestSchedule, startNotificationDigests } from "./start-notification-digests.ts";

let database: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let smtpMailer: Mailer;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpSink();
  smtpMailer = createMailer({ smtpUrl: smtp.url, from: "SECTOR <no-reply@sector.test>" });
});
afterAll(async () => {
  smtpMailer.close();
  await smtp.close();
  await database.close();
});

const baseUrl = "http://sector.test";

function notifyDeps(overrides: Partial<NotifyDeps> = {}): NotifyDeps {
  return {
    db: database.db,
    clock: () => new Date("2026-03-02T09:30:00Z"),
    mailer: smtpMailer,
    logger: createLogger("silent"),
    baseUrl,
    ...overrides,
  };
}

async function buildFollower(
  grants: GrantSpec[],
  subject: { companyId?: string; districtCode?: string },
  options: { locale?: "it" | "en"; delivery?: "immediate" | "digest" | "none"; displayName?: string } = {},
) {
  const user = await buildUser(database, grants, {
    locale: options.locale ?? "en",
    displayName: options.displayName ?? "Test User",
  });
  if (options.delivery)
    await database.db
      .update(users)
      .set({ notificationDelivery: options.delivery })
      .where(eq(users.id, user.userId));
  await database.db.insert(follows).values({
    userId: user.userId,
    companyId: subject.companyId ?? null,
    districtCode: subject.districtCode ?? null,
    createdAt: new Date("2026-01-01T00:00:00Z"),
  });
  return user;
}

function change(companyId: string, overrides: Partial<AlertLevelChange> = {}): AlertLevelChange {
  return {
    companyId,
    fiscalYear: 2025,
    periodEndOn: "2025-12-31",
    previousLevel: "green",
    level: "red",
    isDeteriorating: true,
    isFirstAlert: true,
    isLatest: true,
    ...overrides,
  };
}

async function notificationsOf(userId: string) {
  return database.db.select().from(notifications).where(eq(notifications.userId, userId));
}

async function buildSeries(districtCode: string) {
  const rows = await database.db
    .insert(districtSeries)
    .values({
      seriesKey: `test-${randomBytes(5).toString("hex")}`,
      source: "INPS",
      dataset: "cig",
      dimensions: {},
      indicator: "authorised_hours",
      territoryCode: districtCode,
      unit: "hours",
      frequency: "M",
      titleIt: "Ore di cassa integrazione autorizzate",
      titleEn: "Authorised wage-support hours",
    })
    .returning({ id: districtSeries.id });
  return rows[0]?.id as string;
}

describe(notifyAlertLevelChanges, () => {
  it("emails an Italian follower at once over SMTP, in Italian, with the link to the company's risk page", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15", name: "Lanificio Rossi S.p.A." });
    const follower = await buildFollower(
      [{ role: "analyst", territoryCode: "ITI15" }],
      { companyId: company.id },
      { locale: "it", displayName: "Giulia Bianchi" },
    );
    const result = await notifyAlertLevelChanges(notifyDeps(), [change(company.id)]);
    expect(result.notifications).toBe(1);
    const email = await smtp.waitFor((message) => message.to.includes(follower.email));
    expect(email.subject).toBe(
      "SECTOR — Lanificio Rossi S.p.A.: livello di allerta rosso (rischio alto) (2025)",
    );
    expect(email.text).toContain("Buongiorno Giulia Bianchi,");
    expect(email.text).toContain("prima era verde");
    expect(email.text).toContain("È la prima allerta registrata per questa impresa.");
    expect(email.text).toContain(`${baseUrl}/companies/${company.id}/risk`);
    expect(email.html).toContain(`href="${baseUrl}/companies/${company.id}/risk"`);
    const [stored] = await notificationsOf(follower.userId);
    expect(stored).toMatchObject({
      kind: "company_alert_level",
      companyId: company.id,
      emailStatus: "sent",
      readAt: null,
      payload: {
        companyName: "Lanificio Rossi S.p.A.",
        fiscalYear: 2025,
        previousLevel: "green",
        level: "red",
        isDeteriorating: true,
        isFirstAlert: true,
      },
    });
    expect(stored?.emailedAt).not.toBeNull();
  });

  it("writes to an English follower in English, also to a representative linked to the company", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15", name: "Tintoria Verdi S.r.l." });
    const follower = await buildFollower(
      [{ role: "company_representative", companyIds: [company.id] }],
      { companyId: company.id },
      { locale: "en" },
    );
    await notifyAlertLevelChanges(notifyDeps(), [
      change(company.id, {
        previousLevel: "red",
        level: "orange",
        isDeteriorating: false,
        isFirstAlert: false,
      }),
    ]);
    const email = await smtp.waitFor((message) => message.to.includes(follower.email));
    expect(email.subject).toBe("SECTOR — Tintoria Verdi S.r.l.: alert level orange (watch) (2025)");
    expect(email.text).toContain("it was red (high risk)");
    expect(email.text).not.toContain("worsened");
  });

  it("is idempotent: the same change twice makes one notification and one email", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15" });
    const follower = await buildFollower([{ role: "analyst", territoryCode: "ITI15" }], {
      companyId: company.id,
    });
    expect((await notifyAlertLevelChanges(notifyDeps(), [change(company.id)])).notifications).toBe(1);
    await smtp.waitFor((message) => message.to.includes(follower.email));
    expect((await notifyAlertLevelChanges(notifyDeps(), [change(company.id)])).notifications).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smtp.messages.filter((message) => message.to.includes(follower.email))).toHaveLength(1);
    expect(await notificationsOf(follower.userId)).toHaveLength(1);
    // A later, different change of the same year is news.
    await notifyAlertLevelChanges(notifyDeps(), [
      change(company.id, { previousLevel: "red", level: "green" }),
    ]);
    expect(await notificationsOf(follower.userId)).toHaveLength(2);
  });

  it("tells nobody outside the company's scope, nor locked users, nor about an earlier year or an unchanged level", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15" });
    const outsider = await buildFollower([{ role: "analyst", territoryCode: "ITC47" }], {
      companyId: company.id,
    });
    const otherCompany = await buildCompany(database, { nuts3Code: "ITI15" });
    const otherRepresentative = await buildFollower(
      [{ role: "company_representative", companyIds: [otherCompany.id] }],
      { companyId: company.id },
    );
    const locked = await buildFollower([{ role: "analyst", territoryCode: "ITI15" }], {
      companyId: company.id,
    });
    await setUserStatus(database.db, locked.userId, "locked", "left the partnership", new Date());
    const insider = await buildFollower([{ role: "analyst", territoryCode: "ITI1" }], {
      companyId: company.id,
    });
    const result = await notifyAlertLevelChanges(notifyDeps(), [
      change(company.id, { fiscalYear: 2023, isLatest: false }),
      change(company.id, { previousLevel: "red", level: "red" }),
    ]);
    expect(result.notifications).toBe(0);
    await notifyAlertLevelChanges(notifyDeps(), [change(company.id)]);
    await smtp.waitFor((message) => message.to.includes(insider.email));
    for (const user of [outsider, otherRepresentative, locked]) {
      expect(await notificationsOf(user.userId), user.email).toEqual([]);
      expect(smtp.messages.some((message) => message.to.includes(user.email))).toBe(false);
    }
  });

  it("stops telling a follower who lost the grant covering the company", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15" });
    const follower = await buildFollower([{ role: "analyst", territoryCode: "ITI15" }], {
      companyId: company.id,
    });
    const [grant] = await findActiveGrants(database.db, follower.userId);
    await revokeRoleGrant(
      { db: database.db, clock: () => new Date() },
      { userId: follower.userId, email: follower.email },
      grant?.id as string,
      { ipAddress: undefined, requestId: undefined },
    );
    expect((await notifyAlertLevelChanges(notifyDeps(), [change(company.id)])).notifications).toBe(0);
  });

  it("sends nothing to a user who chose no email, and marks the notification skipped", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15" });
    const follower = await buildFollower(
      [{ role: "analyst", territoryCode: "ITI15" }],
      { companyId: company.id },
      { delivery: "none" },
    );
    await notifyAlertLevelChanges(notifyDeps(), [change(company.id)]);
    const [stored] = await notificationsOf(follower.userId);
    expect(stored?.emailStatus).toBe("skipped");
    await sendNotificationDigests(notifyDeps(), new Date("2026-03-03T06:00:00Z"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smtp.messages.some((message) => message.to.includes(follower.email))).toBe(false);
  });

  it("records a failed delivery on the notification when the SMTP server cannot be reached", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15" });
    const follower = await buildFollower([{ role: "analyst", territoryCode: "ITI15" }], {
      companyId: company.id,
    });
    const unreachable = createMailer({ smtpUrl: "smtp://127.0.0.1:1", from: "x@sector.test" });
    await notifyAlertLevelChanges(notifyDeps({ mailer: unreachable }), [change(company.id)]);
    const [stored] = await notificationsOf(follower.userId);
    expect(stored?.emailStatus).toBe("failed");
    const logged = await database.db
      .select()
      .from(outboundEmails)
      .where(eq(outboundEmails.toAddress, follower.email));
    expect(logged.map((email) => email.status)).toEqual(["failed"]);
  });
});

describe(notifyDistrictAlarms, () => {
  it("emails the district's followers which methods raised the alarm, with the dashboard link", async () => {
    const district = await buildDistrict(database);
    const seriesId = await buildSeries(district.code);
    const follower = await buildFollower(
      [{ role: "committee_member", territoryCode: "ITI15" }],
      { districtCode: district.code },
      { locale: "it" },
    );
    const event = {
      seriesId,
      districtCode: district.code,
      period: "2026-01",
      reasons: [{ method: "modified_z", value: 5.25, baseline: 1200.5, threshold: 3.5 }],
    };
    expect((await notifyDistrictAlarms(notifyDeps(), [event])).notifications).toBe(1);
    const email = await smtp.waitFor((message) => message.to.includes(follower.email));
    expect(email.subject).toBe(
      `SECTOR — ${district.nameIt}: segnale in allarme (Ore di cassa integrazione autorizzate)`,
    );
    expect(email.text).toContain("z-score modificato: valore 5,25, riferimento 1200,5, soglia 3,5");
    expect(email.text).toContain(`${baseUrl}/districts/${district.code}`);
    const [stored] = await notificationsOf(follower.userId);
    expect(stored).toMatchObject({
      kind: "district_alarm",
      districtCode: district.code,
      companyId: null,
      emailStatus: "sent",
      payload: { seriesId, period: "2026-01", seriesTitleEn: "Authorised wage-support hours" },
    });
    expect((await notifyDistrictAlarms(notifyDeps(), [event])).notifications).toBe(0);
  });
});

describe(sendNotificationDigests, () => {
  it("groups a digest user's pending notifications into one email, then has nothing left to send", async () => {
    const district = await buildDistrict(database);
    const seriesId = await buildSeries(district.code);
    const first = await buildCompany(database, { nuts3Code: "ITI15", name: "Filatura Uno S.r.l." });
    const second = await buildCompany(database, { nuts3Code: "ITI15", name: "Filatura Due S.r.l." });
    const follower = await buildFollower(
      [{ role: "analyst", territoryCode: "ITI15" }],
      { companyId: first.id },
      { delivery: "digest", locale: "en", displayName: "Marco Neri" },
    );
    for (const subject of [{ companyId: second.id }, { districtCode: district.code }])
      await database.db.insert(follows).values({
        userId: follower.userId,
        companyId: subject.companyId ?? null,
        districtCode: subject.districtCode ?? null,
        createdAt: new Date(),
      });
    await notifyAlertLevelChanges(notifyDeps(), [change(first.id), change(second.id, { level: "orange" })]);
    await notifyDistrictAlarms(notifyDeps(), [
      { seriesId, districtCode: district.code, period: "2026-01", reasons: [] },
    ]);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smtp.messages.some((message) => message.to.includes(follower.email))).toBe(false);
    expect((await notificationsOf(follower.userId)).map((row) => row.emailStatus)).toEqual([
      "pending",
      "pending",
      "pending",
    ]);

    const digestAt = new Date("2026-03-03T06:00:00Z");
    const result = await sendNotificationDigests(notifyDeps(), digestAt);
    expect(result.emails).toBeGreaterThanOrEqual(1);
    const email = await smtp.waitFor((message) => message.to.includes(follower.email));
    expect(email.subject).toBe("SECTOR — digest: 3 notifications");
    expect(email.text).toContain("Hello Marco Neri,");
    expect(email.text).toContain("Filatura Uno S.r.l.: alert level red (high risk) for 2025");
    expect(email.text).toContain("Filatura Due S.r.l.: alert level orange (watch) for 2025");
    expect(email.text).toContain(`${baseUrl}/companies/${second.id}/risk`);
    expect(email.text).toContain(`${baseUrl}/districts/${district.code}`);
    const stored = await notificationsOf(follower.userId);
    expect(stored.map((row) => row.emailStatus)).toEqual(["sent", "sent", "sent"]);
    expect(stored.every((row) => row.emailedAt?.toISOString() === digestAt.toISOString())).toBe(true);

    await sendNotificationDigests(notifyDeps(), new Date("2026-03-04T06:00:00Z"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smtp.messages.filter((message) => message.to.includes(follower.email))).toHaveLength(1);
  });

  it("leaves out of the digest a company the user can no longer see", async () => {
    const visible = await buildCompany(database, { nuts3Code: "ITI15", name: "Visibile S.r.l." });
    const follower = await buildFollower(
      [{ role: "company_representative", companyIds: [visible.id] }],
      { companyId: visible.id },
      { delivery: "digest" },
    );
    await notifyAlertLevelChanges(notifyDeps(), [change(visible.id)]);
    const [grant] = await findActiveGrants(database.db, follower.userId);
    await revokeRoleGrant(
      { db: database.db, clock: () => new Date() },
      { userId: follower.userId, email: follower.email },
      grant?.id as string,
      { ipAddress: undefined, requestId: undefined },
    );
    await sendNotificationDigests(notifyDeps(), new Date("2026-03-03T06:00:00Z"));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(smtp.messages.some((message) => message.to.includes(follower.email))).toBe(false);
    expect((await notificationsOf(follower.userId)).map((row) => row.emailStatus)).toEqual(["skipped"]);
  });
});

describe(startNotificationDigests, () => {
  it("schedules the daily digest at 07:00 Italian time with pg-boss", () => {
    expect(dailyDigestSchedule).toMatchObject({ cron: "0 7 * * *", timeZone: "Europe/Rome" });
  });

  it("sends the digest when pg-boss fires the schedule, on PGlite", async () => {
    const company = await buildCompany(database, { nuts3Code: "ITI15" });
    const follower = await buildFollower(
      [{ role: "analyst", territoryCode: "ITI15" }],
      { companyId: company.id },
      { delivery: "digest" },
    );
    await notifyAlertLevelChanges(notifyDeps(), [change(company.id)]);
    // Every minute, polled each second: the schedule fires for the current minute at once.
    const digests = await startNotificationDigests(
      { ...notifyDeps({ clock: () => new Date("2026-03-03T06:00:00Z") }), database },
      { cron: "* * * * *", timeZone: "Europe/Rome", pollingIntervalSeconds: 1 },
    );
    try {
      const email = await smtp.waitFor((message) => message.to.includes(follower.email), 20_000);
      expect(email.subject).toBe("SECTOR — digest: 1 notification");
      expect((await notificationsOf(follower.userId)).map((row) => row.emailStatus)).toEqual(["sent"]);
    } finally {
      await digests.stop();
    }
  });
});

describe("notifications stored by scoring and emailed later by the server", () => {
  it("emails each pending notification of an immediate user once, leaves digest users to the digest, and skips a company no longer in scope", async () => {
    const district = await buildDistrict(database);
    const company = await buildCompany(database, { districtCode: district.code });
    const immediate = await buildFollower([{ role: "analyst", territoryCode: district.code }], {
      companyId: company.id,
    });
    const digest = await buildFollower(
      [{ role: "analyst", territoryCode: district.code }],
      { companyId: company.id },
      { delivery: "digest" },
    );
    const created = await recordAlertLevelNotifications(notifyDeps(), [change(company.id)]);
    expect(created.map((notification) => notification.recipient.userId).sort()).toEqual(
      [immediate.userId, digest.userId].sort(),
    );
    expect((await notificationsOf(immediate.userId)).map((row) => row.emailStatus)).toEqual(["pending"]);
    const before = smtp.messages.length;

    const first = await deliverPendingNotifications(notifyDeps());
    const second = await deliverPendingNotifications(notifyDeps());

    expect(first.emails).toBeGreaterThanOrEqual(1);
    expect(second.emails).toBe(0);
    const sent = smtp.messages.slice(before).filter((email) => email.to.includes(immediate.email));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.text).toContain(`/companies/${company.id}/risk`);
    expect((await notificationsOf(immediate.userId)).map((row) => row.emailStatus)).toEqual(["sent"]);
    expect((await notificationsOf(digest.userId)).map((row) => row.emailStatus)).toEqual(["pending"]);
    expect(smtp.messages.slice(before).some((email) => email.to.includes(digest.email))).toBe(false);
  });
});

describe("scoring a new statement", () => {
  it("stores a notification for the followers of a company whose latest level changes, once", async () => {
    const district = await buildDistrict(database);
    const company = await buildCompany(database, { districtCode: district.code });
    const follower = await buildFollower([{ role: "analyst", territoryCode: district.code }], {
      companyId: company.id,
    });
    await buildStatement(database, company.id, 2023, textileStatementItems("healthy"));
    await scoreCompanies({ db: database.db, clock: () => new Date("2026-03-01T00:00:00Z") }, [company.id]);
    const afterFirstYear = await notificationsOf(follower.userId);

    await buildStatement(database, company.id, 2024, textileStatementItems("failing"));
    await scoreCompanies({ db: database.db, clock: () => new Date("2026-03-02T00:00:00Z") }, [company.id]);
    await scoreCompanies({ db: database.db, clock: () => new Date("2026-03-03T00:00:00Z") }, [company.id]);

    const rows = await notificationsOf(follower.userId);
    const added = rows.filter((row) => !afterFirstYear.some((earlier) => earlier.id === row.id));
    expect(added).toHaveLength(1);
    expect(added[0]?.payload).toMatchObject({ fiscalYear: 2024, previousLevel: "green", level: "red" });
    expect(added[0]?.emailStatus).toBe("pending");
  });
});
