import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { AcceptedSchema } from "../../../contracts/auth.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<unknown>();
  const [isSent, setIsSent] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    try {
      await apiRequest("/api/auth/password-reset/request", AcceptedSchema, {
        method: "POST",
        body: { email },
      });
      setIsSent(true);
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <section className="narrow-page" aria-labelledby="forgot-title">
      <h1 id="forgot-title">{t("auth.forgot.title")}</h1>
      {isSent ? (
        <div className="panel" role="status">
          <p>{t("auth.forgot.sent")}</p>
          <Link to="/login">{t("auth.backToLogin")}</Link>
        </div>
      ) : (
        <form className="panel form" onSubmit={submit} noValidate>
          <p>{t("auth.forgot.lead")}</p>
          <ErrorAlert error={error} />
          <FormField
            label={t("auth.email")}
            type="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            error={error instanceof ApiError ? error.fieldMessage("body.email") : undefined}
          />
          <button type="submit" className="button">
            {t("auth.forgot.submit")}
          </button>
          <p>
            <Link to="/login">{t("auth.backToLogin")}</Link>
          </p>
        </form>
      )}
    </section>
  );
}
