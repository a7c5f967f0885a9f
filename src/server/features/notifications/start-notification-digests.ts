import PgBoss from "pg-boss";
import type { DatabaseHandle } from "../../db/client.ts";
import type { NotifyDeps } from "./deliver-new-notifications.ts";
import { sendNotificationDigests } from "./send-notification-digests.ts";

const digestQueue = "notification-digests";

export type DigestSchedule = {
  /** A cron expression read in `timeZone` (pg-boss `schedule`). */
  cron: string;
  timeZone: string;
  /** How often the scheduler and the worker look for due work. */
  pollingIntervalSeconds: number;
};

/** Every day at 07:00 Italian time (docs/decisions/008-notification-digest-schedule.md). */
export const dailyDigestSchedule: DigestSchedule = {
  cron: "0 7 * * *",
  timeZone: "Europe/Rome",
  pollingIntervalSeconds: 30,
};

/**
 * Schedules the daily notification digest with pg-boss `schedule` on the same database as the job
 * queue (PostgreSQL, or PGlite through `executeSql`): with several servers the cron fires once and
 * one of them sends. Its own pg-boss instance only schedules and works this queue; maintenance
 * stays with the job queue's. Returns how to stop it.
 */
export async function startNotificationDigests(
  deps: NotifyDeps & { database: DatabaseHandle },
  schedule: DigestSchedule = dailyDigestSchedule,
): Promise<{ stop(): Promise<void> }> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values?: unknown[]) => deps.database.executeSql(text, values) },
    schema: "pgboss",
    schedule: true,
    supervise: false,
    cronMonitorIntervalSeconds: Math.min(schedule.pollingIntervalSeconds, 45),
    cronWorkerIntervalSeconds: Math.min(schedule.pollingIntervalSeconds, 45),
  });
  boss.on("error", (error) => deps.logger.error("notification digest scheduler error", { err: error }));
  await boss.start();
  await boss.createQueue(digestQueue);
  await boss.schedule(digestQueue, schedule.cron, {}, { tz: schedule.timeZone });
  await boss.work(
    digestQueue,
    { batchSize: 1, pollingIntervalSeconds: schedule.pollingIntervalSeconds },
    async () => {
      const result = await sendNotificationDigests(deps, deps.clock());
      if (result.emails > 0) deps.logger.info("notification digests sent", result);
    },
  );
  return { stop: () => boss.stop({ graceful: true, wait: true, close: false }) };
}
