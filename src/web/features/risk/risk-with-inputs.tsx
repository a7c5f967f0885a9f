import { useTranslation } from "react-i18next";
import type { RiskYear } from "../../../contracts/company-risk.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { RiskBadge } from "./risk-badge.tsx";
import { describeModelCell } from "./risk-labels.ts";

/**
 * One year's results with the DSCR and market value of equity users entered, labelled as such and kept
 * apart from the official level (which lists, dashboards and notifications use).
 */
export function WithInputs({ year }: { year: RiskYear }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const inputs = year.withInputs;
  if (!inputs) return null;
  const headingId = `risk-with-inputs-${year.fiscalYear}`;
  const given = [
    inputs.dscr === null ? undefined : t("withInputs.dscr", { value: format.number(inputs.dscr, 2) }),
    inputs.marketValueOfEquityCents === null
      ? undefined
      : t("withInputs.marketValue", { value: format.money(inputs.marketValueOfEquityCents, "EUR") }),
  ].filter((text): text is string => text !== undefined);
  const models = inputs.models.filter((model) => model.model !== "alert_level");
  return (
    <section className="risk-result" aria-labelledby={headingId}>
      <h3 id={headingId}>{t("withInputs.title", { year: year.fiscalYear })}</h3>
      <p className="table__note">{t("withInputs.lead", { inputs: given.join(" · ") })}</p>
      <p>
        {t("withInputs.level")} <RiskBadge zone={inputs.level}>{t(`levels.${inputs.level}`)}</RiskBadge>{" "}
        {inputs.level === year.alert.level
          ? t("withInputs.sameLevel")
          : t("withInputs.otherLevel", { level: t(`levels.${year.alert.level}`) })}
      </p>
      {models.length > 0 && (
        <ul>
          {models.map((model) => (
            <li key={model.model}>
              {t(`models.names.${model.model}`, { defaultValue: model.model })}:{" "}
              {describeModelCell(t, format, model)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every year with user inputs, below the official models table. */
export function WithInputsByYear({ years }: { years: readonly RiskYear[] }) {
  const withInputs = years.filter((year) => year.withInputs !== null);
  if (withInputs.length === 0) return null;
  return (
    <>
      {withInputs.map((year) => (
        <WithInputs key={year.statementId} year={year} />
      ))}
    </>
  );
}
