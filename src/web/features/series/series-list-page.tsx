import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../../auth/auth-context.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { DistrictAlarmList } from "./district-alarm-list.tsx";
import { seriesApi } from "./series-api.ts";
import { formatPeriod, seriesTitle } from "./series-labels.ts";
import { SeriesUpload } from "./series-upload.tsx";

/** District series by district, those in alarm first, with their latest value; upload for editors. */
export function SeriesListPage() {
  const { t, i18n } = useTranslation("series");
  const locale = i18n.language === "en" ? "en" : "it";
  const auth = useAuth();
  const [parameters, setParameters] = useSearchParams();
  const districtCode = parameters.get("district") ?? "";
  const [offset, setOffset] = useState(0);
  const [version, setVersion] = useState(0);
  const districts = useApi(() => seriesApi.districts());

  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">{t("kicker")}</p>
        <h1>{t("title")}</h1>
        <p className="series-lead">{t("lead")}</p>
      </header>
      <section className="panel" aria-labelledby="series-list-title">
        <h2 id="series-list-title">{t("list.title")}</h2>
        <div className="field series-district-field">
          <label htmlFor="series-district">{t("list.district")}</label>
          <select
            id="series-district"
            value={districtCode}
            aria-describedby="series-district-hint"
            onChange={(event) => {
              setOffset(0);
              setParameters(event.target.value ? { district: event.target.value } : {});
            }}
          >
            <option value="">{t("list.allDistricts")}</option>
            {districts.status === "ready" &&
              districts.data.items.map((district) => (
                <option key={district.code} value={district.code}>
                  {locale === "it" ? district.nameIt : district.nameEn}
                </option>
              ))}
          </select>
          <p id="series-district-hint" className="field__hint">
            {t("list.districtHint")}
          </p>
        </div>
        {/* A new key loads the page afresh for another district, page or import. */}
        <SeriesTable
          key={`${districtCode}|${offset}|${version}`}
          districtCode={districtCode}
          offset={offset}
          onOffset={setOffset}
        />
      </section>
      {districtCode && <DistrictAlarmList key={`${districtCode}|${version}`} districtCode={districtCode} />}
      {auth.hasRole("administrator", "analyst") && (
        <SeriesUpload onImported={() => setVersion(version + 1)} />
      )}
    </>
  );
}

function SeriesTable({
  districtCode,
  offset,
  onOffset,
}: {
  districtCode: string;
  offset: number;
  onOffset(offset: number): void;
}) {
  const { t, i18n } = useTranslation("series");
  const locale = i18n.language === "en" ? "en" : "it";
  const format = useFormat();
  const list = useApi(() => seriesApi.list(districtCode || undefined, offset));
  return (
    <>
      {list.status === "loading" && <p role="status">{t("loading")}</p>}
      {list.status === "error" && <ErrorAlert error={list.error} />}
      {list.status === "ready" && list.data.items.length === 0 && <p>{t("list.empty")}</p>}
      {list.status === "ready" && list.data.items.length > 0 && (
        <>
          <p role="status">{t("list.count", { total: list.data.total, shown: list.data.items.length })}</p>
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t("list.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("columns.alarm")}</th>
                  <th scope="col">{t("columns.series")}</th>
                  <th scope="col">{t("columns.territory")}</th>
                  <th scope="col">{t("columns.latest")}</th>
                  <th scope="col">{t("columns.unit")}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((series) => (
                  <tr key={series.id}>
                    <td>
                      {series.alarm === null ? (
                        <span className="badge">{t("alarm.notEvaluated")}</span>
                      ) : (
                        <span
                          className={`badge ${series.alarm.isInAlarm ? "badge--danger" : "badge--success"}`}
                        >
                          {t(series.alarm.isInAlarm ? "alarm.inAlarm" : "alarm.calm")}
                        </span>
                      )}
                    </td>
                    <td>
                      <Link to={`/series/${series.id}`}>{seriesTitle(series, locale)}</Link>
                      <br />
                      <span className="series-muted">
                        {series.source} · {t(`frequency.${series.frequency}`)}
                      </span>
                    </td>
                    <td>
                      {(locale === "it" ? series.territoryNameIt : series.territoryNameEn) ??
                        series.dimensions.geo ??
                        "—"}
                    </td>
                    <td>
                      {series.latest
                        ? `${formatPeriod(series.latest.period, locale)}: ${series.latest.value === null ? "—" : format.number(series.latest.value)}`
                        : "—"}
                    </td>
                    <td>{series.unit}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="series-actions">
            <button
              type="button"
              className="button button--secondary"
              disabled={offset === 0}
              onClick={() => onOffset(Math.max(0, offset - 100))}
            >
              {t("list.previous")}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={offset + list.data.items.length >= list.data.total}
              onClick={() => onOffset(offset + 100)}
            >
              {t("list.next")}
            </button>
            <a className="button button--secondary" href="/api/district-series/export">
              {t("list.export")}
            </a>
          </div>
        </>
      )}
    </>
  );
}
