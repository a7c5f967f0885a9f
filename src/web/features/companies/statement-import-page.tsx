import { type DragEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type FileImportReportBody,
  FileImportReportSchema,
  type SpreadsheetImportReportBody,
  SpreadsheetImportReportSchema,
} from "../../../contracts/imports.ts";
import { apiRequest } from "../../api-client.ts";
import { describeError } from "../../components/error-alert.tsx";
import { ImportScoringStatus } from "./import-scoring-status.tsx";

const maximumFileBytes = 8 * 1024 * 1024;

type Row = {
  id: string;
  fileName: string;
  state: "waiting" | "sending" | "done";
  report?: FileImportReportBody;
  spreadsheet?: SpreadsheetImportReportBody;
  error?: string;
};

const isSpreadsheet = (name: string) => /\.(csv|xlsx)$/i.test(name);

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/** Upload of XBRL filings: one request per file, so progress is real and one bad file stops nothing. */
export function StatementImportPage() {
  const { t } = useTranslation("companies");
  const { t: translate } = useTranslation();
  const [rows, setRows] = useState<Row[]>([]);
  const [isDragging, setIsDragging] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const done = rows.filter((row) => row.state === "done").length;

  async function send(files: File[]) {
    if (files.length === 0 || isBusy) return;
    setIsBusy(true);
    const initial: Row[] = files.map((file) => ({
      id: crypto.randomUUID(),
      fileName: file.name,
      state: "waiting",
    }));
    setRows(initial);
    for (const [index, file] of files.entries()) {
      const update = (row: Partial<Row>) =>
        setRows((current) =>
          current.map((existing, position) => (position === index ? { ...existing, ...row } : existing)),
        );
      if (file.size > maximumFileBytes) {
        update({
          state: "done",
          error: t("statementImport.tooLarge", { megabytes: maximumFileBytes / 1024 / 1024 }),
        });
        continue;
      }
      update({ state: "sending" });
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const body = { fileName: file.name, contentBase64: toBase64(bytes) };
        if (isSpreadsheet(file.name)) {
          const spreadsheet = await apiRequest(
            "/api/statements/import-spreadsheet",
            SpreadsheetImportReportSchema,
            {
              method: "POST",
              body,
            },
          );
          update({ state: "done", spreadsheet });
        } else {
          const report = await apiRequest("/api/statements/import", FileImportReportSchema, {
            method: "POST",
            body,
          });
          update({ state: "done", report });
        }
      } catch (error) {
        update({ state: "done", error: describeError(error, translate) });
      }
    }
    setIsBusy(false);
  }

  function drop(event: DragEvent) {
    event.preventDefault();
    setIsDragging(false);
    void send([...event.dataTransfer.files]);
  }

  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/companies">← {t("list.title")}</Link>
        </p>
        <h1>{t("statementImport.title")}</h1>
      </header>
      <p className="companies-lead">{t("statementImport.lead")}</p>
      <section
        className={`panel import-drop${isDragging ? " import-drop--active" : ""}`}
        aria-labelledby="statement-drop-title"
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={drop}
      >
        <h2 id="statement-drop-title">{t("statementImport.choose")}</h2>
        <p>{t("statementImport.dropHint")}</p>
        <p>
          {t("statementImport.templateLead")}{" "}
          <a href="/api/statement-template?locale=it&format=xlsx">{t("statementImport.templateIt")}</a> ·{" "}
          <a href="/api/statement-template?locale=en&format=xlsx">{t("statementImport.templateEn")}</a>
        </p>
        <label className="button" htmlFor="statement-files">
          {t("statementImport.pick")}
        </label>
        <input
          ref={input}
          id="statement-files"
          className="visually-hidden"
          type="file"
          multiple
          accept=".xbrl,.xml,.csv,.xlsx"
          disabled={isBusy}
          onChange={(event) => void send([...(event.target.files ?? [])])}
        />
      </section>
      {rows.length > 0 && (
        <section className="panel" aria-labelledby="statement-report-title">
          <h2 id="statement-report-title">{t("statementImport.reportTitle")}</h2>
          <progress
            max={rows.length}
            value={done}
            aria-label={t("statementImport.progress", { done, total: rows.length })}
          />
          <p role="status">{t("statementImport.progress", { done, total: rows.length })}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("statementImport.file")}</th>
                <th scope="col">{t("statementImport.outcome")}</th>
                <th scope="col">{t("statementImport.details")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <td>{row.fileName}</td>
                  <td>
                    <OutcomeBadge row={row} />
                  </td>
                  <td>
                    <RowDetails row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}

function OutcomeBadge({ row }: { row: Row }) {
  const { t } = useTranslation("companies");
  if (row.state !== "done") return <span className="badge">{t(`statementImport.states.${row.state}`)}</span>;
  const outcome = row.error ? "rejected" : (row.report?.outcome ?? row.spreadsheet?.outcome ?? "rejected");
  const tone = outcome === "imported" ? "badge--success" : outcome === "rejected" ? "badge--danger" : "";
  return <span className={`badge ${tone}`}>{t(`statementImport.outcomes.${outcome}`)}</span>;
}

function RowDetails({ row }: { row: Row }) {
  const { t } = useTranslation("companies");
  if (row.error) return <>{row.error}</>;
  if (row.spreadsheet) {
    if (row.spreadsheet.outcome === "rejected") {
      return (
        <ul className="import-problems">
          {row.spreadsheet.problems.slice(0, 20).map((problem) => (
            <li key={`${problem.row}:${problem.column}:${problem.message}`}>{problem.message}</li>
          ))}
        </ul>
      );
    }
    return (
      <>
        {t("statementImport.spreadsheetRows", { count: row.spreadsheet.rows.length })}
        {row.spreadsheet.scoring && (
          <>
            {" · "}
            <ImportScoringStatus scoring={row.spreadsheet.scoring} />
          </>
        )}
      </>
    );
  }
  const report = row.report;
  if (!report) return null;
  if (report.outcome === "rejected") return <>{report.reason}</>;
  return (
    <>
      <Link to={`/companies/${report.company.id}`}>{report.company.name}</Link> ({report.company.taxCode}
      {report.company.isNew ? `, ${t("statementImport.newCompany")}` : ""}) —{" "}
      {report.periods
        .map(
          (period) =>
            `${period.periodEndOn.slice(0, 4)}${period.isOwnPeriod ? "" : ` ${t("statementImport.comparative")}`}${period.isShortPeriod ? ` ${t("statementImport.shortPeriod")}` : ""}`,
        )
        .join(", ")}
      {report.scoring && (
        <>
          {" · "}
          <ImportScoringStatus scoring={report.scoring} />
        </>
      )}
    </>
  );
}
