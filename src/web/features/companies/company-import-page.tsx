import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CompanyImportReport } from "../../../contracts/registry.ts";
import { ApiError } from "../../api-client.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { importCompanyList } from "./company-api.ts";
import type { ChosenFile } from "./import-file.ts";
import { ImportFilePicker } from "./import-file-picker.tsx";
import { ImportReport } from "./import-report.tsx";

type Phase = "idle" | "checking" | "checked" | "importing" | "imported";

/** /companies/import: a CSV list checked first (nothing written), then imported all or nothing. */
export function CompanyImportPage() {
  const { t } = useTranslation("companies");
  const format = useFormat();
  const [file, setFile] = useState<ChosenFile>();
  const [phase, setPhase] = useState<Phase>("idle");
  const [report, setReport] = useState<CompanyImportReport>();
  const [error, setError] = useState<unknown>();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the result is announced when it arrives.
  useEffect(() => {
    if (phase === "checked" || phase === "imported") resultHeading.current?.focus();
  }, [phase, report]);

  function choose(next: ChosenFile | undefined) {
    setFile(next);
    setReport(undefined);
    setError(undefined);
    setPhase("idle");
  }

  async function send(isPreview: boolean) {
    if (!file) return;
    setError(undefined);
    setPhase(isPreview ? "checking" : "importing");
    try {
      const answer = await importCompanyList({ csv: file.text, fileName: file.name, isPreview });
      setReport(answer);
      setPhase(answer.isApplied ? "imported" : "checked");
    } catch (caught) {
      setError(caught);
      setPhase(report ? "checked" : "idle");
    }
  }

  const isBusy = phase === "checking" || phase === "importing";
  const changes = report ? report.counts.create + report.counts.update : 0;
  const serverMessage = error instanceof ApiError ? error.message : "";
  return (
    <>
      <header className="page-header">
        <p className="page-header__kicker">
          <Link to="/companies">{t("list.title")}</Link>
        </p>
        <h1>{t("import.title")}</h1>
        <p className="companies-lead">{t("import.lead")}</p>
      </header>
      <div className="companies-import-steps">
        <section className="panel" aria-labelledby="import-template-title">
          <h2 id="import-template-title">
            <span className="companies-step" aria-hidden="true">
              1
            </span>{" "}
            {t("import.templateTitle")}
          </h2>
          <p>{t("import.templateText")}</p>
          <ul className="companies-downloads">
            <li>
              <a href="/api/company-import-template?locale=it" download className="button button--secondary">
                {t("import.templateItalian")}
              </a>
            </li>
            <li>
              <a href="/api/company-import-template?locale=en" download className="button button--secondary">
                {t("import.templateEnglish")}
              </a>
            </li>
          </ul>
          <p className="field__hint">{t("import.columnsHint")}</p>
        </section>
        <section className="panel" aria-labelledby="import-file-title">
          <h2 id="import-file-title">
            <span className="companies-step" aria-hidden="true">
              2
            </span>{" "}
            {t("import.fileTitle")}
          </h2>
          <ImportFilePicker file={file} onChoose={choose} isDisabled={isBusy} />
          {file && phase !== "imported" && (
            <div className="companies-import-actions">
              <button type="button" className="button" disabled={isBusy} onClick={() => void send(true)}>
                {t("import.check")}
              </button>
            </div>
          )}
        </section>
      </div>
      {isBusy && file && (
        <div className="panel companies-progress">
          <p role="status">
            {t(phase === "checking" ? "import.checking" : "import.importing", {
              count: file.rowCount,
              rows: format.number(file.rowCount),
            })}
          </p>
          <progress aria-label={t("import.progressLabel")} />
        </div>
      )}
      {error !== undefined && (
        <div className="companies-alert-slot">
          <ErrorAlert
            error={error}
            messages={{ validation_failed: t("import.fileRejected", { message: serverMessage }) }}
          />
        </div>
      )}
      {report && !isBusy && (
        <section className="panel companies-result" aria-labelledby="import-result-title">
          <h2 id="import-result-title" ref={resultHeading} tabIndex={-1}>
            {report.isApplied
              ? t("import.doneTitle")
              : t("import.checkTitle", { name: report.fileName ?? "" })}
          </h2>
          {report.isApplied ? (
            <div role="status" className="alert alert--success companies-result__message">
              {t("import.done", {
                created: format.number(report.counts.create),
                updated: format.number(report.counts.update),
              })}{" "}
              <Link to="/companies">{t("import.openRegister")}</Link>
            </div>
          ) : report.isRejected ? (
            <div role="status" className="alert alert--error companies-result__message">
              {t("import.rejected", {
                count: report.counts.error,
                errors: format.number(report.counts.error),
              })}
            </div>
          ) : changes === 0 ? (
            <p role="status" className="alert alert--success companies-result__message">
              {t("import.nothingToDo")}
            </p>
          ) : (
            <div className="companies-result__message companies-result__ready">
              <p role="status">{t("import.ready")}</p>
              <button type="button" className="button" onClick={() => void send(false)}>
                {t("import.apply", { count: changes, companies: format.number(changes) })}
              </button>
            </div>
          )}
          <ImportReport report={report} />
        </section>
      )}
    </>
  );
}
