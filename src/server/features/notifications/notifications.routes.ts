import { createRoute, z } from "@hono/zod-openapi";
import {
  NotificationListQuerySchema,
  NotificationPageSchema,
  NotificationSettingsSchema,
  ReadAllNotificationsResultSchema,
} from "../../../contracts/notifications.ts";
import type { AppDeps } from "../../http/context.ts";
import { errorResponses, json } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { requirePrincipal, requireSession } from "../../http/session.ts";
import { findMyNotifications } from "./find-my-notifications.ts";
import { getMyNotificationSettings, updateMyNotificationSettings } from "./manage-notification-settings.ts";
import { markAllMyNotificationsRead, markMyNotificationRead } from "./mark-notifications-read.ts";

const tags = ["Notifications"];
const security = [{ session: [] }];

const listRoute = createRoute({
  method: "get",
  path: "/me/notifications",
  tags,
  security,
  summary: "My notifications, newest first, with the unread count (keyset pages)",
  request: { query: NotificationListQuerySchema },
  responses: {
    200: { description: "A page of notifications", ...json(NotificationPageSchema) },
    ...errorResponses("validation_failed", "unauthenticated"),
  },
});
const readRoute = createRoute({
  method: "post",
  path: "/me/notifications/{notificationId}/read",
  tags,
  security,
  summary: "Mark one of my notifications read",
  request: { params: z.object({ notificationId: z.uuid() }) },
  responses: {
    204: { description: "Marked read" },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});
const readAllRoute = createRoute({
  method: "post",
  path: "/me/notifications/read-all",
  tags,
  security,
  summary: "Mark all my notifications read",
  responses: {
    200: { description: "How many were unread", ...json(ReadAllNotificationsResultSchema) },
    ...errorResponses("unauthenticated", "forbidden"),
  },
});
const getSettingsRoute = createRoute({
  method: "get",
  path: "/me/notification-settings",
  tags,
  security,
  summary: "How my notifications are emailed",
  responses: {
    200: { description: "Settings", ...json(NotificationSettingsSchema) },
    ...errorResponses("unauthenticated"),
  },
});
const updateSettingsRoute = createRoute({
  method: "patch",
  path: "/me/notification-settings",
  tags,
  security,
  summary: "Choose how my notifications are emailed: each at once, a daily digest, or none",
  request: { body: { ...json(NotificationSettingsSchema), required: true } },
  responses: {
    200: { description: "Updated", ...json(NotificationSettingsSchema) },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden"),
  },
});

export function createNotificationRoutes(deps: AppDeps) {
  const context = { db: deps.database.db, clock: deps.clock };
  const router = createRouter();
  router.use("/me/notifications", requireSession);
  router.use("/me/notifications/*", requireSession);
  router.use("/me/notification-settings", requireSession);
  return router
    .openapi(listRoute, async (c) => {
      const page = await findMyNotifications(context, requirePrincipal(c), c.req.valid("query"));
      return c.json(page, 200);
    })
    .openapi(readAllRoute, async (c) => {
      const markedRead = await markAllMyNotificationsRead(context, requirePrincipal(c));
      return c.json({ markedRead }, 200);
    })
    .openapi(readRoute, async (c) => {
      await markMyNotificationRead(context, requirePrincipal(c), c.req.valid("param").notificationId);
      return c.body(null, 204);
    })
    .openapi(getSettingsRoute, async (c) =>
      c.json(await getMyNotificationSettings(context, requirePrincipal(c)), 200),
    )
    .openapi(updateSettingsRoute, async (c) =>
      c.json(
        await updateMyNotificationSettings(context, requirePrincipal(c), c.req.valid("json").delivery),
        200,
      ),
    );
}
