import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyRisk, RiskChanges } from "../../../contracts/company-risk.ts";
import { getLineItem, type LineItemId, lineItemIds } from "../../../domain/statements/line-items.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { RiskChart } from "./risk-chart.tsx";
import { buildWaterfallOption } from "./risk-chart-options.ts";
import { formatScore } from "./risk-labels.ts";

type ScoreChange = RiskChanges["scores"][number];

function useTermLabel() {
  const { t } = useTranslation("risk");
  return (term: ScoreChange["terms"][number]) =>
    `${t(`changes.aggregates.${term.numerator}`, { defaultValue: term.numerator })} / ${t(
      `changes.aggregates.${term.denominator}`,
      { defaultValue: term.denominator },
    )}`;
}

function ScoreWaterfall({ change }: { change: ScoreChange }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const termLabel = useTermLabel();
  const modelName =
    change.model === "zmijewski" ? t("changes.zmijewskiX") : t(`models.names.${change.model}`);
  const option = useMemo(() => {
    const aggregate = (id: string) => t(`changes.aggregates.${id}`, { defaultValue: id });
    return buildWaterfallOption({
      labels: [
        t("changes.previous"),
        ...change.terms.map((term) => `${aggregate(term.numerator)} / ${aggregate(term.denominator)}`),
        t("changes.current"),
      ],
      start: change.previousScore ?? 0,
      deltas: change.terms.map((term) => term.change ?? 0),
      formatValue: (value) => formatScore(format, value),
    });
  }, [change, format, t]);
  if (change.status !== "explained" || change.previousScore === null || change.currentScore === null) {
    return (
      <p className="empty-state">
        {modelName}: {t(`changes.notExplainable.${change.reason ?? "not_computed"}`)}
      </p>
    );
  }
  return (
    <figure className="risk-figure">
      <figcaption>
        {t("changes.caption", {
          model: modelName,
          previous: formatScore(format, change.previousScore),
          current: formatScore(format, change.currentScore),
        })}
      </figcaption>
      <RiskChart option={option} height={260} />
      <div className="table-scroll">
        <table className="table table--numbers">
          <caption className="visually-hidden">{modelName}</caption>
          <thead>
            <tr>
              <th scope="col">{t("changes.term")}</th>
              <th scope="col">{t("changes.coefficient")}</th>
              <th scope="col">{t("changes.previousRatio")}</th>
              <th scope="col">{t("changes.currentRatio")}</th>
              <th scope="col">{t("changes.contribution")}</th>
            </tr>
          </thead>
          <tbody>
            {change.terms.map((term) => (
              <tr key={`${term.numerator}/${term.denominator}`}>
                <th scope="row">{termLabel(term)}</th>
                <td>{format.number(term.coefficient, 3)}</td>
                <td>{term.previousRatio === null ? "—" : format.number(term.previousRatio, 3)}</td>
                <td>{term.currentRatio === null ? "—" : format.number(term.currentRatio, 3)}</td>
                <td>{term.change === null ? "—" : format.number(term.change, 3)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table__note">
        {t("changes.total", { value: formatScore(format, change.scoreChange ?? 0) })}
      </p>
    </figure>
  );
}

function itemLabel(item: string, language: "it" | "en", declaredDividends: string) {
  if (item === "declaredDividends") return declaredDividends;
  return (lineItemIds as readonly string[]).includes(item)
    ? getLineItem(item as LineItemId).labels[language]
    : item;
}

function IndexChanges({ changes }: { changes: RiskChanges }) {
  const { t, i18n } = useTranslation("risk");
  const format = useFormat();
  const language = i18n.language === "en" ? "en" : "it";
  const points = (value: number | null) => (value === null ? "—" : format.number(value, 2));
  return (
    <>
      <h3>{t("changes.indicesTitle")}</h3>
      <div className="table-scroll">
        <table className="table table--numbers">
          <caption className="visually-hidden">{t("changes.indicesTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("matrix.index")}</th>
              <th scope="col">{t("changes.previous")}</th>
              <th scope="col">{t("changes.current")}</th>
              <th scope="col">{t("changes.changePoints")}</th>
            </tr>
          </thead>
          <tbody>
            {changes.indices.map((index) => (
              <tr key={index.index}>
                <th scope="row">
                  {t(`matrix.indices.${index.index}`)}
                  {index.items.some((item) => item.contributionPoints !== 0) && (
                    <details>
                      <summary>{t("changes.items", { index: index.index })}</summary>
                      <ul className="risk-item-list">
                        {index.items
                          .filter((item) => item.contributionPoints !== 0)
                          .map((item) => (
                            <li key={`${item.side}-${item.item}`}>
                              {itemLabel(item.item, language, t("changes.declaredDividends"))} (
                              {t(`changes.${item.side}`)}): {points(item.contributionPoints)}
                            </li>
                          ))}
                      </ul>
                    </details>
                  )}
                </th>
                <td>{points(index.previousPercent)}</td>
                <td>{points(index.currentPercent)}</td>
                <td>
                  {index.status === "explained"
                    ? points(index.changePoints)
                    : t(`changes.notExplainable.${index.reason}`)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** What moved each linear score since the previous year (a waterfall per score) and the CNDCEC indices. */
export function ChangesSection({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const changes = risk.changes;
  const [model, setModel] = useState("altman_z_double_prime");
  const selected = changes?.scores.find((score) => score.model === model) ?? changes?.scores[0];
  return (
    <section className="panel" id="risk-changes" aria-labelledby="risk-changes-title">
      <h2 id="risk-changes-title">{t("changes.title")}</h2>
      {!changes ? (
        <p className="empty-state">{t("changes.none")}</p>
      ) : (
        <>
          <p className="table__note">
            {t("changes.lead", {
              from: format.date(changes.fromPeriodEndOn),
              to: format.date(changes.toPeriodEndOn),
            })}
          </p>
          {!changes.isPreviousFiscalYear && (
            <p className="table__note">
              {t("changes.notPreviousFiscalYear", { from: format.date(changes.fromPeriodEndOn) })}
            </p>
          )}
          <div className="field risk-inline-field">
            <label htmlFor="risk-change-model">{t("changes.score")}</label>
            <select
              id="risk-change-model"
              value={selected?.model ?? ""}
              onChange={(event) => setModel(event.target.value)}
            >
              {changes.scores.map((score) => (
                <option key={score.model} value={score.model}>
                  {score.model === "zmijewski" ? t("changes.zmijewskiX") : t(`models.names.${score.model}`)}
                </option>
              ))}
            </select>
          </div>
          {selected && <ScoreWaterfall key={selected.model} change={selected} />}
          <IndexChanges changes={changes} />
        </>
      )}
    </section>
  );
}
