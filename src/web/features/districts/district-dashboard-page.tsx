import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import type { DistrictDashboard } from "../../../contracts/district-dashboard.ts";
import { districtIndexIds } from "../../../contracts/district-dashboard.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { NotFoundPage } from "../../routes/not-found.tsx";
import { useApi } from "../../use-api.ts";
import { DistrictAlarmList } from "../series/district-alarm-list.tsx";
import { districtReportUrl, getDistrictDashboard } from "./district-api.ts";
import { LevelChart, ShareChart } from "./district-charts.tsx";
import {
  alertLevels,
  chooseDefaultYear,
  deterioratingListUrl,
  findSectorSeries,
  shareKinds,
  showFigure,
} from "./district-figures.ts";
import { DisclosureNote, FigureCell } from "./figure-cell.tsx";
import { FollowDistrictToggle } from "./follow-district-toggle.tsx";

function YearTable({ dashboard, sectorCode }: { dashboard: DistrictDashboard; sectorCode: string }) {
  const { t } = useTranslation("districts");
  const format = useFormat();
  const series = findSectorSeries(dashboard, sectorCode);
  const count = (value: number) => format.number(value);
  const percent = (value: number) => format.percent(value);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={t("dashboard.yearTableCaption")} tabIndex={0}>
      <table className="table table--numbers">
        <caption>{t("dashboard.yearTableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.year")}</th>
            <th scope="col">{t("columns.companies")}</th>
            {alertLevels.map((level) => (
              <th scope="col" key={level}>
                {t(`levels.${level}`)}
              </th>
            ))}
            {shareKinds.map((kind) => (
              <th scope="col" key={kind}>
                {t(`columns.share.${kind}`)}
              </th>
            ))}
            <th scope="col">{t("columns.revenue")}</th>
            <th scope="col">{t("columns.employees")}</th>
          </tr>
        </thead>
        <tbody>
          {series.map(({ fiscalYear, figures }) => (
            <tr key={fiscalYear}>
              <th scope="row">{fiscalYear}</th>
              <FigureCell shown={showFigure(figures, "companyCount", figures.companyCount, count)} />
              {alertLevels.map((level) => (
                <FigureCell
                  key={level}
                  shown={showFigure(figures, `levelCounts.${level}`, figures.levelCounts[level], count)}
                />
              ))}
              {shareKinds.map((kind) => (
                <FigureCell
                  key={kind}
                  shown={showFigure(figures, `distressShare.${kind}`, figures.distressShare[kind], percent)}
                />
              ))}
              <FigureCell
                shown={showFigure(figures, "revenueCents", figures.revenueCents, (value) =>
                  format.money(value, "EUR"),
                )}
              />
              <FigureCell shown={showFigure(figures, "employees", figures.employees, count)} />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function MedianTable({
  dashboard,
  sectorCode,
  fiscalYear,
}: {
  dashboard: DistrictDashboard;
  sectorCode: string;
  fiscalYear: number;
}) {
  const { t } = useTranslation("districts");
  const format = useFormat();
  const cell = dashboard.cells.find(
    (item) => item.sectorCode === sectorCode && item.fiscalYear === fiscalYear,
  );
  if (!cell) return <p className="empty-state">{t("dashboard.noCell")}</p>;
  const figures = cell.figures;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" aria-label={t("dashboard.mediansTitle")} tabIndex={0}>
      <table className="table table--numbers">
        <caption>{t("dashboard.medianCaption", { year: fiscalYear })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.index")}</th>
            <th scope="col">{t("columns.median")}</th>
            {!dashboard.isDisclosureControlled && <th scope="col">{t("columns.companies")}</th>}
          </tr>
        </thead>
        <tbody>
          {districtIndexIds.map((id) => {
            const median = figures.medians[id];
            return (
              <tr key={id}>
                <th scope="row">{t(`indices.${id}`)}</th>
                <FigureCell
                  shown={showFigure(figures, `medians.${id}`, median?.median, (value) =>
                    format.number(value, 2),
                  )}
                />
                {!dashboard.isDisclosureControlled && (
                  <FigureCell
                    shown={showFigure(figures, `medians.${id}`, median?.companyCount, format.number)}
                  />
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** A district's dashboard: levels by year, shares in distress, medians, coverage; sector filter in the URL. */
export function DistrictDashboardPage({ audience }: { audience: "scope" | "public" }) {
  const { districtCode = "" } = useParams();
  const { t, i18n } = useTranslation("districts");
  const [search, setSearch] = useSearchParams();
  const format = useFormat();
  const state = useApi(() => getDistrictDashboard(districtCode, audience));
  const [chosenYear, setChosenYear] = useState<number | undefined>();
  if (state.status === "loading") return <p role="status">{t("translation:common.loading")}</p>;
  if (state.status === "error") {
    if (state.error.status === 404 || state.error.status === 400) return <NotFoundPage />;
    if (state.error.status === 403)
      return (
        <div className="notice">
          <p>{t("dashboard.outOfScope")}</p>
          <Link className="button" to={`/public/districts/${encodeURIComponent(districtCode)}`}>
            {t("dashboard.openPublic")}
          </Link>
        </div>
      );
    return <ErrorAlert error={state.error} />;
  }
  const dashboard = state.data;
  const district = dashboard.district;
  const name = i18n.language === "it" ? district.nameIt : district.nameEn;
  const requested = search.get("sector") ?? "*";
  const sectorCode = dashboard.sectors.some((sector) => sector.code === requested) ? requested : "*";
  const series = findSectorSeries(dashboard, sectorCode);
  const fiscalYear = chosenYear ?? chooseDefaultYear(dashboard);
  const isPublic = audience === "public";
  const sectorLabel = (code: string) => {
    if (code === "*") return t("dashboard.allSectors");
    if (code === "none") return t("dashboard.unclassified");
    const sector = dashboard.sectors.find((item) => item.code === code);
    return `${code} · ${(i18n.language === "en" ? sector?.titleEn : null) ?? sector?.titleIt ?? ""}`;
  };
  return (
    <>
      <header className="page-header districts-header">
        <div>
          <p className="page-header__kicker">
            <Link to={isPublic ? "/public/districts" : "/districts"}>
              <span aria-hidden="true">← </span>
              {t("dashboard.back")}
            </Link>
          </p>
          <h1>{name}</h1>
          <p className="districts-lead">
            {district.nameLocal !== name && (
              <span lang={district.countryCode.toLowerCase()}>{district.nameLocal} · </span>
            )}
            {district.countryCode}
          </p>
        </div>
        {!isPublic && (
          <div className="districts-actions">
            <FollowDistrictToggle districtCode={district.code} />
            <a className="button button--secondary" href={districtReportUrl(district.code, "it")} download>
              {t("dashboard.reportIt")}
            </a>
            <a className="button button--secondary" href={districtReportUrl(district.code, "en")} download>
              {t("dashboard.reportEn")}
            </a>
          </div>
        )}
      </header>
      {!isPublic && (
        <p className="districts-deteriorating">
          <Link className="button" to={deterioratingListUrl(district.code, sectorCode)}>
            {t("dashboard.deteriorating")}
          </Link>
        </p>
      )}
      {isPublic && <p className="notice">{t("public.dashboardNotice")}</p>}
      {dashboard.years.length === 0 ? (
        <p className="empty-state">{t("dashboard.empty")}</p>
      ) : (
        <>
          <div className="toolbar districts-toolbar">
            <div className="field">
              <label htmlFor="district-sector">{t("dashboard.sector")}</label>
              <select
                id="district-sector"
                value={sectorCode}
                onChange={(event) => {
                  const next = new URLSearchParams(search);
                  if (event.target.value === "*") next.delete("sector");
                  else next.set("sector", event.target.value);
                  setSearch(next, { replace: true });
                }}
              >
                {["*", ...dashboard.sectors.map((sector) => sector.code)].map((code) => (
                  <option key={code} value={code}>
                    {sectorLabel(code)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="district-year">{t("dashboard.year")}</label>
              <select
                id="district-year"
                value={fiscalYear}
                onChange={(event) => setChosenYear(Number(event.target.value))}
              >
                {dashboard.years.map((year) => (
                  <option key={year} value={year}>
                    {year}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="two-columns districts-charts">
            <section className="panel" aria-labelledby="district-levels-title">
              <h2 id="district-levels-title">{t("dashboard.levelsTitle")}</h2>
              <LevelChart series={series} />
            </section>
            <section className="panel" aria-labelledby="district-share-title">
              <h2 id="district-share-title">{t("dashboard.shareTitle")}</h2>
              <ShareChart series={series} />
              <p className="table__note">{t("dashboard.shareNote")}</p>
            </section>
          </div>
          <section className="panel" aria-labelledby="district-years-title">
            <h2 id="district-years-title">
              {t("dashboard.yearsTitle", { sector: sectorLabel(sectorCode) })}
            </h2>
            <YearTable dashboard={dashboard} sectorCode={sectorCode} />
            {isPublic && <DisclosureNote />}
          </section>
          {fiscalYear !== undefined && (
            <section className="panel" aria-labelledby="district-medians-title">
              <h2 id="district-medians-title">{t("dashboard.mediansTitle")}</h2>
              <MedianTable dashboard={dashboard} sectorCode={sectorCode} fiscalYear={fiscalYear} />
              {isPublic && <DisclosureNote />}
            </section>
          )}
          {!isPublic && <DistrictAlarmList districtCode={district.code} />}
          <p className="table__note">
            {t("dashboard.source", {
              ruleSets: dashboard.source.ruleSetVersions.join(", ") || "—",
              computedAt: dashboard.source.computedAt ? format.dateTime(dashboard.source.computedAt) : "—",
            })}
          </p>
        </>
      )}
    </>
  );
}
