import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AcceptedSchema, PasswordSchema } from "../../../contracts/auth.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";

/** Choosing a password from an emailed link: a password reset or an accepted invitation. */
export function SetPasswordPage({ purpose }: { purpose: "reset" | "invitation" }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const [password, setPassword] = useState("");
  const [confirmation, setConfirmation] = useState("");
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [isDone, setIsDone] = useState(false);
  const endpoint = purpose === "reset" ? "/api/auth/password-reset/confirm" : "/api/auth/invitation/accept";

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (!PasswordSchema.safeParse(password).success) return setProblem(t("auth.setPassword.tooShort"));
    if (password !== confirmation) return setProblem(t("auth.setPassword.mismatch"));
    setProblem(undefined);
    try {
      await apiRequest(endpoint, AcceptedSchema, { method: "POST", body: { token, password } });
      setIsDone(true);
    } catch (caught) {
      setError(caught);
    }
  }

  const tokenProblem = error instanceof ApiError && error.fieldMessage("body.token");
  return (
    <section className="narrow-page" aria-labelledby="set-password-title">
      <h1 id="set-password-title">{t(`auth.setPassword.title.${purpose}`)}</h1>
      {isDone ? (
        <div className="panel" role="status">
          <p>{t("auth.setPassword.done")}</p>
          <Link className="button" to="/login">
            {t("auth.login.submit")}
          </Link>
        </div>
      ) : !token || tokenProblem ? (
        <div className="panel" role="alert">
          <p>{t("auth.setPassword.badLink")}</p>
          <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
        </div>
      ) : (
        <form className="panel form" onSubmit={submit} noValidate>
          <ErrorAlert error={error} />
          <FormField
            label={t("auth.setPassword.new")}
            hint={t("auth.setPassword.hint")}
            type="password"
            autoComplete="new-password"
            required
            minLength={12}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            error={problem === t("auth.setPassword.tooShort") ? problem : undefined}
          />
          <FormField
            label={t("auth.setPassword.confirm")}
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            error={problem === t("auth.setPassword.mismatch") ? problem : undefined}
          />
          <button type="submit" className="button">
            {t("auth.setPassword.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
