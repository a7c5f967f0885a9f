import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserSummary, UserSummarySchema } from "../../../contracts/users.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { type SupportedLocale, supportedLocales } from "../../i18n/locales.ts";
import { fieldErrorText, formAlertMessages } from "./field-errors.ts";

export function InviteUserDialog({
  isOpen,
  onClose,
  onInvited,
}: {
  isOpen: boolean;
  onClose(): void;
  onInvited(user: UserSummary): void;
}) {
  const { t, i18n } = useTranslation("admin");
  const [email, setEmail] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [locale, setLocale] = useState<SupportedLocale>(i18n.language === "en" ? "en" : "it");
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  function close() {
    setEmail("");
    setDisplayName("");
    setError(undefined);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsBusy(true);
    try {
      const user = await apiRequest("/api/admin/users", UserSummarySchema, {
        method: "POST",
        body: { email, displayName, locale },
      });
      setEmail("");
      setDisplayName("");
      onInvited(user);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  const isConflict = error instanceof ApiError && error.code === "conflict";
  const emailError = isConflict
    ? t("invite.conflict")
    : fieldErrorText(error, "body.email", t("invite.emailInvalid"));
  return (
    <ModalDialog isOpen={isOpen} title={t("invite.title")} onClose={close}>
      <form className="form" onSubmit={submit} noValidate>
        <p>{t("invite.lead")}</p>
        <ErrorAlert
          error={error}
          messages={{
            conflict: t("invite.conflict"),
            ...formAlertMessages(error, ["body.email", "body.displayName"], t("checkFields")),
          }}
        />
        <FormField
          label={t("invite.email")}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={emailError}
        />
        <FormField
          label={t("invite.displayName")}
          required
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={fieldErrorText(error, "body.displayName", t("invite.displayNameInvalid"))}
        />
        <div className="field">
          <label htmlFor="invite-locale">{t("invite.locale")}</label>
          <p id="invite-locale-hint" className="field__hint">
            {t("invite.localeHint")}
          </p>
          <select
            id="invite-locale"
            aria-describedby="invite-locale-hint"
            value={locale}
            onChange={(event) => setLocale(event.target.value as SupportedLocale)}
          >
            {supportedLocales.map((option) => (
              <option key={option} value={option} lang={option}>
                {t(`translation:language.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={close}>
            {t("translation:common.cancel")}
          </button>
          <button type="submit" className="button" disabled={isBusy}>
            {isBusy ? t("invite.sending") : t("invite.submit")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
