import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Principal } from "../auth/principal.ts";
import { markAllNotificationsRead, markNotificationRead } from "./notifications.repo.ts";

/** Marks one of the user's notifications read; someone else's is "not found". */
export async function markMyNotificationRead(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
  notificationId: string,
): Promise<void> {
  const isMarked = await markNotificationRead(deps.db, principal.userId, notificationId, deps.clock());
  if (!isMarked) throw new AppError("not_found", "No such notification.");
}

/** Marks every unread notification of the user read; returns how many changed. */
export async function markAllMyNotificationsRead(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
): Promise<number> {
  return markAllNotificationsRead(deps.db, principal.userId, deps.clock());
}
