import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CompanyScoresSchema, type ModelResultBody } from "../../../contracts/scores.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";

const modelOrder = [
  "alert_level",
  "cndcec_screen",
  "altman_z_prime",
  "altman_z_double_prime",
  "zmijewski",
  "springate",
  "ohlson",
  "altman_z",
] as const;

const zoneTone: Record<string, string> = {
  red: "danger",
  orange: "warning",
  green: "success",
  distress: "danger",
  failing: "danger",
  crisis_presumed: "danger",
  grey: "",
  partial_signals: "warning",
  safe: "success",
  no_distress: "success",
  not_failing: "success",
  no_signal: "success",
};

/** Every early-warning model for each year on record, with zones; confidential like the statements. */
export function EarlyWarningSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation("companies");
  const scores = useApi(() => apiRequest(`/api/companies/${companyId}/scores`, CompanyScoresSchema));
  if (scores.status === "error" && scores.error.code === "reason_required") return null;
  return (
    <section className="panel" aria-labelledby="early-warning-title">
      <h2 id="early-warning-title">{t("earlyWarning.title")}</h2>
      <p className="table__note">{t("earlyWarning.lead")}</p>
      <p>
        <Link to={`/companies/${companyId}/risk`}>{t("risk:page.open")}</Link>
      </p>
      {scores.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
      {scores.status === "error" && <ErrorAlert error={scores.error} />}
      {scores.status === "ready" &&
        (scores.data.years.length === 0 ? (
          <p className="empty-state">{t("earlyWarning.empty")}</p>
        ) : (
          <ScoresTable years={scores.data.years} />
        ))}
    </section>
  );
}

function ScoresTable({
  years,
}: {
  years: { periodEndOn: string; statementId: string; results: ModelResultBody[] }[];
}) {
  const { t } = useTranslation("companies");
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t("earlyWarning.title")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("earlyWarning.model")}</th>
            {years.map((year) => (
              <th scope="col" key={year.statementId}>
                {year.periodEndOn.slice(0, 4)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {modelOrder.map((model) => (
            <tr key={model}>
              <th scope="row">{t(`earlyWarning.models.${model}`)}</th>
              {years.map((year) => (
                <td key={year.statementId}>
                  <ResultCell result={year.results.find((result) => result.model === model)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="table__note">{t("earlyWarning.note")}</p>
    </div>
  );
}

function ResultCell({ result }: { result: ModelResultBody | undefined }) {
  const { t } = useTranslation("companies");
  const format = useFormat();
  if (!result) return <>—</>;
  if (result.status === "not_computable") {
    const missing = (result.details.missing as string[] | undefined) ?? [];
    return (
      <span className="muted" title={missing.join(", ")}>
        {t("earlyWarning.notComputable")}
      </span>
    );
  }
  const tone = zoneTone[result.zone ?? ""];
  const emRating = typeof result.details.emRating === "string" ? ` · ${result.details.emRating}` : "";
  return (
    <span className="score-cell">
      {result.value !== null && result.model !== "alert_level" && (
        <span className="score-cell__value">
          {format.number(result.value, result.model === "cndcec_screen" ? 0 : 2)}
        </span>
      )}
      <span className={`badge${tone ? ` badge--${tone}` : ""}`}>
        {t(`earlyWarning.zones.${result.zone}`, { defaultValue: result.zone ?? "" })}
        {emRating}
      </span>
    </span>
  );
}
