import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Env } from "./config/env.ts";
import { openDatabase } from "./db/client.ts";
import { demoPassword } from "./features/demo/demo-users.ts";
import { loadDemo } from "./features/demo/load-demo.ts";
import { startJobQueue } from "./features/jobs/job-queue.ts";
import { startPendingNotificationDelivery } from "./features/notifications/deliver-pending-notifications.ts";
import { startNotificationDigests } from "./features/notifications/start-notification-digests.ts";
import { startDetectionPageCache } from "./features/risk/detection-page-cache.ts";
import { initialiseInstallation } from "./features/system/initialise-installation.ts";
import { remindGrantReviews } from "./features/users/remind-grant-reviews.ts";
import { createApp } from "./http/app.ts";
import type { Logger } from "./logging/logger.ts";
import { createMailer } from "./mail/mailer.ts";
import { readPackageVersion } from "./paths.ts";

export type RunningServer = { url: string; close(): Promise<void> };

/** Opens the database, applies migrations, and serves the API (and the web app if built). */
export async function startServer(options: {
  env: Env;
  logger: Logger;
  webRoot?: string;
  clock?: () => Date;
}): Promise<RunningServer> {
  const { env, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const database = await openDatabase({
    databaseUrl: env.databaseUrl,
    dataDir: env.dataDir,
    poolSize: env.databasePoolSize,
    command: "sector serve",
    onConnectionError: (error) =>
      logger.warn("database connection lost; the pool will reconnect", { err: error }),
  });
  try {
    const report = await initialiseInstallation(database, clock);
    logger.info("database ready", {
      kind: database.kind,
      ...(database.kind === "embedded" ? { dataDir: env.dataDir } : {}),
      migrationsApplied: report.applied,
      migrationsTotal: report.total,
    });
    if (env.isDemoEnabled) await loadDemoOnFirstStart({ db: database.db, clock, logger });
    const jobs = await startJobQueue({ database, clock, logger });
    const detectionPages = await startDetectionPageCache({ database, logger });
    const mailer = createMailer({ smtpUrl: env.smtpUrl, from: env.mailFrom });
    const app = createApp({
      database,
      logger,
      clock,
      version: readPackageVersion(),
      mailer,
      sessionPolicy: { idleMinutes: env.sessionIdleMinutes, absoluteDays: env.sessionAbsoluteDays },
      outOfScopeAccessHours: env.outOfScopeAccessHours,
      trustProxy: env.trustProxy,
      isSecureCookie: env.trustProxy || env.publicUrl?.startsWith("https://") === true,
      publicUrl: env.publicUrl,
      isDemoEnabled: env.isDemoEnabled,
      jobs,
      detectionPageCache: detectionPages.cache,
      ...(options.webRoot ? { webRoot: options.webRoot } : {}),
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const instance = serve({ fetch: app.fetch, hostname: env.host, port: env.port }, () =>
        resolve(instance),
      );
      instance.once("error", reject);
    });
    const address = server.address() as AddressInfo;
    const url = `http://${displayHost(env.host)}:${address.port}`;
    logger.info("listening", { url });
    database.announceServerUrl(url);
    // The demo just loaded, or a new rule-set version: what lacks results is scored in the background.
    await jobs.enqueueScoring("unscored", "server start");
    const stopReminders = scheduleGrantReviewReminders({
      db: database.db,
      clock,
      mailer,
      logger,
      baseUrl: env.publicUrl ?? url,
    });
    const digests = await startNotificationDigests({
      database,
      db: database.db,
      clock,
      mailer,
      logger,
      baseUrl: env.publicUrl ?? url,
    });
    const stopNotificationDelivery = startPendingNotificationDelivery(
      { db: database.db, clock, mailer, logger, baseUrl: env.publicUrl ?? url },
      env.notificationDeliverySeconds,
    );
    return {
      url,
      async close() {
        stopNotificationDelivery();
        stopReminders();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await digests.stop();
        await jobs.stop();
        await detectionPages.stop();
        mailer.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

/** On an empty database, loads the demo district and prints who can sign in. */
async function loadDemoOnFirstStart(deps: {
  db: Parameters<typeof loadDemo>[0]["db"];
  clock: () => Date;
  logger: Logger;
}) {
  const startedAt = performance.now();
  const result = await loadDemo(deps, { onProgress: (step) => deps.logger.info(`demo: ${step}`) });
  if (!result.isLoaded) return;
  deps.logger.info("demo loaded", {
    companies: result.companies,
    statements: result.statements,
    seconds: Math.round((performance.now() - startedAt) / 100) / 10,
  });
  const lines = [
    "",
    `Demo district loaded. Sign in with any of these accounts (password: ${demoPassword}):`,
    ...result.users.map((user) => `  ${user.role.padEnd(24)} ${user.email}`),
    "Start with SECTOR_DEMO=0 on an empty database to skip the demo.",
    "",
  ];
  process.stderr.write(`${lines.join("\n")}\n`);
}

const reminderIntervalMs = 12 * 3_600_000;

/** Checks for grants due for review a minute after start, then twice a day. */
function scheduleGrantReviewReminders(deps: Parameters<typeof remindGrantReviews>[0]): () => void {
  const run = () => {
    remindGrantReviews(deps).then(
      (count) => count > 0 && deps.logger.info("grant review reminders sent", { grantsDue: count }),
      (error: unknown) => deps.logger.error("grant review reminders failed", { err: error }),
    );
  };
  const first = setTimeout(run, 60_000);
  const repeat = setInterval(run, reminderIntervalMs);
  first.unref();
  repeat.unref();
  return () => {
    clearTimeout(first);
    clearInterval(repeat);
  };
}

const loopbackOrAny = new Set(["0.0.0.0", "::", "127.0.0.1", "::1", "localhost"]);

function displayHost(host: string): string {
  if (loopbackOrAny.has(host)) return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}
