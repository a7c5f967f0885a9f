import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../../api-client.ts";
import { useAuth } from "../../auth/auth-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { DemoAccounts } from "./demo-accounts.tsx";

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next?.startsWith("/") && !next.startsWith("//") ? next : "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const next = safeNext(searchParams.get("next"));

  if (auth.status === "signed-in") return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setIsBusy(true);
    setError(undefined);
    try {
      await auth.signIn(email, password);
      navigate(next, { replace: true });
    } catch (caught) {
      setError(caught);
      setIsBusy(false);
    }
  }

  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  return (
    <section className="narrow-page" aria-labelledby="login-title">
      <h1 id="login-title">{t("auth.login.title")}</h1>
      <form className="panel form" onSubmit={submit} noValidate>
        <ErrorAlert
          error={error}
          messages={{ unauthenticated: t("auth.login.wrong"), forbidden: t("auth.login.locked") }}
        />
        <FormField
          label={t("auth.email")}
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={fieldError("body.email")}
        />
        <FormField
          label={t("auth.password")}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          error={fieldError("body.password")}
        />
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? t("auth.login.busy") : t("auth.login.submit")}
        </button>
        <p>
          <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
        </p>
      </form>
      <DemoAccounts
        onChoose={(demoEmail, demoPassword) => {
          setEmail(demoEmail);
          setPassword(demoPassword);
        }}
      />
    </section>
  );
}
