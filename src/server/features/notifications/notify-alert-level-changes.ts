import type { CompanyAlertLevelPayload } from "../../../contracts/notifications.ts";
import type { AlertLevelChange } from "../../../domain/early-warning/alert-level-change.ts";
import { canNotifyAboutCompany } from "../../../domain/notifications/can-notify-about-company.ts";
import { shouldNotifyAlertLevelChange } from "../../../domain/notifications/should-notify-alert-level-change.ts";
import {
  type CreatedNotification,
  deliverNewNotifications,
  initialEmailStatus,
  type NotifyDeps,
} from "./deliver-new-notifications.ts";
import { createGrantLoader } from "./load-follower-grants.ts";
import {
  findCompanyFollowers,
  findCompanyPlacements,
  findFollowedCompanyIds,
  hasCompanyAlertNotification,
  insertNotification,
  type Recipient,
} from "./notifications.repo.ts";

/**
 * Tells the followers of each company whose latest alert level changed: an in-app notification,
 * and an email at once or in the digest as each prefers. Only active followers who may still see
 * the company's confidential data hear of it; calling twice with the same change adds nothing.
 */
export async function notifyAlertLevelChanges(
  deps: NotifyDeps,
  changes: AlertLevelChange[],
): Promise<{ notifications: number }> {
  const created = await recordAlertLevelNotifications(deps, changes);
  await deliverNewNotifications(deps, created);
  if (created.length > 0) deps.logger.info("alert level notifications", { notifications: created.length });
  return { notifications: created.length };
}

/**
 * Stores the in-app notifications of `notifyAlertLevelChanges` without sending anything: emails of
 * users who want them at once stay pending for `deliverPendingNotifications`. Scoring calls this,
 * wherever it runs (server, CLI, import), so it needs only the database.
 */
export async function recordAlertLevelNotifications(
  deps: Pick<NotifyDeps, "db" | "clock">,
  changes: AlertLevelChange[],
): Promise<CreatedNotification[]> {
  const worthTelling = changes.filter(shouldNotifyAlertLevelChange);
  if (worthTelling.length === 0) return [];
  // Most changed companies have no follower: keep the rest of the work to those that do.
  const followed = await findFollowedCompanyIds(deps.db, [
    ...new Set(worthTelling.map((change) => change.companyId)),
  ]);
  const relevant = worthTelling.filter((change) => followed.has(change.companyId));
  if (relevant.length === 0) return [];
  const placements = new Map(
    (await findCompanyPlacements(deps.db, [...new Set(relevant.map((change) => change.companyId))])).map(
      (company) => [company.id, company],
    ),
  );
  const grantsOf = createGrantLoader(deps.db);
  const created: CreatedNotification[] = [];
  for (const change of relevant) {
    const company = placements.get(change.companyId);
    if (!company) continue;
    const placement = {
      id: company.id,
      countryCode: company.countryCode,
      nuts3Code: company.nuts3Code ?? undefined,
      districtCode: company.districtCode ?? undefined,
    };
    const recipients: Recipient[] = [];
    for (const follower of await findCompanyFollowers(deps.db, change.companyId)) {
      if (follower.isActive && canNotifyAboutCompany(await grantsOf(follower.userId), placement))
        recipients.push(follower);
    }
    if (recipients.length === 0) continue;
    const payload: CompanyAlertLevelPayload = {
      companyName: company.name,
      fiscalYear: change.fiscalYear,
      periodEndOn: change.periodEndOn,
      previousLevel: change.previousLevel,
      level: change.level,
      isDeteriorating: change.isDeteriorating,
      isFirstAlert: change.isFirstAlert,
    };
    const createdAt = deps.clock();
    await deps.db.transaction(async (transaction) => {
      for (const recipient of recipients) {
        const isKnown = await hasCompanyAlertNotification(transaction, {
          userId: recipient.userId,
          companyId: company.id,
          fiscalYear: change.fiscalYear,
          previousLevel: change.previousLevel,
          level: change.level,
        });
        if (isKnown) continue;
        const id = await insertNotification(transaction, {
          userId: recipient.userId,
          kind: "company_alert_level",
          companyId: company.id,
          districtCode: null,
          payload,
          createdAt,
          emailStatus: initialEmailStatus(recipient),
        });
        created.push({
          id,
          recipient,
          content: { kind: "company_alert_level", companyId: company.id, payload },
        });
      }
    });
  }
  return created;
}
