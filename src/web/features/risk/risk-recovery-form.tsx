import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyRisk, RecoveryTestValues } from "../../../contracts/company-risk.ts";
import { computeRecoveryTest } from "../../../domain/early-warning/recovery-test.ts";
import { crisisCodeRuleSet2019 } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { centsToEuros, readAmounts } from "./euro-amounts.ts";
import { saveRecoveryTest } from "./risk-api.ts";
import { RiskBadge } from "./risk-badge.tsx";
import { AmountField, fieldError, InputHistory, LastSaved, PeriodField } from "./risk-input-fields.tsx";

const debtFields = [
  "overdueDebtCents",
  "rescheduledOrSuspendedDebtCents",
  "creditLinesNotRenewedCents",
  "loanInstalmentsDueWithinTwoYearsCents",
  "plannedInvestmentsCents",
  "nonStrategicAssetDisposalProceedsCents",
  "plannedNewEquityAndShareholderLoansCents",
  "availableCashCents",
  "workforceReorganisationFundingCents",
  "firstYearGrossOperatingMarginCents",
] as const;
const flowFields = [
  "normalisedEbitdaCents",
  "maintenanceCapitalExpenditureCents",
  "incomeTaxesCents",
] as const;
type FieldName = (typeof debtFields)[number] | (typeof flowFields)[number];
const fieldNames: readonly FieldName[] = [...debtFields, ...flowFields];
const signedFields: readonly FieldName[] = ["firstYearGrossOperatingMarginCents", "normalisedEbitdaCents"];

// The preview runs the same engine as the server, with the rule set the server used (else no preview).
const knownRuleSets = [crisisCodeRuleSet2019];

/** The recovery test's items with a live band preview; saving stores them and returns the band. */
export function RecoveryTestForm({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const saved = risk.inputs.recoveryTest;
  const proxy = risk.ebitdaProxy;
  const initial = Object.fromEntries(
    fieldNames.map((name) => {
      const value = saved?.values[name];
      return [name, centsToEuros(typeof value === "number" ? value : undefined)];
    }),
  ) as Record<FieldName, string>;
  if (!saved && proxy?.valueCents !== null && proxy?.valueCents !== undefined) {
    initial.normalisedEbitdaCents = centsToEuros(proxy.valueCents);
  }
  const [texts, setTexts] = useState(initial);
  const [period, setPeriod] = useState(saved?.periodEndOn ?? risk.statements.at(-1)?.periodEndOn ?? "");
  const [error, setError] = useState<unknown>();
  const [isSaving, setIsSaving] = useState(false);
  const [savedMessage, setSavedMessage] = useState(false);
  const [version, setVersion] = useState(0);
  const amounts = readAmounts(texts, fieldNames);
  const ruleSet = knownRuleSets.find((candidate) => candidate.version === risk.ruleSets.crisisCode);
  const preview = ruleSet ? computeRecoveryTest(amounts.values, ruleSet) : undefined;
  const euros = (cents: number | undefined) => (cents === undefined ? "—" : format.money(cents, "EUR"));
  const change = (name: string, value: string) => {
    setSavedMessage(false);
    setTexts((current) => ({ ...current, [name]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (amounts.invalid.length > 0) return;
    setIsSaving(true);
    try {
      await saveRecoveryTest(risk.company.id, period, amounts.values as RecoveryTestValues);
      setSavedMessage(true);
      setVersion((current) => current + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  }

  const field = (name: FieldName) => (
    <AmountField
      key={name}
      name={name}
      label={t(`recovery.fields.${name}`)}
      value={texts[name]}
      onChange={change}
      allowNegative={signedFields.includes(name)}
      error={fieldError(error, name, amounts.invalid, t("inputs.invalidAmount"))}
      hint={
        name === "normalisedEbitdaCents" && proxy
          ? proxy.valueCents === null
            ? t("recovery.ebitdaMissing", { items: proxy.missing.join(", ") })
            : t("recovery.ebitdaHint", {
                date: format.date(proxy.periodEndOn),
                amount: euros(proxy.valueCents),
              })
          : undefined
      }
    />
  );
  return (
    <section className="panel" id="risk-recovery" aria-labelledby="risk-recovery-title">
      <h2 id="risk-recovery-title">{t("recovery.title")}</h2>
      <p className="table__note">{t("recovery.lead")}</p>
      <LastSaved input={saved} />
      <form className="form risk-form" onSubmit={submit} noValidate>
        <PeriodField id="recovery-period" risk={risk} value={period} onChange={setPeriod} />
        <p className="field__hint">{t("inputs.eurosHint")}</p>
        <fieldset>
          <legend>{t("recovery.debt")}</legend>
          <div className="risk-form-grid">{debtFields.map(field)}</div>
        </fieldset>
        <fieldset>
          <legend>{t("recovery.flow")}</legend>
          <div className="risk-form-grid">{flowFields.map(field)}</div>
        </fieldset>
        {preview && (
          <div className="risk-result" aria-live="polite">
            <h3>{t("recovery.preview")}</h3>
            {preview.status === "computed" ? (
              <>
                <p>
                  <RiskBadge zone={preview.zone}>{t(`recovery.band.${preview.zone}`)}</RiskBadge>
                </p>
                {preview.value !== undefined && (
                  <p>{t("recovery.ratio", { ratio: format.number(preview.value, 2) })}</p>
                )}
                <p className="table__note">
                  {t("recovery.amounts", {
                    debt: euros(preview.inputs.debtToRestructureCents),
                    flow: euros(preview.inputs.yearlyFlowCents),
                  })}
                </p>
              </>
            ) : (
              <p className="risk-missing">
                {t("recovery.missing", {
                  items: preview.missing
                    .map((name) => t(`recovery.fields.${name}`, { defaultValue: name }))
                    .join(", "),
                })}
              </p>
            )}
            <p className="table__note">
              {t("recovery.cutOffs", {
                values: risk.recoveryTestCutOffs.map((cutOff) => format.number(cutOff.value)).join(" · "),
                decree: preview.decreeVersion.value,
              })}
            </p>
          </div>
        )}
        {error !== undefined && <ErrorAlert error={error} />}
        {savedMessage && (
          <p role="status" className="alert alert--success">
            {t("inputs.saved")}
          </p>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={isSaving || amounts.invalid.length > 0}>
            {isSaving ? t("inputs.saving") : t("inputs.save")}
          </button>
        </div>
      </form>
      <InputHistory
        companyId={risk.company.id}
        kind="recovery_test"
        version={version}
        labelOf={(name) => t(`recovery.fields.${name}`, { defaultValue: name })}
      />
    </section>
  );
}
