import type { NotificationDelivery, NotificationSettings } from "../../../contracts/notifications.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Principal } from "../auth/principal.ts";
import { findNotificationDelivery, updateNotificationDelivery } from "./notifications.repo.ts";

export async function getMyNotificationSettings(
  deps: { db: Database },
  principal: Principal,
): Promise<NotificationSettings> {
  const delivery = await findNotificationDelivery(deps.db, principal.userId);
  if (!delivery) throw new AppError("not_found", "No such user.");
  return { delivery };
}

/**
 * Changes how the user's notifications are emailed. Notifications already waiting keep waiting for
 * the next digest, which honours the new choice (none → they are not emailed).
 */
export async function updateMyNotificationSettings(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
  delivery: NotificationDelivery,
): Promise<NotificationSettings> {
  await updateNotificationDelivery(deps.db, principal.userId, delivery, deps.clock());
  return { delivery };
}
