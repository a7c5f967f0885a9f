import { z } from "zod";

/** How a user's notifications reach them by email: each at once, one daily digest, or none. */
export const NotificationDeliverySchema = z
  .enum(["immediate", "digest", "none"])
  .meta({ id: "NotificationDelivery" });
export type NotificationDelivery = z.infer<typeof NotificationDeliverySchema>;

export const NotificationKindSchema = z.enum(["company_alert_level", "district_alarm"]);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

const NotificationAlertLevelSchema = z
  .enum(["red", "orange", "green", "grey"])
  .meta({ description: "Early-warning alert level (early-warning.md §7)." });

/** What happened to a followed company, as data: the UI and the email word it per locale. */
export const CompanyAlertLevelPayloadSchema = z
  .object({
    companyName: z.string(),
    fiscalYear: z.number().int(),
    periodEndOn: z.iso.date(),
    previousLevel: NotificationAlertLevelSchema.nullable(),
    level: NotificationAlertLevelSchema,
    isDeteriorating: z.boolean(),
    isFirstAlert: z.boolean(),
  })
  .meta({ id: "CompanyAlertLevelPayload" });
export type CompanyAlertLevelPayload = z.infer<typeof CompanyAlertLevelPayloadSchema>;

export const DistrictAlarmReasonSchema = z.object({
  method: z.string().meta({ description: "The detection method, e.g. `modified_z_score` or `cusum`." }),
  value: z.number(),
  baseline: z.number(),
  threshold: z.number(),
});

/** A followed district's signal whose latest observation entered alarm (early-warning.md §5). */
export const DistrictAlarmPayloadSchema = z
  .object({
    districtNameIt: z.string(),
    districtNameEn: z.string(),
    seriesId: z.uuid(),
    seriesTitleIt: z.string(),
    seriesTitleEn: z.string(),
    period: z.string().meta({ description: "`2024`, `2024-Q1` or `2024-01`." }),
    reasons: z.array(DistrictAlarmReasonSchema),
  })
  .meta({ id: "DistrictAlarmPayload" });
export type DistrictAlarmPayload = z.infer<typeof DistrictAlarmPayloadSchema>;

const notificationBase = {
  id: z.uuid(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
};

export const NotificationSchema = z
  .discriminatedUnion("kind", [
    z.object({
      ...notificationBase,
      kind: z.literal("company_alert_level"),
      companyId: z.uuid(),
      payload: CompanyAlertLevelPayloadSchema,
    }),
    z.object({
      ...notificationBase,
      kind: z.literal("district_alarm"),
      districtCode: z.string(),
      payload: DistrictAlarmPayloadSchema,
    }),
  ])
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationListQuerySchema = z.object({
  status: z.enum(["unread", "all"]).default("all"),
  after: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "Keyset cursor: `nextAfter` of the previous page." }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type NotificationListQuery = z.infer<typeof NotificationListQuerySchema>;

export const NotificationPageSchema = z
  .object({
    items: z.array(NotificationSchema),
    unreadCount: z.number().int().meta({ description: "Unread notifications in total, not only this page." }),
    nextAfter: z.string().nullable(),
  })
  .meta({ id: "NotificationPage" });
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

export const NotificationSettingsSchema = z
  .object({ delivery: NotificationDeliverySchema })
  .meta({ id: "NotificationSettings" });
export type NotificationSettings = z.infer<typeof NotificationSettingsSchema>;

export const ReadAllNotificationsResultSchema = z
  .object({ markedRead: z.number().int() })
  .meta({ id: "ReadAllNotificationsResult" });
