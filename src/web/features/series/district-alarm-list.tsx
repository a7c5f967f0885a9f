import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SeriesAlarmReason } from "../../../contracts/district-series.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { seriesApi } from "./series-api.ts";
import { describeAlarmReason, formatPeriod, seriesTitle } from "./series-labels.ts";
import "./series.css";

export function AlarmReason({ reason }: { reason: SeriesAlarmReason }) {
  const { t } = useTranslation("series");
  const format = useFormat();
  const { key, values } = describeAlarmReason(reason);
  return (
    <>
      {t(key, {
        statistic: format.number(values.statistic, 1),
        threshold: format.number(values.threshold, 1),
        median: format.number(values.median, 2),
        length: values.length,
        quantity: t(`quantity.${values.quantity}`),
      })}
    </>
  );
}

/**
 * Which signals of a district are in alarm and why (method, statistic against its threshold,
 * baseline); for the district dashboard and the series page. Series of the district, its province
 * and its region count (link-series-to-districts.ts).
 */
export function DistrictAlarmList({ districtCode }: { districtCode: string }) {
  const { t, i18n } = useTranslation("series");
  const locale = i18n.language === "en" ? "en" : "it";
  const format = useFormat();
  const alarms = useApi(() => seriesApi.alarms(districtCode));
  return (
    <section className="panel series-alarms" aria-labelledby={`alarms-${districtCode}`}>
      <h2 id={`alarms-${districtCode}`}>{t("alarm.title")}</h2>
      {alarms.status === "loading" && <p role="status">{t("loading")}</p>}
      {alarms.status === "error" && <ErrorAlert error={alarms.error} />}
      {alarms.status === "ready" && alarms.data.items.length === 0 && <p>{t("alarm.empty")}</p>}
      {alarms.status === "ready" && alarms.data.items.length > 0 && (
        <>
          <p role="status">
            {t("alarm.summary", {
              inAlarm: alarms.data.items.filter((item) => item.isInAlarm).length,
              total: alarms.data.items.length,
            })}
          </p>
          <ul className="series-alarms__list">
            {alarms.data.items.map((item) => (
              <li key={item.seriesId} className="series-alarms__item">
                <span className={`badge ${item.isInAlarm ? "badge--danger" : "badge--success"}`}>
                  {t(item.isInAlarm ? "alarm.inAlarm" : "alarm.calm")}
                </span>{" "}
                <Link to={`/series/${item.seriesId}`}>{seriesTitle(item, locale)}</Link>{" "}
                <span className="series-muted">
                  {item.latestPeriod
                    ? t("alarm.latest", { period: formatPeriod(item.latestPeriod, locale) })
                    : ""}
                  {" · "}
                  {t("alarm.evaluated", {
                    date: format.date(item.evaluatedAt),
                    version: item.ruleSetVersion,
                  })}
                </span>
                {item.reasons.length > 0 && (
                  <ul className="series-alarms__reasons">
                    {item.reasons.map((reason) => (
                      <li key={reason.method}>
                        <AlarmReason reason={reason} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
