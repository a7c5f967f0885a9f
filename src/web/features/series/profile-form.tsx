import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportProfile } from "../../../contracts/district-series.ts";
import { ApiError } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import {
  emptyProfileForm,
  type ProfileFormValues,
  parseAssignments,
  toMapping,
} from "./profile-form-values.ts";
import { type ImportProfileMappingInput, seriesApi } from "./series-api.ts";

type TextField = Exclude<
  keyof ProfileFormValues,
  "delimiter" | "decimalSeparator" | "thousandsSeparator" | "timeKind" | "territoryMatchBy"
>;

/**
 * Makes an import profile: which columns hold time, value and key, the constants the file leaves
 * out (a unit is required), separators and territory matching. "Try" previews the file with it.
 */
export function ProfileForm({
  onTry,
  onSaved,
  onCancel,
}: {
  onTry(mapping: ImportProfileMappingInput): void;
  onSaved(profile: ImportProfile): void;
  onCancel(): void;
}) {
  const { t } = useTranslation("series");
  const [values, setValues] = useState<ProfileFormValues>(emptyProfileForm);
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);
  const set = <Key extends keyof ProfileFormValues>(key: Key, value: ProfileFormValues[Key]) =>
    setValues((current) => ({ ...current, [key]: value }));
  const fieldError = (path: string) => (error instanceof ApiError ? error.fieldMessage(path) : undefined);
  const badLines = [
    ...parseAssignments(values.keyColumns).badLines,
    ...parseAssignments(values.constants).badLines,
  ];

  async function save(event: FormEvent) {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    try {
      onSaved(await seriesApi.createProfile({ name: values.name, mapping: toMapping(values) }));
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  }

  const text = (key: TextField, path: string, options: { isRequired?: boolean; hint?: string } = {}) => (
    <div className={`field${fieldError(path) ? " field--invalid" : ""}`}>
      <label htmlFor={`profile-${key}`}>{t(`profile.fields.${key}`)}</label>
      <input
        id={`profile-${key}`}
        value={values[key]}
        required={options.isRequired}
        aria-invalid={fieldError(path) ? true : undefined}
        aria-describedby={options.hint ? `profile-${key}-hint` : undefined}
        onChange={(event) => set(key, event.target.value)}
      />
      {options.hint && (
        <p id={`profile-${key}-hint`} className="field__hint">
          {options.hint}
        </p>
      )}
      {fieldError(path) && <p className="field__error">{fieldError(path)}</p>}
    </div>
  );
  const lines = (key: "keyColumns" | "constants", path: string) => (
    <div className={`field${fieldError(path) ? " field--invalid" : ""}`}>
      <label htmlFor={`profile-${key}`}>{t(`profile.fields.${key}`)}</label>
      <textarea
        id={`profile-${key}`}
        rows={3}
        value={values[key]}
        aria-describedby={`profile-${key}-hint`}
        onChange={(event) => set(key, event.target.value)}
      />
      <p id={`profile-${key}-hint`} className="field__hint">
        {t(`profile.hints.${key}`)}
      </p>
      {fieldError(path) && <p className="field__error">{fieldError(path)}</p>}
    </div>
  );

  return (
    <form className="series-profile-form" onSubmit={save} aria-labelledby="profile-form-title">
      <h3 id="profile-form-title">{t("profile.title")}</h3>
      <ErrorAlert error={error} />
      <div className="series-form-grid">
        {text("name", "body.name", { isRequired: true })}
        {text("source", "body.mapping.source", { isRequired: true, hint: t("profile.hints.source") })}
        {text("dataset", "body.mapping.dataset", { isRequired: true })}
        {text("indicator", "body.mapping.indicator")}
        <div className="field">
          <label htmlFor="profile-delimiter">{t("profile.fields.delimiter")}</label>
          <select
            id="profile-delimiter"
            value={values.delimiter}
            onChange={(event) => set("delimiter", event.target.value as ProfileFormValues["delimiter"])}
          >
            <option value=",">{t("profile.delimiters.comma")}</option>
            <option value=";">{t("profile.delimiters.semicolon")}</option>
            <option value={"\t"}>{t("profile.delimiters.tab")}</option>
            <option value="|">{t("profile.delimiters.pipe")}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="profile-decimal">{t("profile.fields.decimalSeparator")}</label>
          <select
            id="profile-decimal"
            value={values.decimalSeparator}
            onChange={(event) => set("decimalSeparator", event.target.value as "." | ",")}
          >
            <option value=".">{t("profile.decimals.point")}</option>
            <option value=",">{t("profile.decimals.comma")}</option>
          </select>
        </div>
        <div className={`field${fieldError("body.mapping.thousandsSeparator") ? " field--invalid" : ""}`}>
          <label htmlFor="profile-thousands">{t("profile.fields.thousandsSeparator")}</label>
          <select
            id="profile-thousands"
            value={values.thousandsSeparator}
            onChange={(event) =>
              set("thousandsSeparator", event.target.value as ProfileFormValues["thousandsSeparator"])
            }
          >
            <option value="">{t("profile.thousands.none")}</option>
            <option value=".">{t("profile.thousands.point")}</option>
            <option value=",">{t("profile.thousands.comma")}</option>
            <option value=" ">{t("profile.thousands.space")}</option>
            <option value="'">{t("profile.thousands.apostrophe")}</option>
          </select>
          {fieldError("body.mapping.thousandsSeparator") && (
            <p className="field__error">{fieldError("body.mapping.thousandsSeparator")}</p>
          )}
        </div>
      </div>
      <fieldset className="series-fieldset">
        <legend>{t("profile.fields.time")}</legend>
        <label>
          <input
            type="radio"
            name="time-kind"
            checked={values.timeKind === "column"}
            onChange={() => set("timeKind", "column")}
          />{" "}
          {t("profile.timeKinds.column")}
        </label>{" "}
        <label>
          <input
            type="radio"
            name="time-kind"
            checked={values.timeKind === "year_month"}
            onChange={() => set("timeKind", "year_month")}
          />{" "}
          {t("profile.timeKinds.yearMonth")}
        </label>
        {values.timeKind === "column" ? (
          text("timeColumn", "body.mapping.time.column", {
            isRequired: true,
            hint: t("profile.hints.timeColumn"),
          })
        ) : (
          <div className="series-form-grid">
            {text("yearColumn", "body.mapping.time.yearColumn", { isRequired: true })}
            {text("monthColumn", "body.mapping.time.monthColumn", {
              isRequired: true,
              hint: t("profile.hints.monthColumn"),
            })}
          </div>
        )}
      </fieldset>
      <div className="series-form-grid">
        {text("valueColumn", "body.mapping.valueColumn", { isRequired: true })}
        {text("territoryColumn", "body.mapping.territory.column", {
          hint: t("profile.hints.territoryColumn"),
        })}
        {text("territoryDimension", "body.mapping.territory.dimension")}
        <div className="field">
          <label htmlFor="profile-match">{t("profile.fields.territoryMatchBy")}</label>
          <select
            id="profile-match"
            value={values.territoryMatchBy}
            onChange={(event) => set("territoryMatchBy", event.target.value as "code" | "name")}
          >
            <option value="name">{t("profile.matchBy.name")}</option>
            <option value="code">{t("profile.matchBy.code")}</option>
          </select>
        </div>
      </div>
      {lines("keyColumns", "body.mapping.keyColumns")}
      {lines("constants", "body.mapping")}
      {badLines.length > 0 && (
        <p role="alert" className="alert alert--error">
          {t("profile.badLines", { lines: badLines.join(", ") })}
        </p>
      )}
      <div className="series-actions">
        <button type="button" className="button button--secondary" onClick={() => onTry(toMapping(values))}>
          {t("profile.try")}
        </button>
        <button type="submit" className="button" disabled={isSaving || badLines.length > 0}>
          {t("profile.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t("profile.cancel")}
        </button>
      </div>
    </form>
  );
}
