import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Territory } from "../../../contracts/territories.ts";
import { SizeClassSelect } from "../../components/size-class-select.tsx";
import { UnlistedOption } from "../../components/unlisted-option.tsx";
import type { ApiState } from "../../use-api.ts";
import { type CompanyFilters, clearFilters, findActiveFilters } from "./company-filters.ts";
import { referenceSectorTitle } from "./company-labels.ts";
import { selectTerritories, useDivisions, useSections } from "./reference-data.ts";
import { TerritoryOptions } from "./territory-options.tsx";
import type { ChangeFilters } from "./use-address-filters.ts";

/** The register's filters: a search, territory, ATECO section and division, size class, placement. */
export function CompanyFilterBar({
  filters,
  onChange,
  territories,
  canSeePlacement,
}: {
  filters: CompanyFilters;
  onChange: ChangeFilters;
  territories: ApiState<{ items: Territory[] }>;
  canSeePlacement: boolean;
}) {
  const { t, i18n } = useTranslation("companies");
  const [searchText, setSearchText] = useState(filters.search);

  // The back button changes the address: the box follows it unless it already says the same.
  useEffect(() => {
    setSearchText((current) => (current.trim() === filters.search ? current : filters.search));
  }, [filters.search]);

  function commitSearch(text: string) {
    const next = text.trim();
    if (next === filters.search) return;
    // Refining a search replaces the history entry; starting or clearing one adds an entry.
    onChange((current) => ({ ...current, search: next }), { replace: filters.search !== "" && next !== "" });
  }

  // Typing searches after a short pause rather than at every key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a search.
  useEffect(() => {
    const timer = window.setTimeout(() => commitSearch(searchText), 350);
    return () => window.clearTimeout(timer);
  }, [searchText]);

  const language = i18n.language;
  const territoryItems = territories.status === "ready" ? territories.data.items : [];
  const districts = selectTerritories(territoryItems, "district", language);
  const countries = selectTerritories(territoryItems, "country", language);
  const hasFilters = findActiveFilters(filters).length > 0;

  return (
    <search className="companies-filters" aria-label={t("list.filters")}>
      <div className="field companies-filters__search">
        <label htmlFor="company-search">{t("list.search")}</label>
        <input
          id="company-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t("list.searchPlaceholder")}
          aria-describedby="company-search-hint"
          value={searchText}
          onChange={(event) => setSearchText(event.target.value)}
          onKeyDown={(event) => event.key === "Enter" && commitSearch(searchText)}
        />
        <p id="company-search-hint" className="field__hint">
          {t("list.searchHint")}
        </p>
      </div>
      <div className="field companies-filters__territory">
        <label htmlFor="company-territory">{t("list.territory")}</label>
        <select
          id="company-territory"
          value={filters.territory}
          aria-busy={territories.status === "loading"}
          onChange={(event) => onChange((current) => ({ ...current, territory: event.target.value }))}
        >
          <option value="">{t("list.anyTerritory")}</option>
          {districts.length > 0 && (
            <optgroup label={t("list.districts")}>
              <TerritoryOptions territories={districts} language={language} />
            </optgroup>
          )}
          {countries.length > 0 && (
            <optgroup label={t("list.countries")}>
              <TerritoryOptions territories={countries} language={language} />
            </optgroup>
          )}
          {/* A bookmarked territory stays visible while the list loads or when it is a region. */}
          <UnlistedOption value={filters.territory} items={territoryItems} />
        </select>
      </div>
      <SectionSelect filters={filters} onChange={onChange} />
      {filters.section ? (
        <DivisionSelect key={filters.section} filters={filters} onChange={onChange} />
      ) : (
        <div className="field">
          <label htmlFor="company-division">{t("list.division")}</label>
          <select id="company-division" disabled value="">
            <option value="">{t("list.chooseSectionFirst")}</option>
          </select>
        </div>
      )}
      <SizeClassSelect
        id="company-size"
        label={t("list.sizeClass")}
        anyLabel={t("list.anySize")}
        sizeClassLabel={(size) => t(`sizeClasses.${size}`)}
        value={filters.sizeClass}
        onChange={(sizeClass) => onChange((current) => ({ ...current, sizeClass }))}
      />
      {canSeePlacement && (
        <div className="companies-checkbox">
          <input
            id="company-not-placed"
            type="checkbox"
            checked={filters.isNotPlacedOnly}
            onChange={(event) =>
              onChange((current) => ({ ...current, isNotPlacedOnly: event.target.checked }))
            }
          />
          <label htmlFor="company-not-placed">{t("list.notPlacedOnly")}</label>
        </div>
      )}
      {hasFilters && (
        <button
          type="button"
          className="button button--secondary companies-filters__clear"
          onClick={() => onChange((current) => clearFilters(current))}
        >
          {t("list.clearFilters")}
        </button>
      )}
    </search>
  );
}

function SectionSelect({ filters, onChange }: { filters: CompanyFilters; onChange: ChangeFilters }) {
  const { t, i18n } = useTranslation("companies");
  const sections = useSections();
  const items = sections.status === "ready" ? sections.data.items : [];
  return (
    <div className="field companies-filters__sector">
      <label htmlFor="company-section">{t("list.section")}</label>
      <select
        id="company-section"
        value={filters.section}
        aria-busy={sections.status === "loading"}
        onChange={(event) =>
          onChange((current) => ({ ...current, section: event.target.value, division: "" }))
        }
      >
        <option value="">
          {sections.status === "error" ? t("list.sectorsUnavailable") : t("list.anySection")}
        </option>
        {items.map((section) => (
          <option key={section.code} value={section.code}>
            {section.code} — {referenceSectorTitle(section, i18n.language).text}
          </option>
        ))}
        <UnlistedOption value={filters.section} items={items} />
      </select>
    </div>
  );
}

function DivisionSelect({ filters, onChange }: { filters: CompanyFilters; onChange: ChangeFilters }) {
  const { t, i18n } = useTranslation("companies");
  const divisions = useDivisions(filters.section);
  const items = divisions.status === "ready" ? divisions.data.items : [];
  return (
    <div className="field companies-filters__sector">
      <label htmlFor="company-division">{t("list.division")}</label>
      <select
        id="company-division"
        value={filters.division}
        aria-busy={divisions.status === "loading"}
        onChange={(event) => onChange((current) => ({ ...current, division: event.target.value }))}
      >
        <option value="">{t("list.anyDivision")}</option>
        {items.map((division) => (
          <option key={division.code} value={division.code}>
            {division.code} — {referenceSectorTitle(division, i18n.language).text}
          </option>
        ))}
        <UnlistedOption value={filters.division} items={items} />
      </select>
    </div>
  );
}
