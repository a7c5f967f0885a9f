import type { DatabaseHandle } from "../src/server/db/client.ts";
import { createApp } from "../src/server/http/app.ts";
import type { AppDeps } from "../src/server/http/context.ts";
import { createLogger } from "../src/server/logging/logger.ts";
import { createMailer } from "../src/server/mail/mailer.ts";

export const fixedNow = new Date("2026-03-02T09:30:00.000Z");

/** The real app, in-process, on a test database, with a fixed clock and silent logs. */
export function createTestApp(database: DatabaseHandle, overrides: Partial<AppDeps> = {}) {
  return createApp({
    database,
    logger: createLogger("silent"),
    clock: () => fixedNow,
    version: "0.0.0-test",
    mailer: createMailer({ smtpUrl: undefined, from: "SECTOR test <test@sector.localhost>" }),
    sessionPolicy: { idleMinutes: 480, absoluteDays: 30 },
    outOfScopeAccessHours: 24,
    trustProxy: true,
    isSecureCookie: false,
    publicUrl: "http://sector.test",
    isDemoEnabled: false,
    ...overrides,
  });
}
