export const supportedLocales = ["it", "en"] as const;
export type SupportedLocale = (typeof supportedLocales)[number];

/** BCP 47 tags used for Intl formatting of each interface language. */
export const intlLocaleTag: Record<SupportedLocale, string> = { it: "it-IT", en: "en-GB" };

function isSupported(value: string): value is SupportedLocale {
  return (supportedLocales as readonly string[]).includes(value);
}

/**
 * The interface language: the user's saved choice, else the first browser language we
 * support, else Italian (the partnership's default).
 */
export function chooseLocale(
  saved: string | null | undefined,
  browserLanguages: readonly string[],
): SupportedLocale {
  if (saved && isSupported(saved)) return saved;
  for (const language of browserLanguages) {
    const primary = language.toLowerCase().split("-")[0] ?? "";
    if (isSupported(primary)) return primary;
  }
  return "it";
}
