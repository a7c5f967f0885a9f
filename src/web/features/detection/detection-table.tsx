import { type Ref, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { z } from "zod";
import type { DetectionItem, DetectionSort } from "../../../contracts/detection.ts";
import { apiRequest } from "../../api-client.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { AlertLevelBadge } from "./alert-level-badge.tsx";

function ariaSort(sort: DetectionSort, column: string) {
  if (sort === column) return column === "severity" ? "descending" : "ascending";
  if (sort === `-${column}`) return "descending";
  return undefined;
}

/** The list's rows: company, year, level with its markers, models, revenue, employees, follow. */
export function DetectionTable({
  items,
  sort,
  onFollowChange,
  onError,
  ref,
}: {
  items: DetectionItem[];
  sort: DetectionSort;
  onFollowChange(companyId: string, isFollowed: boolean): void;
  onError(error: unknown): void;
  ref?: Ref<HTMLDivElement>;
}) {
  const { t, i18n } = useTranslation("detection");
  const format = useFormat();
  const { search } = useLocation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section className="table-scroll" ref={ref} aria-label={t("table.caption")} tabIndex={0}>
      <table className="table detection-table">
        <caption className="visually-hidden">{t("table.caption")}</caption>
        <thead>
          <tr>
            <th scope="col" aria-sort={ariaSort(sort, "name")}>
              {t("table.company")}
            </th>
            <th scope="col" aria-sort={ariaSort(sort, "year")}>
              {t("table.year")}
            </th>
            <th scope="col" aria-sort={ariaSort(sort, "severity")}>
              {t("table.level")}
            </th>
            <th scope="col">{t("table.signals")}</th>
            <th scope="col">{t("table.models")}</th>
            <th scope="col" className="detection-number" aria-sort={ariaSort(sort, "revenue")}>
              {t("table.revenue")}
            </th>
            <th scope="col" className="detection-number" aria-sort={ariaSort(sort, "employees")}>
              {t("table.employees")}
            </th>
            <th scope="col">{t("table.follow")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.companyId}:${item.periodEndOn}`}>
              <th scope="row">
                <Link to={`/companies/${item.companyId}/risk`} state={{ listSearch: search }}>
                  {item.name}
                </Link>
                <span className="table__sub">
                  {(i18n.language === "en" ? item.districtNameEn : item.districtNameIt) ?? item.taxCode}
                </span>
              </th>
              <td>{item.fiscalYear}</td>
              <td>
                <AlertLevelBadge level={item.alertLevel} />
                {item.previousAlertLevel && (
                  <span className="table__sub">
                    {t("table.previous", { level: t(`levels.${item.previousAlertLevel}`) })}
                  </span>
                )}
              </td>
              <td>
                <span className="detection-markers">
                  {item.isDeteriorating && (
                    <span className="badge badge--danger" title={t("table.deterioratingTitle")}>
                      <span aria-hidden="true">↘ </span>
                      {t("table.deteriorating")}
                    </span>
                  )}
                  {item.isFirstAlert && (
                    <span className="badge badge--warning" title={t("table.firstAlertTitle")}>
                      <span aria-hidden="true">! </span>
                      {t("table.firstAlert")}
                    </span>
                  )}
                  {!item.isDeteriorating && !item.isFirstAlert && t("table.none")}
                </span>
              </td>
              <td>
                {item.distressModels.length > 0
                  ? item.distressModels.map((model) => t(`models.${model}`)).join(", ")
                  : t("table.none")}
              </td>
              <td className="detection-number">
                {item.revenueCents === null ? t("table.none") : format.money(item.revenueCents, "EUR")}
              </td>
              <td className="detection-number">
                {item.employees === null ? t("table.none") : format.number(item.employees)}
              </td>
              <td>
                <FollowToggle item={item} onChange={onFollowChange} onError={onError} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Follows or stops following the company; the row changes at once and goes back if the server refuses. */
function FollowToggle({
  item,
  onChange,
  onError,
}: {
  item: DetectionItem;
  onChange(companyId: string, isFollowed: boolean): void;
  onError(error: unknown): void;
}) {
  const { t } = useTranslation("detection");
  const [isBusy, setIsBusy] = useState(false);
  async function toggle() {
    const next = !item.isFollowed;
    setIsBusy(true);
    onChange(item.companyId, next);
    try {
      await apiRequest(`/api/me/follows/companies/${item.companyId}`, z.undefined(), {
        method: next ? "PUT" : "DELETE",
      });
    } catch (error) {
      onChange(item.companyId, !next);
      onError(error);
    } finally {
      setIsBusy(false);
    }
  }
  return (
    <button
      type="button"
      className="button button--secondary"
      aria-pressed={item.isFollowed}
      aria-label={t("follow.followLabel", { name: item.name })}
      disabled={isBusy}
      onClick={toggle}
    >
      {item.isFollowed ? `★ ${t("follow.following")}` : `☆ ${t("follow.follow")}`}
    </button>
  );
}
