import { type KeyboardEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { apiRequest } from "../../api-client.ts";
import type { ChosenMunicipality } from "./company-form-values.ts";
import { type Municipality, MunicipalityListSchema } from "./reference-data.ts";

const minimumLetters = 2;

function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .trim();
}

/** The API answers in alphabetical order; the municipality typed in full comes first. */
function rankSuggestions(items: Municipality[], text: string): Municipality[] {
  const typed = foldAccents(text);
  const rank = (municipality: Municipality) => (foldAccents(municipality.name) === typed ? 0 : 1);
  return [...items].sort((first, second) => rank(first) - rank(second));
}

/**
 * An Italian municipality chosen from the API's suggestions as one types its first letters
 * (ARIA combobox with a list box); its NUTS 3 region is shown once it is chosen.
 */
export function MunicipalityField({
  text,
  chosen,
  onTextChange,
  onChoose,
  error,
  regionNames,
}: {
  text: string;
  chosen: ChosenMunicipality | undefined;
  onTextChange(text: string): void;
  onChoose(municipality: ChosenMunicipality): void;
  error: string | undefined;
  regionNames: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation("companies");
  const [suggestions, setSuggestions] = useState<Municipality[]>([]);
  const [isOpen, setIsOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [isLoading, setIsLoading] = useState(false);
  const [hasFailed, setHasFailed] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the typed text starts a look-up.
  useEffect(() => {
    const prefix = text.trim();
    if (prefix.length < minimumLetters || (chosen && chosen.name === text)) {
      setSuggestions([]);
      setIsOpen(false);
      return;
    }
    let isCurrent = true;
    setIsLoading(true);
    const timer = window.setTimeout(() => {
      apiRequest(`/api/municipalities?q=${encodeURIComponent(prefix)}`, MunicipalityListSchema).then(
        (list) => {
          if (!isCurrent) return;
          setSuggestions(rankSuggestions(list.items, prefix));
          setActiveIndex(list.items.length > 0 ? 0 : -1);
          setIsOpen(true);
          setIsLoading(false);
          setHasFailed(false);
        },
        () => {
          if (!isCurrent) return;
          setIsLoading(false);
          setHasFailed(true);
        },
      );
    }, 200);
    return () => {
      isCurrent = false;
      window.clearTimeout(timer);
    };
  }, [text]);

  function choose(municipality: Municipality) {
    onChoose({
      istatCode: municipality.istatCode,
      name: municipality.name,
      nuts3Code: municipality.nuts3Code,
    });
    setIsOpen(false);
    setSuggestions([]);
  }

  function handleKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (suggestions.length === 0) return;
      event.preventDefault();
      setIsOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActiveIndex((index) => (index + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" && isOpen) {
      event.preventDefault();
      const active = suggestions[activeIndex];
      if (active) choose(active);
    } else if (event.key === "Escape" && isOpen) {
      event.preventDefault();
      setIsOpen(false);
    }
  }

  const region = chosen ? regionNames.get(chosen.nuts3Code) : undefined;
  const activeId = isOpen && activeIndex >= 0 ? `municipality-option-${activeIndex}` : undefined;
  return (
    <div className={`field companies-combobox${error ? " field--invalid" : ""}`}>
      <label htmlFor="company-municipality">{t("form.municipality")}</label>
      <div className="companies-combobox__control">
        <input
          id="company-municipality"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={isOpen}
          aria-controls="municipality-options"
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={`company-municipality-status${error ? " company-municipality-error" : ""}`}
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={handleKey}
          onBlur={() => setIsOpen(false)}
        />
        <div
          id="municipality-options"
          role="listbox"
          aria-label={t("form.municipalitySuggestions")}
          className="companies-combobox__list"
          hidden={!isOpen}
        >
          {suggestions.map((municipality, index) => (
            // The focus stays in the box (aria-activedescendant): options take no focus of their own, and a
            // press chooses before the box's blur closes the list.
            <div
              key={municipality.istatCode}
              id={`municipality-option-${index}`}
              role="option"
              tabIndex={-1}
              aria-selected={index === activeIndex}
              className="companies-combobox__option"
              onMouseDown={(event) => {
                event.preventDefault();
                choose(municipality);
              }}
            >
              <span>{municipality.name}</span>
              <span className="companies-muted">
                {regionNames.get(municipality.nuts3Code) ?? municipality.nuts3Code} · {municipality.nuts3Code}
              </span>
            </div>
          ))}
          {suggestions.length === 0 && (
            <div
              role="option"
              tabIndex={-1}
              aria-disabled="true"
              aria-selected={false}
              className="companies-combobox__none"
            >
              {t("form.municipalityNone")}
            </div>
          )}
        </div>
      </div>
      <p id="company-municipality-status" className="field__hint">
        {chosen && chosen.name === text
          ? t("form.municipalityChosen", {
              region: region ?? chosen.nuts3Code,
              code: chosen.nuts3Code,
              istatCode: chosen.istatCode,
            })
          : hasFailed
            ? t("form.municipalityUnavailable")
            : t("form.municipalityHint")}
      </p>
      <p className="visually-hidden" role="status">
        {isLoading ? "" : isOpen ? t("form.municipalityCount", { count: suggestions.length }) : ""}
      </p>
      {error && (
        <p id="company-municipality-error" className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
