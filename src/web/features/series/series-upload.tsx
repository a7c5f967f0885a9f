import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { SeriesImportReport, SeriesPreview } from "../../../contracts/district-series.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useFormat } from "../../i18n/use-format.ts";
import { useApi } from "../../use-api.ts";
import { ProfileForm } from "./profile-form.tsx";
import { type ImportProfileMappingInput, readSeriesFile, type SeriesFile, seriesApi } from "./series-api.ts";
import { formatPeriod } from "./series-labels.ts";

/** The server's default request limit; a larger file is refused here before it is sent. */
const maximumFileBytes = 700_000;

/**
 * Upload of one series file: drop or choose it, pick an import profile for plain CSV (or make
 * one), preview what would be read, then import; the report says what changed.
 */
export function SeriesUpload({ onImported }: { onImported(): void }) {
  const { t, i18n } = useTranslation("series");
  const locale = i18n.language === "en" ? "en" : "it";
  const format = useFormat();
  const profiles = useApi(() => seriesApi.profiles());
  const [file, setFile] = useState<SeriesFile>();
  const [profileName, setProfileName] = useState("");
  const [isCreatingProfile, setIsCreatingProfile] = useState(false);
  const [preview, setPreview] = useState<SeriesPreview>();
  const [report, setReport] = useState<SeriesImportReport>();
  const [error, setError] = useState<unknown>();
  const [isBusy, setIsBusy] = useState(false);
  const [isDragging, setIsDragging] = useState(false);
  const [tooLarge, setTooLarge] = useState<string>();

  async function choose(chosen: File | undefined) {
    if (!chosen) return;
    setPreview(undefined);
    setReport(undefined);
    setError(undefined);
    if (chosen.size > maximumFileBytes) {
      setTooLarge(chosen.name);
      setFile(undefined);
      return;
    }
    setTooLarge(undefined);
    setFile(await readSeriesFile(chosen));
  }

  async function run<Result>(work: () => Promise<Result>, done: (result: Result) => void) {
    setIsBusy(true);
    setError(undefined);
    try {
      done(await work());
    } catch (caught) {
      setError(caught);
    } finally {
      setIsBusy(false);
    }
  }

  const showPreview = (mapping?: ImportProfileMappingInput) =>
    file &&
    void run(
      () => seriesApi.preview(file, mapping ? { mapping } : profileName ? { profileName } : {}),
      (result) => {
        setReport(undefined);
        setPreview(result);
      },
    );

  const importFile = () =>
    file &&
    void run(
      () => seriesApi.importFile(file, profileName || undefined),
      (result) => {
        setReport(result);
        setPreview(undefined);
        if (result.outcome !== "rejected") onImported();
      },
    );

  function drop(event: DragEvent) {
    event.preventDefault();
    setIsDragging(false);
    void choose(event.dataTransfer.files[0]);
  }

  return (
    <section className="panel" aria-labelledby="series-upload-title">
      <h2 id="series-upload-title">{t("upload.title")}</h2>
      <p>{t("upload.lead")}</p>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut for mice; the file input inside serves the keyboard. */}
      <div
        className={`series-dropzone${isDragging ? " series-dropzone--active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={drop}
      >
        <label htmlFor="series-file" className="button button--secondary">
          {t("upload.choose")}
        </label>{" "}
        <span>{t("upload.orDrop")}</span>
        <input
          id="series-file"
          type="file"
          className="visually-hidden"
          accept=".json,.csv,.txt,application/json,text/csv"
          disabled={isBusy}
          aria-describedby="series-file-hint"
          onChange={(event) => {
            void choose(event.target.files?.[0]);
            event.target.value = "";
          }}
        />
        <p id="series-file-hint" className="field__hint">
          {t("upload.hint", { kilobytes: format.number(maximumFileBytes / 1000) })}
        </p>
      </div>
      {tooLarge && (
        <p role="alert" className="alert alert--error">
          {t("upload.tooLarge", { name: tooLarge, kilobytes: format.number(maximumFileBytes / 1000) })}
        </p>
      )}
      {file && (
        <p role="status">
          {t("upload.chosen", {
            name: file.name,
            kilobytes: format.number(Math.max(0.1, file.size / 1000), 1),
          })}
        </p>
      )}
      <div className="series-form-grid">
        <div className="field">
          <label htmlFor="series-profile">{t("upload.profile")}</label>
          <select
            id="series-profile"
            value={profileName}
            onChange={(event) => setProfileName(event.target.value)}
            aria-describedby="series-profile-hint"
          >
            <option value="">{t("upload.noProfile")}</option>
            {profiles.status === "ready" &&
              profiles.data.items.map((profile) => (
                <option key={profile.id} value={profile.name}>
                  {profile.name}
                </option>
              ))}
          </select>
          <p id="series-profile-hint" className="field__hint">
            {t("upload.profileHint")}
          </p>
        </div>
      </div>
      <div className="series-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={!file || isBusy}
          onClick={() => showPreview()}
        >
          {t("upload.preview")}
        </button>
        <button
          type="button"
          className="button"
          disabled={!file || isBusy || preview?.outcome !== "ready"}
          onClick={importFile}
        >
          {t("upload.import")}
        </button>
        {!isCreatingProfile && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setIsCreatingProfile(true)}
          >
            {t("upload.newProfile")}
          </button>
        )}
      </div>
      {isCreatingProfile && (
        <ProfileForm
          onTry={(mapping) => showPreview(mapping)}
          onCancel={() => setIsCreatingProfile(false)}
          onSaved={(profile) => {
            setIsCreatingProfile(false);
            profiles.reload();
            setProfileName(profile.name);
          }}
        />
      )}
      <ErrorAlert error={error} />
      {isBusy && <p role="status">{t("loading")}</p>}
      {preview && <PreviewPanel preview={preview} locale={locale} />}
      {report && <ReportPanel report={report} />}
    </section>
  );
}

function Problems({ problems }: { problems: SeriesPreview["problems"] }) {
  const { t } = useTranslation("series");
  return (
    <ul className="series-problems">
      {problems.map((problem) => (
        <li key={`${problem.row}:${problem.column}:${problem.message}`}>
          {problem.row !== null && t("upload.line", { line: problem.row })}
          {problem.column && ` [${problem.column}]`}
          {(problem.row !== null || problem.column) && ": "}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

function PreviewPanel({ preview, locale }: { preview: SeriesPreview; locale: "it" | "en" }) {
  const { t } = useTranslation("series");
  const format = useFormat();
  if (preview.outcome === "rejected") {
    return (
      <div role="alert" className="alert alert--error">
        <p>{t("upload.previewRejected")}</p>
        <Problems problems={preview.problems} />
      </div>
    );
  }
  return (
    <div className="series-preview">
      <p role="status">
        {t("upload.previewSummary", {
          format: t(`formats.${preview.format ?? "csv-profile"}`),
          series: format.number(preview.seriesCount),
          observations: format.number(preview.observationCount),
        })}
        {preview.isAlreadyImported && ` ${t("upload.alreadyImported")}`}
      </p>
      <div className="table-scroll">
        <table className="table">
          <caption className="visually-hidden">{t("upload.previewCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.series")}</th>
              <th scope="col">{t("columns.unit")}</th>
              <th scope="col">{t("columns.frequency")}</th>
              <th scope="col">{t("columns.observations")}</th>
              <th scope="col">{t("columns.first")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.series.map((series) => (
              <tr key={series.key}>
                <td>
                  {series.title}
                  <br />
                  <code className="series-key">{series.key}</code>
                </td>
                <td>{series.unit}</td>
                <td>{t(`frequency.${series.frequency}`)}</td>
                <td>{format.number(series.observationCount)}</td>
                <td>
                  {series.firstObservations
                    .map(
                      (observation) =>
                        `${formatPeriod(observation.period, locale)}: ${observation.value === null ? "—" : format.number(observation.value)}${observation.statusFlag ? ` (${observation.statusFlag})` : ""}`,
                    )
                    .join(" · ")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ReportPanel({ report }: { report: SeriesImportReport }) {
  const { t } = useTranslation("series");
  const format = useFormat();
  if (report.outcome === "rejected") {
    return (
      <div role="alert" className="alert alert--error">
        <p>{t("upload.rejected", { name: report.fileName })}</p>
        <Problems problems={report.problems} />
      </div>
    );
  }
  return (
    <p role="status" className="alert">
      {t(`upload.outcome.${report.outcome}`, {
        name: report.fileName,
        series: format.number(report.series),
        inserted: format.number(report.inserted),
        revised: format.number(report.revised),
        unchanged: format.number(report.unchanged),
      })}
      {report.alarmsEntered > 0 && ` ${t("upload.alarmsEntered", { number: report.alarmsEntered })}`}
    </p>
  );
}
