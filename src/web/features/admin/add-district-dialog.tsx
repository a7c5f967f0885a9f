import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type Territory, TerritoryListSchema, TerritorySchema } from "../../../contracts/territories.ts";
import { ApiError, apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { ModalDialog } from "../../components/modal-dialog.tsx";
import { useApi } from "../../use-api.ts";
import {
  DistrictFields,
  type DistrictFieldValues,
  districtFieldPaths,
  emptyDistrictFields,
  parseCoordinate,
} from "./district-fields.tsx";
import { fieldErrorText, formAlertMessages } from "./field-errors.ts";
import { territoryLabel, territoryName } from "./territory-labels.ts";
import { useCountries } from "./use-countries.ts";

export function AddDistrictDialog({
  isOpen,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  onClose(): void;
  onCreated(district: Territory): void;
}) {
  const { t, i18n } = useTranslation("admin");
  const countries = useCountries();
  const [code, setCode] = useState("");
  const [countryCode, setCountryCode] = useState("IT");
  const [parentCode, setParentCode] = useState("");
  const [values, setValues] = useState<DistrictFieldValues>(emptyDistrictFields);
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);

  function reset() {
    setCode("");
    setParentCode("");
    setValues(emptyDistrictFields);
    setError(undefined);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    setIsBusy(true);
    try {
      const latitude = parseCoordinate(values.latitude);
      const longitude = parseCoordinate(values.longitude);
      const district = await apiRequest("/api/admin/territories", TerritorySchema, {
        method: "POST",
        body: {
          code: code.trim(),
          parentCode,
          nameIt: values.nameIt,
          nameEn: values.nameEn,
          nameLocal: values.nameLocal,
          // An unreadable number is sent as typed so that the server names the field.
          ...(latitude === undefined
            ? {}
            : { centroidLatitude: Number.isNaN(latitude) ? values.latitude : latitude }),
          ...(longitude === undefined
            ? {}
            : { centroidLongitude: Number.isNaN(longitude) ? values.longitude : longitude }),
        },
      });
      reset();
      onCreated(district);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  const isConflict = error instanceof ApiError && error.code === "conflict";
  const codeError = isConflict
    ? t("district.codeTaken")
    : fieldErrorText(error, "body.code", t("district.codeInvalid"));
  const parentError = fieldErrorText(error, "body.parentCode", t("district.parentInvalid"));
  return (
    <ModalDialog
      isOpen={isOpen}
      title={t("district.addTitle")}
      onClose={() => {
        reset();
        onClose();
      }}
    >
      <form className="form" onSubmit={submit} noValidate>
        <p>{t("district.addLead")}</p>
        <ErrorAlert
          error={error}
          messages={{
            conflict: t("district.codeTaken"),
            ...formAlertMessages(
              error,
              ["body.code", "body.parentCode", ...districtFieldPaths],
              t("checkFields"),
            ),
          }}
        />
        <FormField
          label={t("district.code")}
          hint={t("district.codeHint")}
          required
          autoComplete="off"
          spellCheck={false}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          error={codeError}
        />
        <div className="admin-field-row">
          <div className="field">
            <label htmlFor="district-country">{t("territories.country")}</label>
            <select
              id="district-country"
              value={countryCode}
              onChange={(event) => {
                setCountryCode(event.target.value);
                setParentCode("");
              }}
            >
              {countries.status === "ready" &&
                countries.data.items.map((country) => (
                  <option key={country.code} value={country.code}>
                    {territoryName(country, i18n.language)}
                  </option>
                ))}
            </select>
          </div>
          <RegionSelect
            key={countryCode}
            countryCode={countryCode}
            value={parentCode}
            onChange={setParentCode}
            error={parentError}
          />
        </div>
        <DistrictFields values={values} onChange={setValues} error={error} />
        <div className="form__actions">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              reset();
              onClose();
            }}
          >
            {t("translation:common.cancel")}
          </button>
          <button type="submit" className="button" disabled={isBusy}>
            {t("district.create")}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The NUTS 3 regions of one country: a district lies in one of them. */
function RegionSelect({
  countryCode,
  value,
  onChange,
  error,
}: {
  countryCode: string;
  value: string;
  onChange(code: string): void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation("admin");
  const regions = useApi(() =>
    apiRequest(
      `/api/territories?kind=nuts3&countryCode=${encodeURIComponent(countryCode)}`,
      TerritoryListSchema,
    ),
  );
  return (
    <div className={`field admin-field--grow${error ? " field--invalid" : ""}`}>
      <label htmlFor="district-parent">{t("district.parent")}</label>
      <select
        id="district-parent"
        required
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "district-parent-error" : undefined}
        aria-busy={regions.status === "loading"}
      >
        <option value="">
          {regions.status === "loading" ? t("translation:common.loading") : t("district.chooseParent")}
        </option>
        {regions.status === "ready" &&
          regions.data.items.map((region) => (
            <option key={region.code} value={region.code}>
              {territoryLabel(region, i18n.language)}
            </option>
          ))}
      </select>
      {regions.status === "error" && <ErrorAlert error={regions.error} />}
      {error && (
        <p id="district-parent-error" className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
