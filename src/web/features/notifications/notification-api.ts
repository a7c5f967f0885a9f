import { z } from "zod";
import {
  type NotificationDelivery,
  type NotificationPage,
  NotificationPageSchema,
  type NotificationSettings,
  NotificationSettingsSchema,
  ReadAllNotificationsResultSchema,
} from "../../../contracts/notifications.ts";
import { apiRequest } from "../../api-client.ts";

/** Fired on the window when notifications are read here, so the header bell recounts at once. */
export const notificationsChangedEvent = "sector:notifications-changed";

export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(notificationsChangedEvent));
}

export function findNotifications(query: {
  status: "unread" | "all";
  after?: string | undefined;
  limit: number;
}): Promise<NotificationPage> {
  const parameters = new URLSearchParams({ status: query.status, limit: String(query.limit) });
  if (query.after) parameters.set("after", query.after);
  return apiRequest(`/api/me/notifications?${parameters.toString()}`, NotificationPageSchema);
}

export async function markNotificationRead(notificationId: string): Promise<void> {
  await apiRequest(`/api/me/notifications/${encodeURIComponent(notificationId)}/read`, z.undefined(), {
    method: "POST",
  });
}

export async function markAllNotificationsRead(): Promise<number> {
  const result = await apiRequest("/api/me/notifications/read-all", ReadAllNotificationsResultSchema, {
    method: "POST",
  });
  return result.markedRead;
}

export function getNotificationSettings(): Promise<NotificationSettings> {
  return apiRequest("/api/me/notification-settings", NotificationSettingsSchema);
}

export function updateNotificationSettings(delivery: NotificationDelivery): Promise<NotificationSettings> {
  return apiRequest("/api/me/notification-settings", NotificationSettingsSchema, {
    method: "PATCH",
    body: { delivery },
  });
}
