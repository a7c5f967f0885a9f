import { useTranslation } from "react-i18next";
import type { CompanyRisk } from "../../../contracts/company-risk.ts";
import { getLineItem, type LineItemId } from "../../../domain/statements/line-items.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { RiskBadge } from "./risk-badge.tsx";

/** The CNDCEC indices × years: value, breached or within the sector threshold (with its source). */
export function BreachMatrixSection({ risk }: { risk: CompanyRisk }) {
  const { t } = useTranslation("risk");
  const format = useFormat();
  const matrix = risk.breachMatrix;
  return (
    <section className="panel" id="risk-matrix" aria-labelledby="risk-matrix-title">
      <h2 id="risk-matrix-title">{t("matrix.title")}</h2>
      <p className="table__note">
        {t("matrix.lead")}{" "}
        {matrix.sectorGroup === null
          ? t(`matrix.benchmark.${matrix.benchmark === "mapped" ? "not_mapped" : matrix.benchmark}`)
          : t("matrix.sectorGroup", { group: matrix.sectorGroup })}
      </p>
      <div className="table-scroll">
        <table className="table risk-table">
          <caption className="visually-hidden">{t("matrix.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("matrix.index")}</th>
              <th scope="col">{t("matrix.threshold")}</th>
              {risk.years.map((year) => (
                <th scope="col" key={year.statementId}>
                  {year.fiscalYear}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.indices.map((row) => (
              <tr key={row.index}>
                <th scope="row">{t(`matrix.indices.${row.index}`)}</th>
                <td title={row.threshold?.source}>
                  {row.threshold
                    ? t(`matrix.${row.direction}`, { value: format.number(row.threshold.value, 1) })
                    : t("matrix.noThreshold")}
                </td>
                {row.cells.map((cell) => (
                  <td key={cell.periodEndOn}>
                    {cell.status === "computed" && cell.percent !== null ? (
                      <>
                        <span className="risk-number">{format.number(cell.percent, 2)} %</span>{" "}
                        {cell.isBreached !== null && (
                          <RiskBadge zone={cell.isBreached ? "red" : "green"}>
                            {cell.isBreached ? t("matrix.breached") : t("matrix.within")}
                          </RiskBadge>
                        )}
                      </>
                    ) : (
                      <span className="risk-missing" title={cell.reason ?? undefined}>
                        {t("matrix.notComputable")}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matrix.indices.some((row) => row.threshold) && (
        <details className="risk-sources">
          <summary>{t("models.thresholds")}</summary>
          <ul>
            {matrix.indices.map((row) =>
              row.threshold ? (
                <li key={row.index}>{t("models.source", { source: row.threshold.source })}</li>
              ) : null,
            )}
          </ul>
        </details>
      )}
    </section>
  );
}

const statementItems: readonly LineItemId[] = [
  "revenue",
  "valueOfProduction",
  "operatingResult",
  "resultBeforeTaxes",
  "netResult",
  "totalAssets",
  "equity",
  "debts",
];

/** Key statement items by year, with where each statement came from. */
export function StatementsTableSection({ risk }: { risk: CompanyRisk }) {
  const { t, i18n } = useTranslation("risk");
  const format = useFormat();
  const language = i18n.language === "en" ? "en" : "it";
  return (
    <section className="panel" id="risk-statements" aria-labelledby="risk-statements-title">
      <h2 id="risk-statements-title">{t("statements.title")}</h2>
      <div className="table-scroll">
        <table className="table table--numbers risk-table">
          <caption className="visually-hidden">{t("statements.title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("statements.item")}</th>
              {risk.statements.map((statement) => (
                <th scope="col" key={statement.id}>
                  {statement.fiscalYear}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {statementItems.map((item) => (
              <tr key={item}>
                <th scope="row">{getLineItem(item).labels[language]}</th>
                {risk.statements.map((statement) => {
                  const value = statement.items[item];
                  return (
                    <td key={statement.id}>
                      {value === undefined ? "—" : format.money(value, statement.currency)}
                    </td>
                  );
                })}
              </tr>
            ))}
            <tr>
              <th scope="row">{t("statements.source")}</th>
              {risk.statements.map((statement) => (
                <td key={statement.id} className="risk-source-cell">
                  {t("statements.sourceLine", {
                    kind: t(`statements.sourceKinds.${statement.sourceKind}`, {
                      defaultValue: statement.sourceKind,
                    }),
                    file: statement.sourceFileName ?? t("statements.noFile"),
                  })}
                  {statement.filedOn && (
                    <>
                      <br />
                      {t("statements.filedOn", { date: format.date(statement.filedOn) })}
                    </>
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
