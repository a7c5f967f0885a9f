import { useTranslation } from "react-i18next";
import { CurrentUserSchema } from "../../contracts/auth.ts";
import { apiRequest } from "../api-client.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { changeLocale } from "../i18n/i18n.ts";
import { type SupportedLocale, supportedLocales } from "../i18n/locales.ts";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  async function choose(locale: SupportedLocale) {
    await changeLocale(locale);
    // Signed-in users keep their language on every device (and in emails).
    if (auth.status === "signed-in") {
      const user = await apiRequest("/api/me", CurrentUserSchema, {
        method: "PATCH",
        body: { locale },
      }).catch(() => undefined);
      if (user) auth.replaceUser(user);
    }
  }
  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t("language.label")}</label>
      <select
        id="language-select"
        value={i18n.language}
        onChange={(event) => void choose(event.target.value as SupportedLocale)}
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
