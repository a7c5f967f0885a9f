import { useTranslation } from "react-i18next";
import { changeLocale } from "../i18n/i18n.ts";
import { type SupportedLocale, supportedLocales } from "../i18n/locales.ts";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t("language.label")}</label>
      <select
        id="language-select"
        value={i18n.language}
        onChange={(event) => void changeLocale(event.target.value as SupportedLocale)}
      >
        {supportedLocales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
