import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyRisk, RiskModelResult } from "../../../contracts/company-risk.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { RiskBadge } from "./risk-badge.tsx";
import { RiskChart } from "./risk-chart.tsx";
import { buildHistoryOption } from "./risk-chart-options.ts";
import { describeModelCell, describeThreshold, formatScore } from "./risk-labels.ts";
import { WithInputsByYear } from "./risk-with-inputs.tsx";

const charted = [
  "altman_z_prime",
  "altman_z_double_prime",
  "springate",
  "zmijewski",
  "ohlson",
  "altman_z",
] as const;

function findModel(year: CompanyRisk["years"][number], model: string): RiskModelResult | undefined {
  return year.models.find((result) => result.model === model);
}

/** Every model per year: value and zone, with the thresholds and their sources underneath. */
export function ModelsSection({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const latest = risk.years.at(-1);
  const models = latest?.models ?? [];
  return (
    <section className="panel" id="risk-models" aria-labelledby="risk-models-title">
      <h2 id="risk-models-title">{t("models.title")}</h2>
      <p className="table__note">{t("models.lead")}</p>
      <div className="table-scroll">
        <table className="table risk-table">
          <caption className="visually-hidden">{t("models.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("models.model")}</th>
              {risk.years.map((year) => (
                <th scope="col" key={year.statementId}>
                  {year.fiscalYear}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {models.map((model) => (
              <tr key={model.model}>
                <th scope="row">{t(`models.names.${model.model}`, { defaultValue: model.model })}</th>
                {risk.years.map((year) => {
                  const result = findModel(year, model.model);
                  return (
                    <td key={year.statementId}>
                      {result && (
                        <RiskBadge zone={result.status === "computed" ? result.zone : undefined}>
                          {describeModelCell(t, format, result)}
                        </RiskBadge>
                      )}
                      {result?.status === "not_computable" && result.missing.length > 0 && (
                        <span className="risk-missing">
                          {t("models.missing", { items: result.missing.join(", ") })}
                        </span>
                      )}
                      {typeof result?.details.emRating === "string" && (
                        <span className="risk-missing">
                          {t("models.emRating", { rating: result.details.emRating })}
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details className="risk-sources">
        <summary>{t("models.thresholds")}</summary>
        <ul>
          {models
            .filter((model) => model.thresholds.length > 0)
            .map((model) => (
              <li key={model.model}>
                <strong>{t(`models.names.${model.model}`, { defaultValue: model.model })}</strong>:{" "}
                {model.thresholds.map((threshold) => describeThreshold(t, format, threshold)).join("; ")}
                <br />
                <span className="table__note">
                  {t("models.source", {
                    source: [...new Set(model.thresholds.map((threshold) => threshold.source))].join(" · "),
                  })}{" "}
                  ({model.ruleSetVersion})
                </span>
              </li>
            ))}
        </ul>
      </details>
      <p className="table__note">{t("models.screenNote")}</p>
      <WithInputsByYear years={risk.years} />
    </section>
  );
}

function HistoryChart({ risk, model }: { risk: CompanyRisk; model: (typeof charted)[number] }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const results = risk.years.map((year) => findModel(year, model));
  const values = results.map((result) => (result?.status === "computed" ? result.value : null));
  const thresholds = results.find((result) => result !== undefined)?.thresholds ?? [];
  const name = t(`models.names.${model}`);
  const option = useMemo(() => {
    const yearResults = risk.years.map((year) => findModel(year, model));
    return buildHistoryOption({
      years: risk.years.map((year) => String(year.fiscalYear)),
      values: yearResults.map((result) => (result?.status === "computed" ? result.value : null)),
      seriesName: t(`models.names.${model}`),
      thresholds: yearResults.find((result) => result !== undefined)?.thresholds ?? [],
      thresholdLabel: (threshold) => describeThreshold(t, format, threshold),
      formatValue: (value) => formatScore(format, value),
    });
  }, [risk, model, format, t]);
  const computed = risk.years.flatMap((year, index) => {
    const value = values[index];
    return value === null || value === undefined ? [] : [{ year: year.fiscalYear, value }];
  });
  const first = computed[0];
  const last = computed.at(-1);
  const summary =
    first && last
      ? t("history.summary", {
          first: formatScore(format, first.value),
          firstYear: first.year,
          last: formatScore(format, last.value),
          lastYear: last.year,
        })
      : t("history.noValues");
  return (
    <figure className="risk-figure">
      <figcaption>{t("history.caption", { model: name, summary })}</figcaption>
      {computed.length > 0 && <RiskChart option={option} />}
      <details>
        <summary>{t("history.showData")}</summary>
        <table className="table">
          <caption className="visually-hidden">{name}</caption>
          <thead>
            <tr>
              <th scope="col">{t("history.year")}</th>
              <th scope="col">{t("history.value")}</th>
              <th scope="col">{t("history.zone")}</th>
            </tr>
          </thead>
          <tbody>
            {risk.years.map((year, index) => {
              const result = results[index];
              return (
                <tr key={year.statementId}>
                  <th scope="row">{year.fiscalYear}</th>
                  <td>
                    {values[index] === null || values[index] === undefined
                      ? "—"
                      : formatScore(format, values[index])}
                  </td>
                  <td>{result ? describeModelCell(t, format, result) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="table__note">
          {thresholds.map((threshold) => describeThreshold(t, format, threshold)).join("; ")}
        </p>
      </details>
    </figure>
  );
}

/** A history chart per model with its cut-offs and zones, each with a caption and a data table. */
export function HistorySection({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  return (
    <section className="panel" id="risk-history" aria-labelledby="risk-history-title">
      <h2 id="risk-history-title">{t("history.title")}</h2>
      <p className="table__note">{t("history.lead")}</p>
      <div className="risk-chart-grid">
        {charted.map((model) => (
          <HistoryChart key={model} risk={risk} model={model} />
        ))}
      </div>
    </section>
  );
}
