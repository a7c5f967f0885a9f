import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { findNotifications, notificationsChangedEvent } from "./notification-api.ts";
import "./notifications.css";

const pollIntervalMs = 60_000;

/** The header link to the notification centre with the unread count, refreshed every minute and on focus. */
export function NotificationBell() {
  const { t } = useTranslation("notifications");
  const [unreadCount, setUnreadCount] = useState<number | undefined>();

  const refresh = useCallback(() => {
    findNotifications({ status: "unread", limit: 1 }).then(
      (page) => setUnreadCount(page.unreadCount),
      // A failed poll keeps the last count; the next one tries again.
      () => undefined,
    );
  }, []);

  useEffect(() => {
    refresh();
    const interval = window.setInterval(refresh, pollIntervalMs);
    window.addEventListener("focus", refresh);
    window.addEventListener(notificationsChangedEvent, refresh);
    return () => {
      window.clearInterval(interval);
      window.removeEventListener("focus", refresh);
      window.removeEventListener(notificationsChangedEvent, refresh);
    };
  }, [refresh]);

  const count = unreadCount ?? 0;
  const label = t("bell.label", { count });
  return (
    <NavLink to="/notifications" className="notification-bell" aria-label={label} title={label}>
      <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="notification-bell__count" aria-hidden="true">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </NavLink>
  );
}
