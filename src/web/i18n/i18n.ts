import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import adminEn from "./locales/admin.en.json";
import adminIt from "./locales/admin.it.json";
import companiesEn from "./locales/companies.en.json";
import companiesIt from "./locales/companies.it.json";
import detectionEn from "./locales/detection.en.json";
import detectionIt from "./locales/detection.it.json";
import districtsEn from "./locales/districts.en.json";
import districtsIt from "./locales/districts.it.json";
import en from "./locales/en.json";
import it from "./locales/it.json";
import notificationsEn from "./locales/notifications.en.json";
import notificationsIt from "./locales/notifications.it.json";
import riskEn from "./locales/risk.en.json";
import riskIt from "./locales/risk.it.json";
import seriesEn from "./locales/series.en.json";
import seriesIt from "./locales/series.it.json";
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
    // "translation" holds the shared strings; the others one area of screens each.
    resources: {
      it: {
        translation: it,
        admin: adminIt,
        companies: companiesIt,
        detection: detectionIt,
        risk: riskIt,
        districts: districtsIt,
        series: seriesIt,
        notifications: notificationsIt,
      },
      en: {
        translation: en,
        admin: adminEn,
        companies: companiesEn,
        detection: detectionEn,
        risk: riskEn,
        districts: districtsEn,
        series: seriesEn,
        notifications: notificationsEn,
      },
    },
    lng: locale,
    fallbackLng: "en",
    supportedLngs: ["it", "en"],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

/** Switches the interface language; `persist` also remembers it in this browser. */
export async function changeLocale(
  locale: SupportedLocale,
  options: { persist: boolean } = { persist: true },
) {
  await i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
  if (!options.persist) return;
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Private windows may refuse storage; the choice then lasts for this page only.
  }
}

export { intlLocaleTag };
