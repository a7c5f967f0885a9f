import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { CompanySortSchema } from "../../../contracts/registry.ts";
import { useAuth } from "../../auth/auth-context.tsx";
import { ListLoadStatus } from "../../components/list-load-status.tsx";
import { LoadMoreFooter } from "../../components/load-more-footer.tsx";
import { useFirstNewRowFocus } from "../../components/use-first-new-row-focus.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { CompanyEmptyState } from "./company-empty-state.tsx";
import { CompanyFilterBar } from "./company-filter-bar.tsx";
import { editorRoles } from "./company-labels.ts";
import { CompanyTable } from "./company-table.tsx";
import { territoryName, useTerritories } from "./reference-data.ts";
import { useAddressFilters } from "./use-address-filters.ts";
import { useCompanyPages } from "./use-company-pages.ts";

const pageSize = 50;

/** The company register: filters kept in the address bar, a table read page by page. */
export function CompanyListPage() {
  const { t, i18n } = useTranslation("companies");
  const format = useFormat();
  const auth = useAuth();
  const isEditor = auth.hasRole(...editorRoles);
  const [filters, changeFilters] = useAddressFilters();
  const territories = useTerritories();
  const companies = useCompanyPages(filters, pageSize);
  const { tableReference, rememberFirstNewRow } = useFirstNewRowFocus(companies.items.length);

  const regionNames = useMemo(() => {
    const names = new Map<string, string>();
    if (territories.status !== "ready") return names;
    for (const territory of territories.data.items)
      if (territory.kind === "nuts3") names.set(territory.code, territoryName(territory, i18n.language));
    return names;
  }, [territories, i18n.language]);

  const isSearching = filters.search !== "";
  return (
    <>
      <header className="page-header companies-page-header">
        <div>
          <p className="page-header__kicker">{t("list.kicker")}</p>
          <h1>{t("list.title")}</h1>
          <p className="companies-lead">{t("list.lead")}</p>
        </div>
        {isEditor && (
          <div className="companies-header-actions">
            <Link to="/companies/import" className="button button--secondary">
              {t("list.import")}
            </Link>
            <Link to="/companies/import-statements" className="button button--secondary">
              {t("statementImport.title")}
            </Link>
            <Link to="/companies/new" className="button">
              {t("list.register")}
            </Link>
          </div>
        )}
      </header>
      <CompanyFilterBar
        filters={filters}
        onChange={changeFilters}
        territories={territories}
        canSeePlacement={isEditor}
      />
      <section
        className="panel companies-results"
        aria-labelledby="company-results-title"
        aria-busy={companies.status === "loading"}
      >
        <div className="companies-results__bar">
          <h2 id="company-results-title">
            {companies.status === "ready"
              ? t("list.total", { count: companies.total, total: format.number(companies.total) })
              : t("list.resultsTitle")}
          </h2>
          <div className="field companies-sort">
            <label htmlFor="company-sort">{t("list.sort")}</label>
            <select
              id="company-sort"
              value={isSearching ? "likeness" : filters.sort}
              disabled={isSearching}
              aria-describedby={isSearching ? "company-sort-hint" : undefined}
              onChange={(event) =>
                changeFilters((current) => ({
                  ...current,
                  sort: CompanySortSchema.catch("name").parse(event.target.value),
                }))
              }
            >
              {isSearching && <option value="likeness">{t("list.sortOptions.likeness")}</option>}
              {CompanySortSchema.options.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`list.sortOptions.${sort}`)}
                </option>
              ))}
            </select>
            {isSearching && (
              <p id="company-sort-hint" className="visually-hidden">
                {t("list.sortWhileSearching")}
              </p>
            )}
          </div>
        </div>
        <ListLoadStatus
          status={companies.status}
          error={companies.error}
          onRetry={companies.reload}
          retryLabel={t("list.retry")}
          loadingClassName="companies-loading"
          errorClassName="companies-error"
        />
        {companies.status === "ready" &&
          (companies.items.length === 0 ? (
            <CompanyEmptyState
              filters={filters}
              onChange={changeFilters}
              territories={territories.status === "ready" ? territories.data.items : []}
              isEditor={isEditor}
            />
          ) : (
            <>
              <CompanyTable
                ref={tableReference}
                companies={companies.items}
                sort={isSearching ? undefined : filters.sort}
                regionNames={regionNames}
              />
              <LoadMoreFooter
                error={companies.error}
                summary={
                  isSearching && companies.total > companies.items.length
                    ? t("list.closestMatches", {
                        shown: format.number(companies.items.length),
                        total: format.number(companies.total),
                      })
                    : t("list.shown", {
                        shown: format.number(companies.items.length),
                        total: format.number(companies.total),
                      })
                }
                hasMore={companies.nextAfter !== null}
                isLoadingMore={companies.isLoadingMore}
                onLoadMore={() => {
                  rememberFirstNewRow();
                  void companies.loadMore();
                }}
                className="companies-load-more"
                summaryClassName="companies-muted"
              />
            </>
          ))}
      </section>
    </>
  );
}
