import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en.json";
import it from "./locales/it.json";
import { chooseLocale, intlLocaleTag, type SupportedLocale } from "./locales.ts";

const storageKey = "sector.locale";

function readSavedLocale(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function initialiseI18n() {
  const locale = chooseLocale(readSavedLocale(), navigator.languages ?? [navigator.language]);
  document.documentElement.lang = locale;
  return i18next.use(initReactI18next).init({
    resources: { it: { translation: it }, en: { translation: en } },
    lng: locale,
    fallbackLng: "en",
    supportedLngs: ["it", "en"],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

export async function changeLocale(locale: SupportedLocale) {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}

export { intlLocaleTag };
