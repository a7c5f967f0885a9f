import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type UserSummary, UserSummarySchema } from "../../../contracts/users.ts";
import { apiRequest } from "../../api-client.ts";
import { useAuth } from "../../auth/auth-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { AddGrantForm } from "./add-grant-form.tsx";
import { GrantTable } from "./grant-table.tsx";
import { LockUserDialog } from "./lock-user-dialog.tsx";
import { UserStatusBadge } from "./user-badges.tsx";

export function UserDetailPage() {
  const { userId = "" } = useParams();
  const { t } = useTranslation("admin");
  const user = useApi(() => apiRequest(`/api/admin/users/${encodeURIComponent(userId)}`, UserSummarySchema));
  if (user.status === "loading") return <p role="status">{t("translation:common.loading")}</p>;
  if (user.status === "error") {
    // A malformed id is answered 400; for the reader it is the same as an unknown one.
    if (user.error.status === 404 || user.error.status === 400) return <UserNotFound />;
    return <ErrorAlert error={user.error} />;
  }
  return <UserDetail key={user.data.id} initialUser={user.data} />;
}

function UserNotFound() {
  const { t } = useTranslation("admin");
  return (
    <section className="panel" aria-labelledby="user-not-found-title">
      <p className="page-header__kicker">{t("kicker")}</p>
      <h1 id="user-not-found-title">{t("user.notFoundTitle")}</h1>
      <p>{t("user.notFoundText")}</p>
      <Link to="/admin/users" className="button">
        {t("user.backToList")}
      </Link>
    </section>
  );
}

function UserDetail({ initialUser }: { initialUser: UserSummary }) {
  const { t } = useTranslation("admin");
  const format = useFormat();
  const auth = useAuth();
  const [user, setUser] = useState(initialUser);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [isLockOpen, setIsLockOpen] = useState(false);
  const isSelf = auth.user?.id === user.id;

  /** Replaces the user with the server's answer, or reads it again after a change answered 204. */
  async function refresh(next?: UserSummary) {
    setUser(next ?? (await apiRequest(`/api/admin/users/${user.id}`, UserSummarySchema)));
  }

  async function unlock() {
    setError(undefined);
    setMessage(undefined);
    try {
      await refresh(
        await apiRequest(`/api/admin/users/${user.id}/unlock`, UserSummarySchema, { method: "POST" }),
      );
      setMessage(t("lock.unlocked"));
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/admin">{t("kicker")}</Link> › <Link to="/admin/users">{t("users.title")}</Link>
        </p>
        <h1>
          {user.displayName} <UserStatusBadge status={user.status} />
        </h1>
      </header>
      <div className="admin-live" role="status">
        {message && <p className="alert alert--success">{message}</p>}
      </div>
      <ErrorAlert error={error} />
      <section className="panel" aria-labelledby="user-account-title">
        <h2 id="user-account-title">{t("user.account")}</h2>
        <dl className="facts admin-facts">
          <div>
            <dt>{t("users.email")}</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>{t("users.status")}</dt>
            <dd>{t(`userStatus.${user.status}`)}</dd>
          </div>
          <div>
            <dt>{t("user.language")}</dt>
            <dd>{t(`translation:language.${user.locale}`)}</dd>
          </div>
          <div>
            <dt>{t("user.createdAt")}</dt>
            <dd>
              <time dateTime={user.createdAt}>{format.date(user.createdAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t("users.lastSignIn")}</dt>
            <dd>
              {user.lastLoginAt ? (
                <time dateTime={user.lastLoginAt}>{format.dateTime(user.lastLoginAt)}</time>
              ) : (
                t("users.neverSignedIn")
              )}
            </dd>
          </div>
          {user.status === "locked" && (
            <div>
              <dt>{t("user.lockedReason")}</dt>
              <dd>{user.lockedReason ?? "—"}</dd>
            </div>
          )}
        </dl>
        <div className="admin-actions">
          {user.status === "locked" ? (
            <button type="button" className="button" onClick={unlock}>
              {t("lock.unlock")}
            </button>
          ) : isSelf ? (
            <p className="field__hint">{t("lock.notYourself")}</p>
          ) : (
            <button type="button" className="button button--danger" onClick={() => setIsLockOpen(true)}>
              {t("lock.open")}
            </button>
          )}
        </div>
      </section>
      <GrantTable
        user={user}
        onChanged={async (text) => {
          await refresh();
          setMessage(text);
        }}
      />
      <AddGrantForm
        user={user}
        onGranted={(next) => {
          setUser(next);
          setMessage(t("addGrant.added"));
        }}
      />
      <LockUserDialog
        isOpen={isLockOpen}
        user={user}
        onClose={() => setIsLockOpen(false)}
        onLocked={(next) => {
          setIsLockOpen(false);
          setUser(next);
          setMessage(t("lock.locked"));
        }}
      />
    </>
  );
}
