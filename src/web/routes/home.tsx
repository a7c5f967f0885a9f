import { useTranslation } from "react-i18next";
import { SystemStatusSchema } from "../../contracts/system.ts";
import { apiRequest } from "../api-client.ts";
import { useFormat } from "../i18n/use-format.ts";
import { useApi } from "../use-api.ts";

const modules = ["earlyWarning", "assessment", "experts", "knowledge"] as const;

export function HomePage() {
  const { t } = useTranslation();
  return (
    <>
      <section className="hero" aria-labelledby="home-title">
        <h1 id="home-title">{t("home.title")}</h1>
        <p className="hero__lead">{t("home.lead")}</p>
      </section>
      <section aria-labelledby="modules-title">
        <h2 id="modules-title">{t("home.modulesTitle")}</h2>
        <ul className="card-grid">
          {modules.map((module, index) => (
            <li key={module} className="card">
              <span className="card__step" aria-hidden="true">
                {index + 1}
              </span>
              <h3>{t(`home.modules.${module}.title`)}</h3>
              <p>{t(`home.modules.${module}.text`)}</p>
            </li>
          ))}
        </ul>
      </section>
      <SystemStatusPanel />
    </>
  );
}

function SystemStatusPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useApi(() => apiRequest("/api/system/status", SystemStatusSchema));
  return (
    <section className="panel" aria-labelledby="status-title" aria-busy={status.status === "loading"}>
      <h2 id="status-title">{t("home.statusTitle")}</h2>
      {status.status === "loading" && <p role="status">{t("home.statusLoading")}</p>}
      {status.status === "error" && (
        <div role="alert" className="alert alert--error">
          <p>
            {t("home.statusError", {
              message: status.error.kind === "network" ? t("errors.network") : status.error.message,
            })}
          </p>
          <button type="button" className="button" onClick={status.reload}>
            {t("home.retry")}
          </button>
        </div>
      )}
      {status.status === "ready" && (
        <dl className="facts" data-testid="system-status">
          <div>
            <dt>{t("home.version")}</dt>
            <dd>{status.data.version}</dd>
          </div>
          <div>
            <dt>{t("home.database")}</dt>
            <dd>
              {t(`home.databaseKind.${status.data.database.kind}`, {
                version: status.data.database.serverVersion,
              })}
            </dd>
          </div>
          <div>
            <dt>{t("home.schema")}</dt>
            <dd>
              {t("home.schemaValue", {
                tag: status.data.database.schemaVersion,
                count: status.data.database.migrationsApplied,
              })}
            </dd>
          </div>
          <div>
            <dt>{t("home.installedAt")}</dt>
            <dd>
              <time dateTime={status.data.installation.installedAt} data-testid="installed-at">
                {format.date(status.data.installation.installedAt)}
              </time>
            </dd>
          </div>
          <div>
            <dt>{t("home.serverTime")}</dt>
            <dd>
              <time dateTime={status.data.serverTime}>{format.dateTime(status.data.serverTime)}</time>
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}
