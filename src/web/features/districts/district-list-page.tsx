import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DistrictFigures, DistrictSummary } from "../../../contracts/district-dashboard.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { getDistrictList } from "./district-api.ts";
import { alertLevels, showFigure } from "./district-figures.ts";
import { DistrictMap } from "./district-map.tsx";
import { DisclosureNote, FigureCell } from "./figure-cell.tsx";

function ComparisonRow({ figures, heading }: { figures: DistrictFigures | null; heading: React.ReactNode }) {
  const format = useFormat();
  const { t } = useTranslation("districts");
  if (!figures) {
    return (
      <tr>
        <th scope="row">{heading}</th>
        <td colSpan={8} className="districts-muted">
          {t("list.noFigures")}
        </td>
      </tr>
    );
  }
  const count = (value: number) => format.number(value);
  return (
    <tr>
      <th scope="row">{heading}</th>
      <FigureCell shown={showFigure(figures, "companyCount", figures.companyCount, count)} />
      {alertLevels.map((level) => (
        <FigureCell
          key={level}
          shown={showFigure(figures, `levelCounts.${level}`, figures.levelCounts[level], count)}
        />
      ))}
      <FigureCell
        shown={showFigure(figures, "distressShare.byCount", figures.distressShare.byCount, (value) =>
          format.percent(value),
        )}
      />
      <FigureCell
        shown={showFigure(figures, "distressShare.byEmployees", figures.distressShare.byEmployees, (value) =>
          format.percent(value),
        )}
      />
      <FigureCell
        shown={showFigure(figures, "distressShare.byRevenue", figures.distressShare.byRevenue, (value) =>
          format.percent(value),
        )}
      />
    </tr>
  );
}

/** The comparison of districts (latest year) with the map; `audience` public uses the public API. */
export function DistrictListPage({ audience }: { audience: "scope" | "public" }) {
  const { t, i18n } = useTranslation("districts");
  const list = useApi(() => getDistrictList(audience));
  // Outside the scope the signed-in user is sent to the public dashboard.
  const linkOf = (district: DistrictSummary) =>
    `${audience === "scope" && district.isInScope ? "/districts" : "/public/districts"}/${encodeURIComponent(district.code)}`;
  const nameOf = (district: DistrictSummary) => (i18n.language === "it" ? district.nameIt : district.nameEn);
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">{t(audience === "public" ? "public.kicker" : "list.kicker")}</p>
        <h1>{t(audience === "public" ? "public.title" : "list.title")}</h1>
        <p className="districts-lead">{t(audience === "public" ? "public.lead" : "list.lead")}</p>
      </header>
      {list.status === "loading" && <p role="status">{t("translation:common.loading")}</p>}
      {list.status === "error" && <ErrorAlert error={list.error} />}
      {list.status === "ready" && list.data.items.length === 0 && (
        <p className="empty-state">{t("list.empty")}</p>
      )}
      {list.status === "ready" && list.data.items.length > 0 && (
        <>
          <section className="panel" aria-labelledby="districts-comparison-title">
            <h2 id="districts-comparison-title">
              {list.data.fiscalYear === null
                ? t("list.comparisonNoYear")
                : t("list.comparison", { year: list.data.fiscalYear })}
            </h2>
            {list.data.fiscalYear === null && <p className="empty-state">{t("list.noAggregates")}</p>}
            {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
            <section className="table-scroll" aria-label={t("list.caption")} tabIndex={0}>
              <table className="table table--numbers">
                <caption className="visually-hidden">{t("list.caption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("columns.district")}</th>
                    <th scope="col">{t("columns.companies")}</th>
                    {alertLevels.map((level) => (
                      <th scope="col" key={level}>
                        {t(`levels.${level}`)}
                      </th>
                    ))}
                    <th scope="col">{t("columns.shareByCount")}</th>
                    <th scope="col">{t("columns.shareByEmployees")}</th>
                    <th scope="col">{t("columns.shareByRevenue")}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((district) => (
                    <ComparisonRow
                      key={district.code}
                      figures={district.headline}
                      heading={
                        <>
                          <Link to={linkOf(district)}>{nameOf(district)}</Link>
                          <span className="table__sub">
                            {district.countryCode}
                            {audience === "scope" && !district.isInScope && ` · ${t("list.outOfScope")}`}
                          </span>
                        </>
                      }
                    />
                  ))}
                  {list.data.allDistricts && (
                    <ComparisonRow figures={list.data.allDistricts} heading={t("list.allDistricts")} />
                  )}
                </tbody>
              </table>
            </section>
            {list.data.isDisclosureControlled && <DisclosureNote />}
          </section>
          <section className="panel" aria-labelledby="districts-map-title">
            <h2 id="districts-map-title">{t("map.title")}</h2>
            <DistrictMap districts={list.data.items} linkOf={linkOf} />
          </section>
        </>
      )}
    </>
  );
}
