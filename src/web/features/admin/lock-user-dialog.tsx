import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserSummary, UserSummarySchema } from "../../../contracts/users.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { fieldErrorText, formAlertMessages } from "./field-errors.ts";

const minimumReasonLength = 5;

export function LockUserDialog({
  isOpen,
  user,
  onClose,
  onLocked,
}: {
  isOpen: boolean;
  user: UserSummary;
  onClose(): void;
  onLocked(user: UserSummary): void;
}) {
  const { t } = useTranslation("admin");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  function close() {
    setReason("");
    setError(undefined);
    onClose();
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsBusy(true);
    try {
      const locked = await apiRequest(`/api/admin/users/${user.id}/lock`, UserSummarySchema, {
        method: "POST",
        body: { reason },
      });
      setReason("");
      onLocked(locked);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  const reasonError = fieldErrorText(
    error,
    "body.reason",
    t("lock.reasonInvalid", { count: minimumReasonLength }),
  );
  return (
    <ModalDialog isOpen={isOpen} title={t("lock.title", { name: user.displayName })} onClose={close}>
      <form className="form" onSubmit={submit}>
        <p>{t("lock.lead")}</p>
        <ErrorAlert error={error} messages={formAlertMessages(error, ["body.reason"], t("checkFields"))} />
        <div className={`field${reasonError ? " field--invalid" : ""}`}>
          <label htmlFor="lock-reason">{t("lock.reason")}</label>
          <p id="lock-reason-hint" className="field__hint">
            {t("lock.reasonHint", { count: minimumReasonLength })}
          </p>
          <textarea
            id="lock-reason"
            rows={3}
            required
            minLength={minimumReasonLength}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? "lock-reason-hint lock-reason-error" : "lock-reason-hint"}
          />
          {reasonError && (
            <p id="lock-reason-error" className="field__error">
              {reasonError}
            </p>
          )}
        </div>
        <div className="form__actions">
          <button type="button" className="button button--secondary" onClick={close}>
            {t("translation:common.cancel")}
          </button>
          <button
            type="submit"
            className="button button--danger"
            disabled={isBusy || reason.trim().length < minimumReasonLength}
          >
            {t("lock.submit")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
