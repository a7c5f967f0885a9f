import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import type { CompanyListItem } from "../../../contracts/registry.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { NotPlacedBadge, SizeClassBadge } from "./company-badges.tsx";
import type { CompanySort } from "./company-filters.ts";
import { districtName, sectorTitle } from "./company-labels.ts";

function ariaSort(sort: CompanySort, column: "name" | "headcount") {
  if (sort === column) return "ascending";
  if (sort === `-${column}`) return "descending";
  return undefined;
}

/** The register's rows; `regionNames` turns NUTS 3 codes into names where no municipality is known. */
export function CompanyTable({
  companies,
  sort,
  regionNames,
  ref,
}: {
  companies: CompanyListItem[];
  /** Undefined while searching: the rows are then ordered by likeness. */
  sort: CompanySort | undefined;
  regionNames: ReadonlyMap<string, string>;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t, i18n } = useTranslation("companies");
  const format = useFormat();
  // The company page's "back to the list" returns to these filters.
  const { search } = useLocation();
  return (
    <div className="table-scroll" ref={ref}>
      <table className="table companies-table">
        <caption className="visually-hidden">{t("list.tableCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={sort ? ariaSort(sort, "name") : undefined}>
              {t("list.columns.name")}
            </th>
            <th scope="col">{t("list.columns.taxCode")}</th>
            <th scope="col">{t("list.columns.sector")}</th>
            <th scope="col">{t("list.columns.location")}</th>
            <th scope="col">{t("list.columns.district")}</th>
            <th
              scope="col"
              className="companies-table__number"
              aria-sort={sort ? ariaSort(sort, "headcount") : undefined}
            >
              {t("list.columns.headcount")}
            </th>
            <th scope="col">{t("list.columns.sizeClass")}</th>
          </tr>
        </thead>
        <tbody>
          {companies.map((company) => {
            const title = sectorTitle(company, i18n.language);
            const district = districtName(company, i18n.language);
            const region = company.nuts3Code ? regionNames.get(company.nuts3Code) : undefined;
            return (
              <tr key={company.id}>
                <th scope="row" className="companies-table__name">
                  <Link to={`/companies/${company.id}`} state={{ listSearch: search }}>
                    {company.name}
                  </Link>
                </th>
                <td className="companies-table__tax-code">
                  <span className="companies-muted">{company.countryCode}</span> {company.taxCode}
                </td>
                <td className="companies-table__sector">
                  {company.atecoCode ? (
                    <>
                      <span className="companies-code">{company.atecoCode}</span>
                      {title && (
                        <span
                          className="table__sub"
                          lang={title.lang === i18n.language ? undefined : title.lang}
                        >
                          {title.text}
                        </span>
                      )}
                    </>
                  ) : (
                    <span className="companies-muted">{t("list.noSector")}</span>
                  )}
                </td>
                <td>
                  {company.municipalityName ?? region ?? company.nuts3Code ?? "—"}
                  {company.nuts3Code && (
                    <span className="table__sub">
                      {company.municipalityName && region ? `${region} · ` : ""}
                      {company.nuts3Code}
                    </span>
                  )}
                </td>
                <td className="companies-table__district">{district ?? <NotPlacedBadge />}</td>
                <td className="companies-table__number">
                  {company.headcount === null ? "—" : format.number(company.headcount)}
                </td>
                <td>
                  <SizeClassBadge sizeClass={company.sizeClass} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
