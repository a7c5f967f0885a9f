import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { normaliseAtecoCode } from "../../../domain/sectors/normalise-ateco.ts";
import { apiRequest } from "../../api-client.ts";
import { referenceSectorTitle } from "./company-labels.ts";
import { parentAtecoCode, type Sector, SectorListSchema } from "./reference-data.ts";

const lookups = new Map<string, Promise<Sector | undefined>>();

/** Finds an ATECO code among its siblings (the API lists sectors by level or by parent). */
function findSector(code: string): Promise<Sector | undefined> {
  const cached = lookups.get(code);
  if (cached) return cached;
  const parent = parentAtecoCode(code);
  const query = parent
    ? `parentCode=${encodeURIComponent(parent)}`
    : `level=${/^[A-U]$/.test(code) ? "section" : "division"}`;
  const lookup = apiRequest(`/api/sectors?${query}`, SectorListSchema).then(
    (list) => list.items.find((sector) => sector.code === code),
    (error: unknown) => {
      lookups.delete(code);
      throw error;
    },
  );
  lookups.set(code, lookup);
  return lookup;
}

type Recognition =
  | { status: "empty" | "looking" | "malformed" | "unknown" | "unavailable" }
  | { status: "found"; sector: Sector };

/** The ATECO code, with the sector's title shown as soon as the code is recognised. */
export function AtecoField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(value: string): void;
  error: string | undefined;
}) {
  const { t, i18n } = useTranslation("companies");
  const [recognition, setRecognition] = useState<Recognition>({ status: "empty" });

  useEffect(() => {
    const code = normaliseAtecoCode(value);
    if (!code) {
      setRecognition({ status: value.trim() === "" ? "empty" : "malformed" });
      return;
    }
    let isCurrent = true;
    setRecognition({ status: "looking" });
    const timer = window.setTimeout(() => {
      findSector(code).then(
        (sector) => isCurrent && setRecognition(sector ? { status: "found", sector } : { status: "unknown" }),
        () => isCurrent && setRecognition({ status: "unavailable" }),
      );
    }, 250);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [value]);

  const title =
    recognition.status === "found" ? referenceSectorTitle(recognition.sector, i18n.language) : undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}`}>
      <label htmlFor="company-ateco">{t("form.atecoCode")}</label>
      <input
        id="company-ateco"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        className="companies-input--short"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`company-ateco-status${error ? " company-ateco-error" : ""}`}
      />
      <p id="company-ateco-status" className="field__hint companies-recognition" aria-live="polite">
        {recognition.status === "empty" && t("form.atecoHint")}
        {recognition.status === "looking" && t("form.atecoLooking")}
        {recognition.status === "malformed" && t("form.atecoMalformed")}
        {recognition.status === "unknown" && t("form.atecoUnknown")}
        {recognition.status === "unavailable" && t("form.atecoUnavailable")}
        {recognition.status === "found" && title && (
          <>
            <span className="companies-recognition__mark" aria-hidden="true">
              ✓
            </span>{" "}
            <strong>{recognition.sector.code}</strong>{" "}
            <span lang={title.lang === i18n.language ? undefined : title.lang}>{title.text}</span>
          </>
        )}
      </p>
      {error && (
        <p id="company-ateco-error" className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
