import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { alertLevels, DetectionFiltersSchema, distressModels } from "../../../contracts/detection.ts";
import type { Territory } from "../../../contracts/territories.ts";
import { SizeClassSelect } from "../../components/size-class-select.tsx";
import { UnlistedOption } from "../../components/unlisted-option.tsx";
import { selectTerritories } from "../companies/reference-data.ts";
import { TerritoryOptions } from "../companies/territory-options.tsx";
import {
  clearDetectionFilters,
  type DetectionFilterState,
  hasDetectionFilters,
} from "./detection-filters.ts";
import type { ChangeDetectionFilters } from "./use-detection-filters.ts";

const yearsShown = 10;

/** The list's filters; every change goes to the address bar (and so can be bookmarked or linked). */
export function DetectionFilterBar({
  filters,
  onChange,
  territories,
}: {
  filters: DetectionFilterState;
  onChange: ChangeDetectionFilters;
  territories: readonly Territory[];
}) {
  const { t, i18n } = useTranslation("detection");
  const language = i18n.language;
  const districts = selectTerritories(territories, "district", language);
  const countries = selectTerritories(territories, "country", language);
  const regions = selectTerritories(territories, "nuts2", language);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: yearsShown }, (_, index) => thisYear - 1 - index);
  if (filters.year !== undefined && !years.includes(filters.year)) years.push(filters.year);
  const set = (patch: Partial<DetectionFilterState>) => onChange((current) => ({ ...current, ...patch }));

  return (
    <search className="detection-filters" aria-label={t("filters.label")}>
      <div className="field">
        <label htmlFor="detection-year">{t("filters.year")}</label>
        <select
          id="detection-year"
          value={filters.year ?? ""}
          onChange={(event) => set({ year: event.target.value ? Number(event.target.value) : undefined })}
        >
          <option value="">{t("filters.latestYear")}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="detection-territory">{t("filters.territory")}</label>
        <select
          id="detection-territory"
          value={filters.territory}
          onChange={(event) => set({ territory: event.target.value })}
        >
          <option value="">{t("filters.anyTerritory")}</option>
          <optgroup label={t("filters.countries")}>
            <TerritoryOptions territories={countries} language={language} />
          </optgroup>
          <optgroup label={t("filters.regions")}>
            <TerritoryOptions territories={regions} language={language} />
          </optgroup>
          <UnlistedOption value={filters.territory} items={territories} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="detection-district">{t("filters.district")}</label>
        <select
          id="detection-district"
          value={filters.district}
          onChange={(event) => set({ district: event.target.value })}
        >
          <option value="">{t("filters.anyDistrict")}</option>
          <TerritoryOptions territories={districts} language={language} />
          <UnlistedOption value={filters.district} items={districts} />
        </select>
      </div>
      <SectorField sector={filters.sector} onCommit={(sector) => set({ sector })} />
      <SizeClassSelect
        id="detection-size"
        label={t("filters.sizeClass")}
        anyLabel={t("filters.anySize")}
        sizeClassLabel={(size) => t(`sizeClasses.${size}`)}
        value={filters.sizeClass}
        onChange={(sizeClass) => set({ sizeClass })}
      />
      <div className="field">
        <label htmlFor="detection-model">{t("filters.model")}</label>
        <select
          id="detection-model"
          value={filters.model ?? ""}
          onChange={(event) => set({ model: distressModels.find((model) => model === event.target.value) })}
        >
          <option value="">{t("filters.anyModel")}</option>
          {distressModels.map((model) => (
            <option key={model} value={model}>
              {t(`models.${model}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend>{t("filters.alertLevels")}</legend>
        {alertLevels.map((level) => (
          <label key={level} className="detection-check">
            <input
              type="checkbox"
              checked={filters.alertLevels.includes(level)}
              onChange={(event) =>
                onChange((current) => ({
                  ...current,
                  alertLevels: alertLevels.filter((item) =>
                    item === level ? event.target.checked : current.alertLevels.includes(item),
                  ),
                }))
              }
            />
            <span className={`detection-level detection-level--${level}`}>
              <span className="detection-level__mark" aria-hidden="true" />
              {t(`levels.${level}`)}
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <label className="detection-check">
          <input
            type="checkbox"
            checked={filters.isFirstAlertOnly}
            onChange={(event) => set({ isFirstAlertOnly: event.target.checked })}
          />
          {t("filters.firstAlertOnly")}
        </label>
        <label className="detection-check">
          <input
            type="checkbox"
            checked={filters.isDeterioratingOnly}
            onChange={(event) => set({ isDeterioratingOnly: event.target.checked })}
          />
          {t("filters.deterioratingOnly")}
        </label>
        <label className="detection-check">
          <input
            type="checkbox"
            checked={filters.isFollowedOnly}
            onChange={(event) => set({ isFollowedOnly: event.target.checked })}
          />
          {t("filters.followedOnly")}
        </label>
        {hasDetectionFilters(filters) && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onChange((current) => clearDetectionFilters(current))}
          >
            {t("filters.clear")}
          </button>
        )}
      </fieldset>
    </search>
  );
}

/** The ATECO code, checked with the list's contract and applied on Enter or when leaving the box. */
function SectorField({ sector, onCommit }: { sector: string; onCommit(sector: string): void }) {
  const { t } = useTranslation("detection");
  const [text, setText] = useState(sector);
  useEffect(() => setText(sector), [sector]);
  const trimmed = text.trim().toUpperCase();
  const isValid = trimmed === "" || DetectionFiltersSchema.shape.sector.safeParse(trimmed).success;
  const commit = () => {
    if (isValid && trimmed !== sector) onCommit(trimmed);
  };
  return (
    <div className={`field${isValid ? "" : " field--invalid"}`}>
      <label htmlFor="detection-sector">{t("filters.sector")}</label>
      <input
        id="detection-sector"
        type="text"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        aria-invalid={!isValid}
        aria-describedby="detection-sector-hint"
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === "Enter" && commit()}
      />
      <p id="detection-sector-hint" className={isValid ? "field__hint" : "field__error"}>
        {isValid ? t("filters.sectorHint") : t("filters.sectorInvalid")}
      </p>
    </div>
  );
}
