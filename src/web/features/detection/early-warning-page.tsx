import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DetectionSortSchema, detectionExportCap } from "../../../contracts/detection.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { ListLoadStatus } from "../../components/list-load-status.tsx";
import { LoadMoreFooter } from "../../components/load-more-footer.tsx";
import { useFirstNewRowFocus } from "../../components/use-first-new-row-focus.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { useTerritories } from "../companies/reference-data.ts";
import { DetectionFilterBar } from "./detection-filter-bar.tsx";
import {
  buildDetectionExportPath,
  clearDetectionFilters,
  decideExportAvailability,
  hasDetectionFilters,
} from "./detection-filters.ts";
import { DetectionTable } from "./detection-table.tsx";
import { SavedViewsPanel } from "./saved-views-panel.tsx";
import { useDetectionFilters } from "./use-detection-filters.ts";
import { useDetectionPages } from "./use-detection-pages.ts";
import { useExactDetectionCount } from "./use-exact-detection-count.ts";
import "./detection.css";

const pageSize = 50;

/** The early-warning list: companies in scope by alert level, filters in the address, saved views, downloads. */
export function EarlyWarningPage() {
  const { t, i18n } = useTranslation("detection");
  const format = useFormat();
  const [filters, changeFilters] = useDetectionFilters();
  const territories = useTerritories();
  const companies = useDetectionPages(filters, pageSize);
  const [followError, setFollowError] = useState<unknown>();
  const { tableReference, rememberFirstNewRow } = useFirstNewRowFocus(companies.items.length);

  const language = i18n.language === "en" ? "en" : "it";
  // The list counts up to a bound: past it, the exact count decides whether the download is offered.
  const exactTotal = useExactDetectionCount(filters, companies.status === "ready" && !companies.isTotalExact);
  const exportAvailability = decideExportAvailability(companies, exactTotal, detectionExportCap);
  const isTooManyToExport = exportAvailability === "too_many";
  const canExport = exportAvailability === "available";

  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">{t("page.kicker")}</p>
        <h1>{t("page.title")}</h1>
        <p>{t("page.lead")}</p>
      </header>
      <DetectionFilterBar
        filters={filters}
        onChange={changeFilters}
        territories={territories.status === "ready" ? territories.data.items : []}
      />
      <SavedViewsPanel filters={filters} onApply={(next) => changeFilters(() => next)} />
      <section
        className="panel"
        aria-labelledby="detection-results-title"
        aria-busy={companies.status === "loading"}
      >
        <div className="detection-toolbar">
          <h2 id="detection-results-title">
            {companies.status === "ready"
              ? companies.isTotalExact
                ? t("results.total", { count: companies.total, total: format.number(companies.total) })
                : t("results.moreThan", { total: format.number(companies.total) })
              : t("results.title")}
          </h2>
          <div className="field">
            <label htmlFor="detection-sort">{t("sort.label")}</label>
            <select
              id="detection-sort"
              value={filters.sort}
              onChange={(event) =>
                changeFilters((current) => ({
                  ...current,
                  sort: DetectionSortSchema.catch("severity").parse(event.target.value),
                }))
              }
            >
              {DetectionSortSchema.options.map((sort) => (
                <option key={sort} value={sort}>
                  {t(`sort.options.${sort}`)}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="detection-actions detection-export">
            <legend>{t("export.title")}</legend>
            {canExport ? (
              <>
                <a
                  className="button button--secondary"
                  href={buildDetectionExportPath(filters, "csv", language)}
                  aria-label={t("export.csvLabel")}
                  download
                >
                  {t("export.csv")}
                </a>
                <a
                  className="button button--secondary"
                  href={buildDetectionExportPath(filters, "xlsx", language)}
                  aria-label={t("export.xlsxLabel")}
                  download
                >
                  {t("export.xlsx")}
                </a>
              </>
            ) : (
              <>
                <button type="button" className="button button--secondary" disabled>
                  {t("export.csv")}
                </button>
                <button type="button" className="button button--secondary" disabled>
                  {t("export.xlsx")}
                </button>
              </>
            )}
          </fieldset>
        </div>
        <p className="detection-muted">
          {isTooManyToExport
            ? t("export.tooMany", { cap: format.number(detectionExportCap) })
            : exportAvailability === "counting"
              ? t("export.counting")
              : t("export.hint", { cap: format.number(detectionExportCap) })}
        </p>
        <ListLoadStatus
          status={companies.status}
          error={companies.error}
          onRetry={companies.reload}
          retryLabel={t("results.retry")}
        />
        {companies.status === "ready" && companies.items.length === 0 && (
          <div className="empty-state">
            <h3>{t("empty.title")}</h3>
            <p>{hasDetectionFilters(filters) ? t("empty.withFilters") : t("empty.noScope")}</p>
            {hasDetectionFilters(filters) && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => changeFilters((current) => clearDetectionFilters(current))}
              >
                {t("empty.clear")}
              </button>
            )}
          </div>
        )}
        {companies.status === "ready" && companies.items.length > 0 && (
          <>
            <ErrorAlert error={followError} />
            <DetectionTable
              ref={tableReference}
              items={companies.items}
              sort={filters.sort}
              onFollowChange={(companyId, isFollowed) => {
                setFollowError(undefined);
                companies.markFollowed(companyId, isFollowed);
              }}
              onError={setFollowError}
            />
            <LoadMoreFooter
              error={companies.error}
              summary={t(companies.isTotalExact ? "results.shown" : "results.shownOfMore", {
                shown: format.number(companies.items.length),
                total: format.number(companies.total),
              })}
              hasMore={companies.nextAfter !== null}
              isLoadingMore={companies.isLoadingMore}
              onLoadMore={() => {
                rememberFirstNewRow();
                void companies.loadMore();
              }}
              className="detection-actions"
              summaryClassName="detection-muted"
            />
          </>
        )}
      </section>
    </>
  );
}
