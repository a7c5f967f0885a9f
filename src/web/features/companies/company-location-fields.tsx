import { useTranslation } from "react-i18next";
import type { Territory } from "../../../contracts/territories.ts";
import type { CompanyFormValues } from "./company-form-values.ts";
import { italy } from "./company-form-values.ts";
import { MunicipalityField } from "./municipality-field.tsx";
import { selectTerritories, territoryName } from "./reference-data.ts";

/**
 * Where the company is: for Italy a municipality (its NUTS 3 region follows), elsewhere a NUTS 3
 * region; and the district, chosen by hand only when the municipality does not decide it.
 */
export function CompanyLocationFields({
  values,
  onChange,
  territories,
  regionNames,
  errorOf,
}: {
  values: CompanyFormValues;
  onChange(change: Partial<CompanyFormValues>): void;
  territories: readonly Territory[];
  regionNames: ReadonlyMap<string, string>;
  errorOf(field: "municipalityCode" | "nuts3Code" | "districtCode"): string | undefined;
}) {
  const { t, i18n } = useTranslation("companies");
  const language = i18n.language;
  const isItalian = values.countryCode === italy;
  const regions = selectTerritories(territories, "nuts3", language, values.countryCode);
  const districts = selectTerritories(territories, "district", language, values.countryCode);
  const isRegionFromMunicipality = isItalian && values.municipality !== undefined;
  const regionValue = isRegionFromMunicipality ? (values.municipality?.nuts3Code ?? "") : values.nuts3Code;
  const nuts3Error = errorOf("nuts3Code");
  const districtError = errorOf("districtCode");
  return (
    <>
      {isItalian && (
        <MunicipalityField
          text={values.municipalityText}
          chosen={values.municipality}
          regionNames={regionNames}
          error={errorOf("municipalityCode")}
          onTextChange={(text) =>
            onChange({
              municipalityText: text,
              municipality: values.municipality?.name === text ? values.municipality : undefined,
            })
          }
          onChoose={(municipality) =>
            onChange({ municipality, municipalityText: municipality.name, nuts3Code: municipality.nuts3Code })
          }
        />
      )}
      <div className={`field${nuts3Error ? " field--invalid" : ""}`}>
        <label htmlFor="company-nuts3">{t("form.nuts3")}</label>
        <select
          id="company-nuts3"
          value={regionValue}
          disabled={isRegionFromMunicipality}
          aria-invalid={nuts3Error ? true : undefined}
          aria-describedby={`company-nuts3-hint${nuts3Error ? " company-nuts3-error" : ""}`}
          onChange={(event) => onChange({ nuts3Code: event.target.value })}
        >
          <option value="">{t("form.noRegion")}</option>
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {territoryName(region, language)} ({region.code})
            </option>
          ))}
        </select>
        <p id="company-nuts3-hint" className="field__hint">
          {isRegionFromMunicipality ? t("form.nuts3FromMunicipality") : t("form.nuts3Hint")}
        </p>
        {nuts3Error && (
          <p id="company-nuts3-error" className="field__error">
            {nuts3Error}
          </p>
        )}
      </div>
      <div className={`field${districtError ? " field--invalid" : ""}`}>
        <label htmlFor="company-district">{t("form.district")}</label>
        <select
          id="company-district"
          value={values.districtCode}
          aria-invalid={districtError ? true : undefined}
          aria-describedby={`company-district-hint${districtError ? " company-district-error" : ""}`}
          onChange={(event) => onChange({ districtCode: event.target.value })}
        >
          <option value="">{isItalian ? t("form.districtAutomatic") : t("form.districtNone")}</option>
          {districts.map((district) => (
            <option key={district.code} value={district.code}>
              {territoryName(district, language)}
            </option>
          ))}
          {values.districtCode && !districts.some((district) => district.code === values.districtCode) && (
            <option value={values.districtCode}>{values.districtCode}</option>
          )}
        </select>
        <p id="company-district-hint" className="field__hint">
          {t("form.districtHint")}
        </p>
        {districtError && (
          <p id="company-district-error" className="field__error">
            {districtError}
          </p>
        )}
      </div>
    </>
  );
}
