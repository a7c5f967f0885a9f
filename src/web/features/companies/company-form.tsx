import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { legalFormCodes } from "../../../domain/companies/normalise-legal-form.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { AtecoField } from "./ateco-field.tsx";
import { saveCompany } from "./company-api.ts";
import {
  type CompanyFormField,
  type CompanyFormProblems,
  type CompanyFormValues,
  checkCompanyForm,
  companyFormFields,
  italy,
  problemsFromServer,
  toCompanyInput,
} from "./company-form-values.ts";
import { CompanyLocationFields } from "./company-location-fields.tsx";
import { readNavigationState } from "./navigation-state.ts";
import { selectTerritories, territoryName, useTerritories } from "./reference-data.ts";

const fieldIds: Record<CompanyFormField, string> = {
  countryCode: "company-country",
  taxCode: "company-tax-code",
  name: "company-name",
  legalForm: "company-legal-form",
  atecoCode: "company-ateco",
  address: "company-address",
  municipalityCode: "company-municipality",
  nuts3Code: "company-nuts3",
  districtCode: "company-district",
  headcount: "company-headcount",
};

/** The company form, for a new company (no `companyId`) or to edit one; saved, it opens the company. */
export function CompanyForm({ companyId, initial }: { companyId?: string; initial: CompanyFormValues }) {
  const { t, i18n } = useTranslation("companies");
  const navigate = useNavigate();
  const { listSearch } = readNavigationState(useLocation().state);
  const territories = useTerritories();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<CompanyFormProblems>({});
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const language = i18n.language;
  const territoryItems = territories.status === "ready" ? territories.data.items : [];
  const countries = selectTerritories(territoryItems, "country", language);
  const regionNames = useMemo(
    () =>
      new Map(
        selectTerritories(territoryItems, "nuts3", language).map((region) => [
          region.code,
          territoryName(region, language),
        ]),
      ),
    [territoryItems, language],
  );

  function change(update: Partial<CompanyFormValues>) {
    setValues((previous) => ({ ...previous, ...update }));
    // A corrected field loses its message; the others keep theirs until the next attempt.
    setProblems((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(update)) {
        const field = key === "municipality" || key === "municipalityText" ? "municipalityCode" : key;
        delete next[field as CompanyFormField];
      }
      return next;
    });
  }

  function changeCountry(countryCode: string) {
    const isSameCountry = (code: string) =>
      territoryItems.some((item) => item.code === code && item.countryCode === countryCode);
    change({
      countryCode,
      municipality: countryCode === italy ? values.municipality : undefined,
      municipalityText: countryCode === italy ? values.municipalityText : "",
      nuts3Code: isSameCountry(values.nuts3Code) ? values.nuts3Code : "",
      districtCode: isSameCountry(values.districtCode) ? values.districtCode : "",
    });
  }

  function focusFirstProblem(found: CompanyFormProblems) {
    const first = companyFormFields.find((field) => found[field]);
    if (first) window.requestAnimationFrame(() => document.getElementById(fieldIds[first])?.focus());
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    const found = checkCompanyForm(values);
    setProblems(found);
    if (Object.keys(found).length > 0) return focusFirstProblem(found);
    setIsBusy(true);
    try {
      const company = await saveCompany(companyId, toCompanyInput(values));
      navigate(`/companies/${company.id}`, {
        state: { saved: companyId ? "updated" : "created", listSearch },
      });
    } catch (caught) {
      setError(caught);
      const fromServer = problemsFromServer(caught, values);
      setProblems(fromServer);
      focusFirstProblem(fromServer);
      setIsBusy(false);
    }
  }

  const errorOf = (field: CompanyFormField) => {
    const problem = problems[field];
    return problem ? t(`form.errors.${field}.${problem}`) : undefined;
  };
  const hasProblems = Object.keys(problems).length > 0;
  const taxCodeHint = values.countryCode === italy ? "IT" : values.countryCode === "PT" ? "PT" : "other";
  return (
    <form className="form companies-form" onSubmit={submit} noValidate>
      {hasProblems && !error && (
        <div role="alert" className="alert alert--error">
          {t("form.checkFields")}
        </div>
      )}
      <ErrorAlert
        error={error}
        messages={
          hasProblems ? { validation_failed: t("form.checkFields"), conflict: t("form.checkFields") } : {}
        }
      />
      <fieldset className="companies-fieldset">
        <legend>{t("form.identity")}</legend>
        <div className="companies-form-grid companies-form-grid--identity">
          <div className="field">
            <label htmlFor="company-country">{t("form.country")}</label>
            <select
              id="company-country"
              value={values.countryCode}
              aria-busy={territories.status === "loading"}
              onChange={(event) => changeCountry(event.target.value)}
            >
              {countries.length === 0 && <option value={values.countryCode}>{values.countryCode}</option>}
              {countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {territoryName(country, language)} ({country.code})
                </option>
              ))}
            </select>
          </div>
          <FormField
            id="company-tax-code"
            label={t("form.taxCode")}
            hint={t(`form.taxCodeHints.${taxCodeHint}`)}
            autoComplete="off"
            spellCheck={false}
            required
            value={values.taxCode}
            onChange={(event) => change({ taxCode: event.target.value })}
            error={errorOf("taxCode")}
          />
        </div>
        <FormField
          id="company-name"
          label={t("form.name")}
          autoComplete="organization"
          required
          value={values.name}
          onChange={(event) => change({ name: event.target.value })}
          error={errorOf("name")}
        />
        <div className={`field${problems.legalForm ? " field--invalid" : ""}`}>
          <label htmlFor="company-legal-form">{t("form.legalForm")}</label>
          <select
            id="company-legal-form"
            required
            value={values.legalForm}
            aria-invalid={problems.legalForm ? true : undefined}
            aria-describedby={problems.legalForm ? "company-legal-form-error" : undefined}
            onChange={(event) => change({ legalForm: event.target.value })}
          >
            <option value="">{t("form.chooseLegalForm")}</option>
            {legalFormCodes.map((code) => (
              <option key={code} value={code}>
                {t(`translation:legalForms.${code}`)}
              </option>
            ))}
          </select>
          {problems.legalForm && (
            <p id="company-legal-form-error" className="field__error">
              {errorOf("legalForm")}
            </p>
          )}
        </div>
      </fieldset>
      <fieldset className="companies-fieldset">
        <legend>{t("form.activity")}</legend>
        <div className="companies-form-grid">
          <AtecoField
            value={values.atecoCode}
            onChange={(atecoCode) => change({ atecoCode })}
            error={errorOf("atecoCode")}
          />
          <FormField
            id="company-headcount"
            label={t("form.headcount")}
            hint={t("form.headcountHint")}
            inputMode="numeric"
            autoComplete="off"
            className="companies-input--short"
            value={values.headcount}
            onChange={(event) => change({ headcount: event.target.value })}
            error={errorOf("headcount")}
          />
        </div>
      </fieldset>
      <fieldset className="companies-fieldset">
        <legend>{t("form.location")}</legend>
        <FormField
          id="company-address"
          label={t("form.address")}
          autoComplete="street-address"
          value={values.address}
          onChange={(event) => change({ address: event.target.value })}
          error={errorOf("address")}
        />
        <CompanyLocationFields
          values={values}
          onChange={change}
          territories={territoryItems}
          regionNames={regionNames}
          errorOf={errorOf}
        />
      </fieldset>
      <div className="form__actions">
        <Link
          to={companyId ? `/companies/${companyId}` : `/companies${listSearch}`}
          state={{ listSearch }}
          className="button button--secondary"
        >
          {t("translation:common.cancel")}
        </Link>
        <button type="submit" className="button" disabled={isBusy}>
          {isBusy ? t("form.saving") : companyId ? t("form.saveChanges") : t("form.create")}
        </button>
      </div>
    </form>
  );
}
