import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type UserSummary, UserSummarySchema } from "../../../contracts/users.ts";
import { type Role, roles } from "../../../domain/access/roles.ts";
import { apiRequest } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { CompanyPicker } from "./company-picker.tsx";
import { fieldErrorText, formAlertMessages } from "./field-errors.ts";
import { grantScopeKind, isUuid, parseCompanyIds } from "./grant-scope.ts";
import { TerritorySelect } from "./territory-select.tsx";

const uuidsIn = (text: string) =>
  text.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi) ?? [];

export function AddGrantForm({ user, onGranted }: { user: UserSummary; onGranted(user: UserSummary): void }) {
  const { t } = useTranslation("admin");
  const [role, setRole] = useState<Role | "">("");
  const [territoryCode, setTerritoryCode] = useState("");
  const [companyText, setCompanyText] = useState("");
  const [error, setError] = useState<unknown>();
  const [localError, setLocalError] = useState<string>();
  const [isBusy, setIsBusy] = useState(false);
  const scope = role ? grantScopeKind(role) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!role) return;
    setError(undefined);
    setLocalError(undefined);
    const companyIds = scope === "companies" ? parseCompanyIds(companyText) : [];
    const malformed = companyIds.filter((id) => !isUuid(id));
    if (malformed.length > 0) {
      setLocalError(t("addGrant.malformedIds", { ids: malformed.join(", ") }));
      return;
    }
    if (scope === "companies" && companyIds.length === 0) {
      setLocalError(t("addGrant.companiesRequired"));
      return;
    }
    setIsBusy(true);
    try {
      const next = await apiRequest(`/api/admin/users/${user.id}/grants`, UserSummarySchema, {
        method: "POST",
        body: {
          role,
          ...(scope !== "companies" && territoryCode ? { territoryCode } : {}),
          ...(scope === "companies" ? { companyIds } : {}),
        },
      });
      setRole("");
      setTerritoryCode("");
      setCompanyText("");
      onGranted(next);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  const territoryError = fieldErrorText(error, "body.territoryCode", t("addGrant.territoryInvalid"));
  // The server lists the unknown identifiers in its (English) message; they read the same in any language.
  const companiesError =
    localError ??
    fieldErrorText(error, "body.companyIds", (message) =>
      uuidsIn(message).length > 0
        ? t("addGrant.unknownCompanies", { ids: uuidsIn(message).join(", ") })
        : t("addGrant.companiesRequired"),
    );
  return (
    <form className="panel form" onSubmit={submit} aria-labelledby="add-grant-title" noValidate>
      <h2 id="add-grant-title">{t("addGrant.title")}</h2>
      <p className="field__hint">{t("addGrant.lead")}</p>
      <ErrorAlert
        error={error}
        messages={formAlertMessages(error, ["body.territoryCode", "body.companyIds"], t("checkFields"))}
      />
      <div className="field admin-limited-width">
        <label htmlFor="grant-role">{t("addGrant.role")}</label>
        <select
          id="grant-role"
          value={role}
          required
          onChange={(event) => {
            setRole(event.target.value as Role | "");
            setError(undefined);
            setLocalError(undefined);
          }}
          aria-describedby={scope ? "grant-scope-explanation" : undefined}
        >
          <option value="">{t("addGrant.chooseRole")}</option>
          {roles.map((option) => (
            <option key={option} value={option}>
              {t(`translation:roles.${option}`)} — {t(`addGrant.scopeShort.${grantScopeKind(option)}`)}
            </option>
          ))}
        </select>
      </div>
      {scope && (
        <fieldset className="admin-fieldset admin-limited-width">
          <legend>{t(`addGrant.scopeLegend.${scope}`)}</legend>
          <p id="grant-scope-explanation" className="notice admin-scope-notice">
            {t(`addGrant.scopeExplanation.${scope}`, { role: t(`translation:roles.${role}`) })}
          </p>
          {scope === "companies" ? (
            <>
              <CompanyPicker
                pickedIds={new Set(parseCompanyIds(companyText))}
                onPick={(company) => {
                  const listed = companyText.trim();
                  setCompanyText(listed ? `${listed}\n${company.id}` : company.id);
                  setLocalError(undefined);
                }}
              />
              <div className={`field${companiesError ? " field--invalid" : ""}`}>
                <label htmlFor="grant-companies">{t("addGrant.companies")}</label>
                <p id="grant-companies-hint" className="field__hint">
                  {t("addGrant.companiesHint")}
                </p>
                <textarea
                  id="grant-companies"
                  rows={4}
                  className="admin-monospace"
                  value={companyText}
                  onChange={(event) => setCompanyText(event.target.value)}
                  aria-invalid={companiesError ? true : undefined}
                  aria-describedby={
                    companiesError ? "grant-companies-hint grant-companies-error" : "grant-companies-hint"
                  }
                />
                {companiesError && (
                  <p id="grant-companies-error" className="field__error">
                    {companiesError}
                  </p>
                )}
              </div>
            </>
          ) : (
            <div className={`field${territoryError ? " field--invalid" : ""}`}>
              <label htmlFor="grant-territory">
                {scope === "territory" ? t("addGrant.territory") : t("addGrant.territoryOptional")}
              </label>
              <TerritorySelect
                id="grant-territory"
                value={territoryCode}
                onChange={setTerritoryCode}
                isRequired={scope === "territory"}
                isInvalid={territoryError !== undefined}
                describedBy={territoryError ? "grant-territory-error" : undefined}
              />
              {territoryError && (
                <p id="grant-territory-error" className="field__error">
                  {territoryError}
                </p>
              )}
            </div>
          )}
        </fieldset>
      )}
      <div className="form__actions">
        <button type="submit" className="button" disabled={!role || isBusy}>
          {t("addGrant.submit")}
        </button>
      </div>
    </form>
  );
}
