import {
  CompanyAlertLevelPayloadSchema,
  DistrictAlarmPayloadSchema,
  type Notification,
} from "../../../contracts/notifications.ts";
import type { NotificationContent } from "./notification-emails.ts";
import type { NotificationRow } from "./notifications.repo.ts";

/** A stored notification's payload checked against its contract; undefined when it does not fit. */
export function readNotificationContent(row: NotificationRow): NotificationContent | undefined {
  if (row.kind === "company_alert_level" && row.companyId) {
    const payload = CompanyAlertLevelPayloadSchema.safeParse(row.payload);
    return payload.success ? { kind: row.kind, companyId: row.companyId, payload: payload.data } : undefined;
  }
  if (row.kind === "district_alarm" && row.districtCode) {
    const payload = DistrictAlarmPayloadSchema.safeParse(row.payload);
    return payload.success
      ? { kind: row.kind, districtCode: row.districtCode, payload: payload.data }
      : undefined;
  }
  return undefined;
}

export function presentNotification(row: NotificationRow, content: NotificationContent): Notification {
  const base = {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
  return content.kind === "company_alert_level"
    ? { ...base, kind: content.kind, companyId: content.companyId, payload: content.payload }
    : { ...base, kind: content.kind, districtCode: content.districtCode, payload: content.payload };
}
