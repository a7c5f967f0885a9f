import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { DistrictSeriesDetail } from "../../../contracts/district-series.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { AlarmReason } from "./district-alarm-list.tsx";
import { seriesApi } from "./series-api.ts";
import { SeriesChart } from "./series-chart.tsx";
import { buildSeriesChartOption } from "./series-chart-options.ts";
import { formatPeriod, seriesTitle } from "./series-labels.ts";

/** One series: chart with anomalies and change points, the latest alarm state, and the figures as a table. */
export function SeriesDetailPage() {
  const { seriesId = "" } = useParams();
  const { t } = useTranslation("series");
  const detail = useApi(() => seriesApi.detail(seriesId));
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/series">← {t("title")}</Link>
        </p>
        {detail.status === "ready" ? <SeriesHeading detail={detail.data} /> : <h1>{t("detail.title")}</h1>}
      </header>
      {detail.status === "loading" && <p role="status">{t("loading")}</p>}
      {detail.status === "error" && <ErrorAlert error={detail.error} />}
      {detail.status === "ready" && <SeriesBody detail={detail.data} />}
    </>
  );
}

function SeriesHeading({ detail }: { detail: DistrictSeriesDetail }) {
  const { t, i18n } = useTranslation("series");
  const locale = i18n.language === "en" ? "en" : "it";
  const { series } = detail;
  return (
    <>
      <h1>{seriesTitle(series, locale)}</h1>
      <p className="series-muted">
        {t("detail.meta", {
          source: series.source,
          dataset: series.dataset,
          unit: series.unit,
          frequency: t(`frequency.${series.frequency}`),
        })}
      </p>
      <p>
        <code className="series-key">{series.key}</code>
      </p>
    </>
  );
}

function SeriesBody({ detail }: { detail: DistrictSeriesDetail }) {
  const { t, i18n } = useTranslation("series");
  const locale = i18n.language === "en" ? "en" : "it";
  const format = useFormat();
  const { analysis } = detail;
  const option = useMemo(
    () =>
      buildSeriesChartOption(analysis, {
        value: t("chart.value"),
        trend: t("chart.trend"),
        anomaly: t("chart.anomaly"),
        changePoint: t("chart.changePoint"),
        formatPeriod: (period) => formatPeriod(period, locale),
        formatNumber: (value) => format.number(value),
      }),
    [analysis, t, locale, format],
  );
  const number = (value: number | null, digits?: number) =>
    value === null ? "—" : format.number(value, digits);
  return (
    <>
      <section className="panel" aria-labelledby="series-state-title">
        <h2 id="series-state-title">{t("detail.state")}</h2>
        <p>
          <span className={`badge ${analysis.latest.isInAlarm ? "badge--danger" : "badge--success"}`}>
            {t(analysis.latest.isInAlarm ? "alarm.inAlarm" : "alarm.calm")}
          </span>{" "}
          {analysis.latest.period &&
            t("alarm.latest", { period: formatPeriod(analysis.latest.period, locale) })}{" "}
          {analysis.latest.notScoredReason && t(`notScored.${analysis.latest.notScoredReason}`)}
        </p>
        {analysis.latest.alarms.length > 0 && (
          <ul>
            {analysis.latest.alarms.map((alarm) => (
              <li key={alarm.method}>
                <AlarmReason reason={alarm} />
              </li>
            ))}
          </ul>
        )}
        <p className="series-muted">
          {t("detail.method", {
            quantity: t(`quantity.${analysis.scoredQuantity}`),
            version: analysis.ruleSetVersion,
          })}
          {analysis.stl.status === "skipped" && ` ${t(`stlSkipped.${analysis.stl.reason ?? "too_short"}`)}`}
        </p>
      </section>
      <section className="panel" aria-labelledby="series-chart-title">
        <h2 id="series-chart-title">{t("chart.title")}</h2>
        <SeriesChart
          option={option}
          label={t("chart.label", {
            anomalies: analysis.points.filter((point) => point.alarms.length > 0).length,
            changes: analysis.changePoints.periods.length,
          })}
        />
        <p className="series-muted">{t("chart.legendNote")}</p>
      </section>
      <section className="panel" aria-labelledby="series-table-title">
        <details>
          <summary>
            <h2 id="series-table-title" className="series-inline-heading">
              {t("table.title")}
            </h2>
          </summary>
          <div className="table-scroll">
            <table className="table table--numbers">
              <caption className="visually-hidden">{t("table.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("table.period")}</th>
                  <th scope="col">{t("table.value")}</th>
                  <th scope="col">{t("table.yearOnYear")}</th>
                  <th scope="col">{t("table.trend")}</th>
                  <th scope="col">{t("table.remainder")}</th>
                  <th scope="col">{t("table.modifiedZ")}</th>
                  <th scope="col">{t("table.cusum")}</th>
                  <th scope="col">{t("table.alarms")}</th>
                </tr>
              </thead>
              <tbody>
                {analysis.points.map((point) => (
                  <tr
                    key={point.period}
                    className={point.alarms.length > 0 ? "series-row--alarm" : undefined}
                  >
                    <th scope="row">
                      {formatPeriod(point.period, locale)}
                      {analysis.changePoints.periods.includes(point.period) && ` · ${t("chart.changePoint")}`}
                    </th>
                    <td>{number(point.value)}</td>
                    <td>
                      {point.yearOnYearChangeRatio === null
                        ? "—"
                        : format.percent(point.yearOnYearChangeRatio)}
                    </td>
                    <td>{number(point.trend, 1)}</td>
                    <td>{number(point.remainder, 1)}</td>
                    <td>{number(point.modifiedZ, 2)}</td>
                    <td>
                      {point.cusumUpper === null
                        ? "—"
                        : `+${format.number(point.cusumUpper, 1)} / −${format.number(point.cusumLower ?? 0, 1)}`}
                    </td>
                    <td>{point.alarms.map((alarm) => t(`methods.${alarm.method}`)).join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      {detail.revisions.length > 0 && (
        <section className="panel" aria-labelledby="series-revisions-title">
          <h2 id="series-revisions-title">{t("revisions.title")}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("table.period")}</th>
                <th scope="col">{t("revisions.oldValue")}</th>
                <th scope="col">{t("revisions.released")}</th>
                <th scope="col">{t("revisions.replaced")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.revisions.map((revision) => (
                <tr key={`${revision.period}:${revision.replacedAt}`}>
                  <th scope="row">{formatPeriod(revision.period, locale)}</th>
                  <td>
                    {number(revision.value)}
                    {revision.statusFlag ? ` (${revision.statusFlag})` : ""}
                  </td>
                  <td>{revision.releasedOn ? format.date(revision.releasedOn) : "—"}</td>
                  <td>{format.dateTime(revision.replacedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
