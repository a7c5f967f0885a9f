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

type ChoiceField = "delimiter" | "decimalSeparator" | "thousandsSeparator" | "territoryMatchBy";
type TextField = Exclude<keyof ProfileFormValues, ChoiceField | "timeKind">;

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
  const choice = <Key extends ChoiceField>(
    key: Key,
    id: string,
    options: readonly { value: ProfileFormValues[Key]; label: string }[],
    path?: string,
  ) => (
    <div className={`field${path && fieldError(path) ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{t(`profile.fields.${key}`)}</label>
      <select
        id={id}
        value={values[key]}
        onChange={(event) => set(key, event.target.value as ProfileFormValues[Key])}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {path && fieldError(path) && <p className="field__error">{fieldError(path)}</p>}
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
        {choice("delimiter", "profile-delimiter", [
          { value: ",", label: t("profile.delimiters.comma") },
          { value: ";", label: t("profile.delimiters.semicolon") },
          { value: "\t", label: t("profile.delimiters.tab") },
          { value: "|", label: t("profile.delimiters.pipe") },
        ])}
        {choice("decimalSeparator", "profile-decimal", [
          { value: ".", label: t("profile.decimals.point") },
          { value: ",", label: t("profile.decimals.comma") },
        ])}
        {choice(
          "thousandsSeparator",
          "profile-thousands",
          [
            { value: "", label: t("profile.thousands.none") },
            { value: ".", label: t("profile.thousands.point") },
            { value: ",", label: t("profile.thousands.comma") },
            { value: " ", label: t("profile.thousands.space") },
            { value: "'", label: t("profile.thousands.apostrophe") },
          ],
          "body.mapping.thousandsSeparator",
        )}
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
        {choice("territoryMatchBy", "profile-match", [
          { value: "name", label: t("profile.matchBy.name") },
          { value: "code", label: t("profile.matchBy.code") },
        ])}
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
