import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { UserPageSchema, UserStatusSchema, type UserSummary } from "../../../contracts/users.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { InviteUserDialog } from "./invite-user-dialog.tsx";
import { buildQueryString } from "./query-string.ts";
import { usePagedList } from "./use-paged-list.ts";
import { useUrlFilters } from "./use-url-filters.ts";
import { GrantBadges, UserStatusBadge } from "./user-badges.tsx";

const pageSize = 25;

export function UserListPage() {
  const { t } = useTranslation("admin");
  const { parameters, query, searchText, setSearchText, applyFilter } = useUrlFilters();
  const status = UserStatusSchema.safeParse(parameters.get("status")).data;
  const isReviewDueOnly = parameters.get("reviewDue") === "true";
  const [isInviteOpen, setIsInviteOpen] = useState(false);
  const [invited, setInvited] = useState<UserSummary>();

  const filterKey = buildQueryString({ q: query, status, reviewDue: isReviewDueOnly });
  const users = usePagedList<UserSummary, string>(filterKey, async (after) => {
    const page = await apiRequest(
      `/api/admin/users${buildQueryString({ q: query, status, reviewDue: isReviewDueOnly, after, limit: pageSize })}`,
      UserPageSchema,
    );
    return { items: page.items, next: page.nextAfter };
  });

  return (
    <>
      <header className="page-header admin-page-header">
        <div>
          <p className="page-header__kicker">
            <Link to="/admin">{t("kicker")}</Link>
          </p>
          <h1>{t("users.title")}</h1>
        </div>
        <button type="button" className="button" onClick={() => setIsInviteOpen(true)}>
          {t("invite.open")}
        </button>
      </header>
      {invited && (
        <div className="alert alert--success admin-alert" role="status">
          {t("invite.sent", { email: invited.email })}{" "}
          <Link to={`/admin/users/${invited.id}`}>{t("invite.openUser", { name: invited.displayName })}</Link>
        </div>
      )}
      <search className="toolbar" aria-label={t("users.filters")}>
        <div className="field admin-field--wide">
          <label htmlFor="user-search">{t("users.search")}</label>
          <input
            id="user-search"
            type="search"
            value={searchText}
            onChange={(event) => setSearchText(event.target.value)}
            onKeyDown={(event) => event.key === "Enter" && applyFilter("q", searchText.trim() || undefined)}
          />
        </div>
        <div className="field">
          <label htmlFor="user-status">{t("users.status")}</label>
          <select
            id="user-status"
            value={status ?? ""}
            onChange={(event) => applyFilter("status", event.target.value)}
          >
            <option value="">{t("users.anyStatus")}</option>
            {UserStatusSchema.options.map((option) => (
              <option key={option} value={option}>
                {t(`userStatus.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-checkbox">
          <input
            id="user-review-due"
            type="checkbox"
            checked={isReviewDueOnly}
            onChange={(event) => applyFilter("reviewDue", event.target.checked ? "true" : undefined)}
          />
          <label htmlFor="user-review-due">{t("users.reviewDueOnly")}</label>
        </div>
      </search>
      <section className="panel" aria-labelledby="user-list-title" aria-busy={users.status === "loading"}>
        <h2 id="user-list-title" className="visually-hidden">
          {t("users.listTitle")}
        </h2>
        {users.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
        {users.status === "error" && <ErrorAlert error={users.error} />}
        {users.status === "ready" &&
          (users.items.length === 0 ? (
            <p className="empty-state">{t("users.empty")}</p>
          ) : (
            <>
              <UserTable users={users.items} />
              <ErrorAlert error={users.error} />
              <div className="admin-load-more">
                <p className="admin-muted" role="status">
                  {t("users.shown", { count: users.items.length })}
                </p>
                {users.next !== null && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={users.loadMore}
                    disabled={users.isLoadingMore}
                  >
                    {users.isLoadingMore ? t("translation:common.loading") : t("translation:common.loadMore")}
                  </button>
                )}
              </div>
            </>
          ))}
      </section>
      <InviteUserDialog
        isOpen={isInviteOpen}
        onClose={() => setIsInviteOpen(false)}
        onInvited={(user) => {
          setIsInviteOpen(false);
          setInvited(user);
          users.reload();
        }}
      />
    </>
  );
}

function UserTable({ users }: { users: UserSummary[] }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t("users.listTitle")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("users.name")}</th>
            <th scope="col">{t("users.email")}</th>
            <th scope="col">{t("users.status")}</th>
            <th scope="col">{t("users.roles")}</th>
            <th scope="col">{t("users.lastSignIn")}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row">
                <Link to={`/admin/users/${user.id}`}>{user.displayName}</Link>
              </th>
              <td>{user.email}</td>
              <td>
                <UserStatusBadge status={user.status} />
              </td>
              <td>
                <GrantBadges grants={user.grants} />
              </td>
              <td>
                {user.lastLoginAt ? (
                  <time dateTime={user.lastLoginAt}>{format.dateTime(user.lastLoginAt)}</time>
                ) : (
                  <span className="admin-muted">{t("users.neverSignedIn")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
