import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  CompanyRisk,
  LegalSignalJudgement,
  ManagementSignalsValues,
} from "../../../contracts/company-risk.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { centsToEuros, readAmounts } from "./euro-amounts.ts";
import { saveManagementSignals } from "./risk-api.ts";
import { RiskBadge } from "./risk-badge.tsx";
import { AmountField, fieldError, InputHistory, LastSaved, PeriodField } from "./risk-input-fields.tsx";

const article3Fields = [
  "wagesOverdueCents",
  "monthlyPayrollCents",
  "supplierDebtsOverdueCents",
  "supplierDebtsNotYetDueCents",
  "bankExposuresOverdueCents",
  "bankExposuresOverLimitCents",
  "totalBankExposuresCents",
] as const;
const article25Fields = [
  "inpsContributionsOverdueCents",
  "previousYearInpsContributionsCents",
  "inailPremiumsOverdueCents",
  "vatUnpaidCents",
  "previousYearVatTurnoverCents",
  "taxCollectionDebtsOverdueCents",
] as const;
type AmountName = (typeof article3Fields)[number] | (typeof article25Fields)[number];
const amountNames: readonly AmountName[] = [...article3Fields, ...article25Fields];

/** The judged signals: each with its status, the rule's dates and sources. */
export function SignalsResult({ result }: { result: LegalSignalJudgement }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  return (
    <div className="risk-result" aria-live="polite">
      <h3>
        {t("signals.result.title")}:{" "}
        <RiskBadge zone={result.zone}>{t(`signals.result.zone.${result.zone}`)}</RiskBadge>
      </h3>
      <p className="table__note">
        {result.rulesInForceFrom
          ? t("signals.result.inForce", { date: format.date(result.rulesInForceFrom) })
          : t("signals.result.notInForce")}{" "}
        ({result.ruleSetVersion})
      </p>
      <ul className="risk-signal-list">
        {result.signals.map((signal) => (
          <li key={signal.signal}>
            <strong>{t(`signals.result.names.${signal.signal}`)}</strong>:{" "}
            <RiskBadge
              zone={signal.status === "fired" ? "red" : signal.status === "not_fired" ? "green" : "grey"}
            >
              {t(`signals.result.status.${signal.status}`)}
            </RiskBadge>
            {signal.missing.length > 0 && (
              <span className="risk-missing">
                {" "}
                {t("signals.result.missing", {
                  items: signal.missing
                    .map((name) => t(`signals.fields.${name}`, { defaultValue: name }))
                    .join(", "),
                })}
              </span>
            )}
            {signal.thresholds.length > 0 && (
              <details>
                <summary>{t("models.thresholds")}</summary>
                <ul>
                  {[...new Set(signal.thresholds.map((threshold) => threshold.source))].map((source) => (
                    <li key={source}>{source}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The art. 3 c.4 and art. 25-novies management data form; saving returns the judged signals. */
export function ManagementSignalsForm({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const saved = risk.inputs.managementSignals;
  const initial = Object.fromEntries(
    amountNames.map((name) => {
      const value = saved?.values[name];
      return [name, centsToEuros(typeof value === "number" ? value : undefined)];
    }),
  ) as Record<AmountName, string>;
  const [texts, setTexts] = useState(initial);
  const [hasEmployees, setHasEmployees] = useState(
    saved?.values.hasEmployees === undefined ? "" : String(saved.values.hasEmployees),
  );
  const [companyKind, setCompanyKind] = useState(String(saved?.values.companyKind ?? ""));
  const [period, setPeriod] = useState(saved?.periodEndOn ?? risk.statements.at(-1)?.periodEndOn ?? "");
  const [result, setResult] = useState(risk.legalSignals);
  const [error, setError] = useState<unknown>();
  const [invalid, setInvalid] = useState<AmountName[]>([]);
  const [isSaving, setIsSaving] = useState(false);
  const [version, setVersion] = useState(0);
  const change = (name: string, value: string) => setTexts((current) => ({ ...current, [name]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amounts = readAmounts(texts, amountNames);
    setInvalid(amounts.invalid);
    setError(undefined);
    if (amounts.invalid.length > 0) return;
    const values: ManagementSignalsValues = { ...amounts.values };
    if (hasEmployees !== "") values.hasEmployees = hasEmployees === "true";
    if (companyKind !== "") values.companyKind = companyKind as ManagementSignalsValues["companyKind"];
    setIsSaving(true);
    try {
      const response = await saveManagementSignals(risk.company.id, period, values);
      setResult(response.result);
      setVersion((current) => current + 1);
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  }

  const amountField = (name: AmountName) => (
    <AmountField
      key={name}
      name={name}
      label={t(`signals.fields.${name}`)}
      value={texts[name]}
      onChange={change}
      error={fieldError(error, name, invalid, t("inputs.invalidAmount"))}
    />
  );
  return (
    <section className="panel" id="risk-signals" aria-labelledby="risk-signals-title">
      <h2 id="risk-signals-title">{t("signals.title")}</h2>
      <p className="table__note">{t("signals.lead")}</p>
      <LastSaved input={saved} />
      <form className="form risk-form" onSubmit={submit} noValidate>
        <PeriodField id="signals-period" risk={risk} value={period} onChange={setPeriod} />
        <p className="field__hint">{t("inputs.eurosHint")}</p>
        <fieldset>
          <legend>{t("signals.article3")}</legend>
          <div className="risk-form-grid">{article3Fields.map(amountField)}</div>
        </fieldset>
        <fieldset>
          <legend>{t("signals.article25Novies")}</legend>
          <div className="risk-form-grid">
            {article25Fields.map(amountField)}
            <div className="field">
              <label htmlFor="signals-employees">{t("signals.hasEmployees.label")}</label>
              <select
                id="signals-employees"
                value={hasEmployees}
                onChange={(event) => setHasEmployees(event.target.value)}
              >
                <option value="">{t("signals.hasEmployees.unknown")}</option>
                <option value="true">{t("signals.hasEmployees.yes")}</option>
                <option value="false">{t("signals.hasEmployees.no")}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="signals-kind">{t("signals.companyKind.label")}</label>
              <select
                id="signals-kind"
                value={companyKind}
                onChange={(event) => setCompanyKind(event.target.value)}
              >
                <option value="">{t("signals.companyKind.unknown")}</option>
                {(["sole_trader", "partnership", "other"] as const).map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`signals.companyKind.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </fieldset>
        {error !== undefined && <ErrorAlert error={error} />}
        <div className="form__actions">
          <button type="submit" className="button" disabled={isSaving}>
            {isSaving ? t("inputs.saving") : t("inputs.save")}
          </button>
        </div>
      </form>
      {result && <SignalsResult result={result} />}
      <InputHistory
        companyId={risk.company.id}
        kind="management_signals"
        version={version}
        labelOf={(name) => t(`signals.fields.${name}`, { defaultValue: name })}
      />
    </section>
  );
}
