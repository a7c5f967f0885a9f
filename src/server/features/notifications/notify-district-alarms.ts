import type { DistrictAlarmPayload } from "../../../contracts/notifications.ts";
import type { DistrictAlarmEntered } from "../../../domain/early-warning/alert-level-change.ts";
import {
  type CreatedNotification,
  deliverNewNotifications,
  initialEmailStatus,
  type NotifyDeps,
} from "./deliver-new-notifications.ts";
import {
  findDistrictFollowers,
  findSeriesTitles,
  findTerritoryNames,
  hasDistrictAlarmNotification,
  insertNotification,
} from "./notifications.repo.ts";

/**
 * Tells the active followers of a district that one of its signals entered alarm (which methods,
 * with value, baseline and threshold). District signals are published statistics, not company
 * data, so following the district is enough. The same series and period is told only once.
 */
export async function notifyDistrictAlarms(
  deps: NotifyDeps,
  events: DistrictAlarmEntered[],
): Promise<{ notifications: number }> {
  const created = await recordDistrictAlarmNotifications(deps, events);
  await deliverNewNotifications(deps, created);
  if (created.length > 0) deps.logger.info("district alarm notifications", { notifications: created.length });
  return { notifications: created.length };
}

/**
 * Stores the notifications of `notifyDistrictAlarms` without sending: emails wait, pending, for
 * `deliverPendingNotifications` (the series import calls this with the database only).
 */
export async function recordDistrictAlarmNotifications(
  deps: Pick<NotifyDeps, "db" | "clock"> & { logger?: NotifyDeps["logger"] },
  events: DistrictAlarmEntered[],
): Promise<CreatedNotification[]> {
  const created: CreatedNotification[] = [];
  for (const event of events) {
    const recipients = (await findDistrictFollowers(deps.db, event.districtCode)).filter(
      (follower) => follower.isActive,
    );
    if (recipients.length === 0) continue;
    const series = await findSeriesTitles(deps.db, event.seriesId);
    if (!series) {
      deps.logger?.warn("district alarm for an unknown series", { seriesId: event.seriesId });
      continue;
    }
    const district = await findTerritoryNames(deps.db, event.districtCode);
    const payload: DistrictAlarmPayload = {
      districtNameIt: district?.nameIt ?? event.districtCode,
      districtNameEn: district?.nameEn ?? event.districtCode,
      seriesId: event.seriesId,
      seriesTitleIt: series.titleIt,
      seriesTitleEn: series.titleEn,
      period: event.period,
      reasons: event.reasons.map((reason) => ({
        method: reason.method,
        value: reason.value,
        baseline: reason.baseline,
        threshold: reason.threshold,
      })),
    };
    const createdAt = deps.clock();
    await deps.db.transaction(async (transaction) => {
      for (const recipient of recipients) {
        const isKnown = await hasDistrictAlarmNotification(transaction, {
          userId: recipient.userId,
          seriesId: event.seriesId,
          period: event.period,
        });
        if (isKnown) continue;
        const id = await insertNotification(transaction, {
          userId: recipient.userId,
          kind: "district_alarm",
          companyId: null,
          districtCode: event.districtCode,
          payload,
          createdAt,
          emailStatus: initialEmailStatus(recipient),
        });
        created.push({
          id,
          recipient,
          content: { kind: "district_alarm", districtCode: event.districtCode, payload },
        });
      }
    });
  }
  return created;
}
