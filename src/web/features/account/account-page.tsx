import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CurrentUserSchema, SessionListSchema } from "../../../contracts/auth.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { useAuth } from "../../auth/auth-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { changeLocale } from "../../i18n/i18n.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { NotificationSettingsForm } from "../notifications/notification-settings-form.tsx";

export function AccountPage() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t("account.title")}</h1>
      <div className="two-columns">
        <ProfileForm />
        <PasswordForm />
      </div>
      <SessionsPanel />
      <NotificationSettingsForm />
    </>
  );
}

function ProfileForm() {
  const { t } = useTranslation();
  const auth = useAuth();
  const [displayName, setDisplayName] = useState(auth.user?.displayName ?? "");
  const [locale, setLocale] = useState<"it" | "en">(auth.user?.locale ?? "it");
  const [error, setError] = useState<unknown>();
  const [isSaved, setIsSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsSaved(false);
    try {
      const user = await apiRequest("/api/me", CurrentUserSchema, {
        method: "PATCH",
        body: { displayName, locale },
      });
      auth.replaceUser(user);
      await changeLocale(user.locale);
      setIsSaved(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="profile-title">
      <h2 id="profile-title">{t("account.profile")}</h2>
      <ErrorAlert error={error} />
      <p>
        {t("auth.email")}: <strong>{auth.user?.email}</strong>
      </p>
      <FormField
        label={t("account.displayName")}
        required
        value={displayName}
        onChange={(event) => setDisplayName(event.target.value)}
        error={error instanceof ApiError ? error.fieldMessage("body.displayName") : undefined}
      />
      <div className="field">
        <label htmlFor="account-locale">{t("language.label")}</label>
        <select
          id="account-locale"
          value={locale}
          onChange={(event) => setLocale(event.target.value as "it" | "en")}
        >
          <option value="it">{t("language.it")}</option>
          <option value="en">{t("language.en")}</option>
        </select>
      </div>
      <button type="submit" className="button">
        {t("common.save")}
      </button>
      {isSaved && <p role="status">{t("common.saved")}</p>}
    </form>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [error, setError] = useState<unknown>();
  const [isChanged, setIsChanged] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsChanged(false);
    try {
      await apiRequest("/api/me/password", z.undefined(), {
        method: "POST",
        body: { currentPassword, newPassword },
      });
      setCurrentPassword("");
      setNewPassword("");
      setIsChanged(true);
    } catch (caught) {
      setError(caught);
    }
  }

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="password-title">
      <h2 id="password-title">{t("account.changePassword")}</h2>
      <ErrorAlert error={error} />
      <FormField
        label={t("account.currentPassword")}
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(event) => setCurrentPassword(event.target.value)}
        error={fieldError("body.currentPassword")}
      />
      <FormField
        label={t("auth.setPassword.new")}
        hint={t("auth.setPassword.hint")}
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
        error={fieldError("body.newPassword")}
      />
      <button type="submit" className="button">
        {t("account.changePassword")}
      </button>
      {isChanged && <p role="status">{t("account.passwordChanged")}</p>}
    </form>
  );
}

function SessionsPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const sessions = useApi(() => apiRequest("/api/me/sessions", SessionListSchema));
  const [error, setError] = useState<unknown>();

  async function revoke(sessionId: string) {
    setError(undefined);
    try {
      await apiRequest(`/api/me/sessions/${sessionId}`, z.undefined(), { method: "DELETE" });
      sessions.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("account.sessions")}</h2>
      <ErrorAlert error={error} />
      {sessions.status === "loading" && <p role="status">{t("common.loading")}</p>}
      {sessions.status === "error" && <ErrorAlert error={sessions.error} />}
      {sessions.status === "ready" && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("account.device")}</th>
              <th scope="col">{t("account.address")}</th>
              <th scope="col">{t("account.signedInAt")}</th>
              <th scope="col">{t("account.lastSeenAt")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.data.items.map((session) => (
              <tr key={session.id}>
                <td>{session.userAgent ?? "—"}</td>
                <td>{session.ipAddress ?? "—"}</td>
                <td>{format.dateTime(session.createdAt)}</td>
                <td>{format.dateTime(session.lastSeenAt)}</td>
                <td>
                  {session.isCurrent ? (
                    <span className="badge">{t("account.thisSession")}</span>
                  ) : (
                    <button
                      type="button"
                      className="button button--secondary"
                      onClick={() => revoke(session.id)}
                    >
                      {t("account.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
