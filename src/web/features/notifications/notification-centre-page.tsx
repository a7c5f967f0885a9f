import { type KeyboardEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Notification } from "../../../contracts/notifications.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { usePagedList } from "../admin/use-paged-list.ts";
import { describeNotification } from "./describe-notification.ts";
import {
  announceNotificationsChanged,
  findNotifications,
  markAllNotificationsRead,
  markNotificationRead,
} from "./notification-api.ts";
import { NotificationSettingsForm } from "./notification-settings-form.tsx";
import "./notifications.css";

const pageSize = 20;
const tabs = ["all", "unread"] as const;
type Tab = (typeof tabs)[number];

/** The notification centre: unread and all notifications, marking read, and the email preference. */
export function NotificationCentrePage() {
  const { t } = useTranslation("notifications");
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: Tab = searchParams.get("status") === "unread" ? "unread" : "all";
  const [unreadCount, setUnreadCount] = useState<number | undefined>();
  // Read here since the list was loaded: shown as read without reloading the pages.
  const [readLocally, setReadLocally] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string | undefined>();
  const list = usePagedList<Notification, string>(tab, async (after) => {
    const page = await findNotifications({ status: tab, after, limit: pageSize });
    setUnreadCount(page.unreadCount);
    return { items: page.items, next: page.nextAfter };
  });

  function chooseTab(next: Tab) {
    setMessage(undefined);
    setReadLocally({});
    setSearchParams(next === "all" ? {} : { status: next }, { replace: true });
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = tabs[(tabs.indexOf(tab) + 1) % tabs.length] ?? "all";
    chooseTab(next);
    document.getElementById(`notification-tab-${next}`)?.focus();
  }

  async function markRead(notification: Notification) {
    if (notification.readAt || readLocally[notification.id]) return;
    setError(undefined);
    try {
      await markNotificationRead(notification.id);
      setReadLocally((previous) => ({ ...previous, [notification.id]: new Date().toISOString() }));
      setUnreadCount((previous) => Math.max(0, (previous ?? 1) - 1));
      announceNotificationsChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  async function markAllRead() {
    setError(undefined);
    setMessage(undefined);
    try {
      const count = await markAllNotificationsRead();
      const now = new Date().toISOString();
      setReadLocally(Object.fromEntries(list.items.map((item) => [item.id, item.readAt ?? now])));
      setUnreadCount(0);
      setMessage(t("markedAllRead", { count }));
      announceNotificationsChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <header className="page-header">
        <h1>{t("title")}</h1>
      </header>
      <p className="notifications-lead">{t("lead")}</p>
      <section
        className="panel"
        aria-labelledby="notification-list-title"
        aria-busy={list.status === "loading"}
      >
        <h2 id="notification-list-title" className="visually-hidden">
          {t("listTitle")}
        </h2>
        <div className="notifications-toolbar">
          <div
            role="tablist"
            aria-label={t("tabs.label")}
            className="notifications-tabs"
            onKeyDown={onTabKeyDown}
          >
            {tabs.map((option) => (
              <button
                key={option}
                id={`notification-tab-${option}`}
                type="button"
                role="tab"
                aria-selected={tab === option}
                aria-controls="notification-panel"
                tabIndex={tab === option ? 0 : -1}
                className="notifications-tabs__tab"
                onClick={() => chooseTab(option)}
              >
                {t(`tabs.${option}`)}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="button button--secondary"
            onClick={markAllRead}
            disabled={!unreadCount}
          >
            {t("markAllRead")}
          </button>
        </div>
        {unreadCount !== undefined && (
          <p className="notifications-summary" aria-live="polite">
            {t("unreadSummary", { count: unreadCount })}
          </p>
        )}
        {message && (
          <p role="status" className="alert alert--success">
            {message}
          </p>
        )}
        <ErrorAlert error={error} />
        <div role="tabpanel" id="notification-panel" aria-labelledby={`notification-tab-${tab}`}>
          {list.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
          {list.status === "error" && <ErrorAlert error={list.error} />}
          {list.status === "ready" &&
            (list.items.length === 0 ? (
              <p className="empty-state">{t(`empty.${tab}`)}</p>
            ) : (
              <>
                <ul className="notification-list">
                  {list.items.map((notification) => (
                    <NotificationItem
                      key={notification.id}
                      notification={notification}
                      isRead={Boolean(notification.readAt || readLocally[notification.id])}
                      onRead={() => markRead(notification)}
                    />
                  ))}
                </ul>
                <ErrorAlert error={list.error} />
                {list.next !== null && (
                  <div className="notifications-more">
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={list.loadMore}
                      disabled={list.isLoadingMore}
                    >
                      {list.isLoadingMore
                        ? t("translation:common.loading")
                        : t("translation:common.loadMore")}
                    </button>
                  </div>
                )}
              </>
            ))}
        </div>
      </section>
      <NotificationSettingsForm />
    </>
  );
}

function NotificationItem({
  notification,
  isRead,
  onRead,
}: {
  notification: Notification;
  isRead: boolean;
  onRead: () => void;
}) {
  const { t, i18n } = useTranslation("notifications");
  const format = useFormat();
  const view = describeNotification(notification, t, format, i18n.language === "en" ? "en" : "it");
  return (
    <li className={isRead ? "notification-item" : "notification-item notification-item--unread"}>
      <div className="notification-item__body">
        <p className="notification-item__title">
          {!isRead && <span className="badge badge--warning notification-item__unread">{t("unread")}</span>}
          <Link to={view.href} onClick={onRead}>
            {view.title}
          </Link>
        </p>
        {view.details.map((detail) => (
          <p key={detail} className="notification-item__detail">
            {detail}
          </p>
        ))}
        <p className="notification-item__meta">
          <time dateTime={notification.createdAt}>
            {t("receivedAt", { date: format.dateTime(notification.createdAt) })}
          </time>
          {view.badges.map((badge) => (
            <span key={badge} className="badge badge--danger">
              {badge}
            </span>
          ))}
        </p>
      </div>
      <div className="notification-item__actions">
        <Link to={view.href} className="button button--secondary" onClick={onRead}>
          {view.linkLabel}
        </Link>
        {!isRead && (
          <button type="button" className="button button--secondary" onClick={onRead}>
            {t("markRead")}
          </button>
        )}
      </div>
    </li>
  );
}
