import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CompanyImportReport } from "../../../contracts/registry.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { type ReportRow, readRowMessage, sortReportRows } from "./import-file.ts";

const rowsShownAtFirst = 200;

const outcomeBadge: Record<ReportRow["outcome"], string> = {
  error: "badge badge--danger",
  create: "badge badge--success",
  update: "badge",
  unchanged: "badge companies-badge--muted",
};

/** The counts, the ignored columns and the rows of an import report (a check or the import itself). */
export function ImportReport({ report }: { report: CompanyImportReport }) {
  const { t } = useTranslation("companies");
  const format = useFormat();
  const tense = report.isApplied ? "done" : "planned";
  const tiles = [
    { key: "create", value: report.counts.create, className: "companies-stat--create" },
    { key: "update", value: report.counts.update, className: "companies-stat--update" },
    { key: "unchanged", value: report.counts.unchanged, className: "companies-stat--unchanged" },
    { key: "error", value: report.counts.error, className: "companies-stat--error" },
  ] as const;
  return (
    <>
      <dl className="companies-stats">
        {tiles.map((tile) => (
          <div key={tile.key} className={`companies-stat ${tile.className}`}>
            <dt>{t(`import.counts.${tense}.${tile.key}`)}</dt>
            <dd>{format.number(tile.value)}</dd>
          </div>
        ))}
      </dl>
      {report.ignoredColumns.length > 0 && (
        <div className="notice companies-notice">
          <p>{t("import.ignoredColumns", { count: report.ignoredColumns.length })}</p>
          <ul className="companies-inline-list">
            {report.ignoredColumns.map((column) => (
              <li key={column}>
                <code>{column}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.rows.length > 0 && <ReportRows rows={report.rows} />}
    </>
  );
}

function ReportRows({ rows }: { rows: ReportRow[] }) {
  const { t, i18n } = useTranslation("companies");
  const format = useFormat();
  const [isShowingAll, setIsShowingAll] = useState(false);
  const sorted = sortReportRows(rows);
  const shown = isShowingAll ? sorted : sorted.slice(0, rowsShownAtFirst);
  // The server writes its row messages in English.
  const messageLanguage = i18n.language === "en" ? undefined : "en";

  function describeMessage(message: string) {
    const parsed = readRowMessage(message);
    if (parsed.kind === "changes") {
      return t("import.changes", {
        fields: parsed.fields
          .map((field) => t(`import.fieldNames.${field}`, { defaultValue: field }))
          .join(", "),
      });
    }
    if (parsed.kind === "field") {
      return (
        <>
          <strong>{t(`import.fieldNames.${parsed.field}`)}</strong>:{" "}
          <span lang={messageLanguage}>{parsed.text}</span>
        </>
      );
    }
    return <span lang={messageLanguage}>{parsed.text}</span>;
  }

  return (
    <div className="table-scroll companies-report-rows">
      <table className="table">
        <caption className="visually-hidden">{t("import.rowsCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="companies-table__number">
              {t("import.columns.row")}
            </th>
            <th scope="col">{t("import.columns.outcome")}</th>
            <th scope="col">{t("import.columns.taxCode")}</th>
            <th scope="col">{t("import.columns.name")}</th>
            <th scope="col">{t("import.columns.messages")}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.row} className={row.outcome === "error" ? "companies-row--error" : undefined}>
              <th scope="row" className="companies-table__number">
                {format.number(row.row)}
              </th>
              <td>
                <span className={outcomeBadge[row.outcome]}>{t(`import.outcomes.${row.outcome}`)}</span>
              </td>
              <td className="companies-table__tax-code">{row.taxCode ?? "—"}</td>
              <td>{row.name ?? "—"}</td>
              <td>
                {row.messages.length === 0 ? (
                  <span className="companies-muted">—</span>
                ) : (
                  <ul className="companies-messages">
                    {row.messages.map((message) => (
                      <li key={message}>{describeMessage(message)}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > shown.length && (
        <div className="companies-load-more">
          <p className="companies-muted">
            {t("import.rowsShown", {
              shown: format.number(shown.length),
              total: format.number(sorted.length),
            })}
          </p>
          <button type="button" className="button button--secondary" onClick={() => setIsShowingAll(true)}>
            {t("import.showAllRows", { total: format.number(sorted.length) })}
          </button>
        </div>
      )}
    </div>
  );
}
