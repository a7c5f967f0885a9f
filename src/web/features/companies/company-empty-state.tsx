import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Territory } from "../../../contracts/territories.ts";
import { type CompanyFilters, type FilterName, findActiveFilters, withoutFilter } from "./company-filters.ts";
import { territoryName } from "./reference-data.ts";
import type { ChangeFilters } from "./use-address-filters.ts";

/** No company matches: says which filters narrow the list and offers to drop each of them. */
export function CompanyEmptyState({
  filters,
  onChange,
  territories,
  isEditor,
}: {
  filters: CompanyFilters;
  onChange: ChangeFilters;
  territories: readonly Territory[];
  isEditor: boolean;
}) {
  const { t, i18n } = useTranslation("companies");
  const active = findActiveFilters(filters);

  function describe(name: FilterName): string {
    switch (name) {
      case "search":
        return t("empty.filters.search", { text: filters.search });
      case "territory": {
        const territory = territories.find((candidate) => candidate.code === filters.territory);
        return t("empty.filters.territory", {
          name: territory ? territoryName(territory, i18n.language) : filters.territory,
        });
      }
      case "sector":
        return t("empty.filters.sector", { code: filters.division || filters.section });
      case "sizeClass":
        return t("empty.filters.sizeClass", { size: t(`sizeClasses.${filters.sizeClass ?? "unknown"}`) });
      case "placement":
        return t("empty.filters.placement");
    }
  }

  if (active.length === 0) {
    return (
      <div className="companies-empty">
        <p className="companies-empty__title">{t("empty.registerEmpty")}</p>
        {isEditor && (
          <p>
            <Link to="/companies/new">{t("list.register")}</Link> ·{" "}
            <Link to="/companies/import">{t("list.import")}</Link>
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="companies-empty">
      <p className="companies-empty__title">{t("empty.noMatch")}</p>
      <p>{t(active.length === 1 ? "empty.loosenOne" : "empty.loosenSome")}</p>
      <ul className="companies-chips">
        {active.map((name) => (
          <li key={name}>
            <button
              type="button"
              className="companies-chip"
              aria-label={t("empty.remove", { filter: describe(name) })}
              onClick={() => onChange((current) => withoutFilter(current, name))}
            >
              {describe(name)}
              <span aria-hidden="true" className="companies-chip__cross">
                ×
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
