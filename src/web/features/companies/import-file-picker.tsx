import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import {
  type ChosenFile,
  checkImportFile,
  countDataRows,
  describeFileSize,
  type FileProblem,
} from "./import-file.ts";

/**
 * Reads the file as UTF-8; a spreadsheet saved as "CSV" in Windows-1252 (accents become U+FFFD)
 * is read again in that encoding, as Excel writes it in Italy and Portugal.
 */
async function readCsvText(file: File): Promise<string> {
  const text = await file.text();
  if (!text.includes("\uFFFD")) return text;
  return new TextDecoder("windows-1252").decode(await file.arrayBuffer());
}

/** Choose a CSV file or drop it on the zone; files that cannot be sent are refused here. */
export function ImportFilePicker({
  file,
  onChoose,
  isDisabled,
}: {
  file: ChosenFile | undefined;
  onChoose(file: ChosenFile | undefined): void;
  isDisabled: boolean;
}) {
  const { t } = useTranslation("companies");
  const format = useFormat();
  const [isDragging, setIsDragging] = useState(false);
  const [refused, setRefused] = useState<{
    problem: FileProblem | "unreadable";
    name: string;
    size: number;
  }>();

  const sizeText = (bytes: number) => {
    const size = describeFileSize(bytes);
    return t(`import.size.${size.unit}`, { size: format.number(size.value) });
  };

  async function accept(chosen: File) {
    const problem = checkImportFile(chosen);
    if (problem) {
      setRefused({ problem, name: chosen.name, size: chosen.size });
      return onChoose(undefined);
    }
    try {
      const text = await readCsvText(chosen);
      setRefused(undefined);
      onChoose({ name: chosen.name, size: chosen.size, text, rowCount: countDataRows(text) });
    } catch {
      setRefused({ problem: "unreadable", name: chosen.name, size: chosen.size });
      onChoose(undefined);
    }
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped && !isDisabled) void accept(dropped);
  }

  return (
    <>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut for mice; the file input inside serves the keyboard. */}
      <div
        className={`companies-dropzone${isDragging ? " companies-dropzone--active" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={drop}
      >
        <input
          id="import-file"
          type="file"
          accept=".csv,.txt,text/csv"
          className="companies-dropzone__input"
          disabled={isDisabled}
          aria-describedby="import-file-hint"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            if (chosen) void accept(chosen);
            // Choosing the same file again (after fixing it) must fire a new change.
            event.target.value = "";
          }}
        />
        <span className="companies-dropzone__icon" aria-hidden="true">
          ⇪
        </span>
        <label htmlFor="import-file" className="companies-dropzone__label">
          <span className="companies-dropzone__action">{t("import.chooseFile")}</span> {t("import.orDrop")}
        </label>
        <p id="import-file-hint" className="field__hint">
          {t("import.fileHint")}
        </p>
      </div>
      {refused && (
        <div role="alert" className="alert alert--error companies-file-problem">
          {t(`import.problems.${refused.problem}`, { name: refused.name, size: sizeText(refused.size) })}
        </div>
      )}
      {file && (
        <p className="companies-chosen-file" role="status">
          <span className="companies-chosen-file__name">{file.name}</span>{" "}
          <span className="companies-muted">
            {t("import.fileSummary", {
              count: file.rowCount,
              size: sizeText(file.size),
              rows: format.number(file.rowCount),
            })}
          </span>
        </p>
      )}
    </>
  );
}
