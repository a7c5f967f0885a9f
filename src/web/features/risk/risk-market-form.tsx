import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyRisk, MarketDataValues } from "../../../contracts/company-risk.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { FormField } from "../../components/form-field.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { centsToEuros, eurosToCents } from "./euro-amounts.ts";
import { saveMarketData } from "./risk-api.ts";
import { AmountField, fieldError, InputHistory, LastSaved, PeriodField } from "./risk-input-fields.tsx";
import { formatScore } from "./risk-labels.ts";

type Outcome = Awaited<ReturnType<typeof saveMarketData>>["result"];

/**
 * DSCR and market value of equity for a period; saving recomputes Altman Z and the screen "with your
 * inputs" (the page reloads), never the official alert level.
 */
export function MarketDataForm({ risk, onSaved }: { risk: CompanyRisk; onSaved(): void }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const saved = risk.inputs.marketData;
  const savedValue = saved?.values.marketValueOfEquityCents;
  const [dscr, setDscr] = useState(saved?.values.dscr === undefined ? "" : String(saved.values.dscr));
  const [marketValue, setMarketValue] = useState(
    centsToEuros(typeof savedValue === "number" ? savedValue : undefined),
  );
  const [period, setPeriod] = useState(saved?.periodEndOn ?? risk.statements.at(-1)?.periodEndOn ?? "");
  const [error, setError] = useState<unknown>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [isSaving, setIsSaving] = useState(false);
  const [version, setVersion] = useState(0);
  const marketCents = eurosToCents(marketValue);
  const dscrNumber = dscr.trim() === "" ? undefined : Number(dscr);
  const invalid = [
    ...(marketCents !== undefined && Number.isNaN(marketCents) ? ["marketValueOfEquityCents"] : []),
    ...(dscrNumber !== undefined && !Number.isFinite(dscrNumber) ? ["dscr"] : []),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(undefined);
    if (invalid.length > 0) return;
    const values: MarketDataValues = {};
    if (dscrNumber !== undefined) values.dscr = dscrNumber;
    if (marketCents !== undefined) values.marketValueOfEquityCents = marketCents;
    setIsSaving(true);
    try {
      const response = await saveMarketData(risk.company.id, period, values);
      setOutcome(response.result);
      setVersion((current) => current + 1);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setIsSaving(false);
    }
  }

  const altmanZ = outcome?.altmanZ;
  return (
    <section className="panel" id="risk-market" aria-labelledby="risk-market-title">
      <h2 id="risk-market-title">{t("market.title")}</h2>
      <p className="table__note">{t("market.lead")}</p>
      <LastSaved input={saved} />
      <form className="form risk-form" onSubmit={submit} noValidate>
        <PeriodField id="market-period" risk={risk} value={period} onChange={setPeriod} />
        <div className="risk-form-grid">
          <FormField
            label={t("market.dscr")}
            hint={t("market.dscrHint")}
            type="number"
            inputMode="decimal"
            step="0.01"
            min={0}
            value={dscr}
            error={fieldError(error, "dscr", invalid, t("inputs.invalidAmount"))}
            onChange={(event) => setDscr(event.target.value)}
          />
          <AmountField
            name="marketValueOfEquityCents"
            label={t("market.marketValue")}
            hint={t("inputs.eurosHint")}
            value={marketValue}
            onChange={(_name, value) => setMarketValue(value)}
            error={fieldError(error, "marketValueOfEquityCents", invalid, t("inputs.invalidAmount"))}
          />
        </div>
        {error !== undefined && <ErrorAlert error={error} />}
        {outcome && (
          <div className="risk-result" role="status">
            {outcome.statementFound && <p>{t("market.result.withInputs")}</p>}
            {!outcome.statementFound && <p>{t("market.result.noStatement")}</p>}
            {altmanZ?.status === "computed" && altmanZ.value !== null && (
              <p>
                {t("market.result.altmanZ", {
                  value: formatScore(format, altmanZ.value),
                  zone: t(`zones.${altmanZ.zone}`, { defaultValue: altmanZ.zone }),
                })}
              </p>
            )}
            {altmanZ?.status === "not_computable" && (
              <p>{t("market.result.altmanZMissing", { items: altmanZ.missing.join(", ") })}</p>
            )}
            {outcome.cndcecScreen?.zone && (
              <p>{t("market.result.screen", { zone: t(`zones.${outcome.cndcecScreen.zone}`) })}</p>
            )}
          </div>
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={isSaving}>
            {isSaving ? t("inputs.saving") : t("inputs.save")}
          </button>
        </div>
      </form>
      <InputHistory
        companyId={risk.company.id}
        kind="market_data"
        version={version}
        labelOf={(name) => (name === "dscr" ? t("market.dscr") : t("market.marketValue"))}
      />
    </section>
  );
}
