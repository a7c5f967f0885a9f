import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { createFormatters } from "./format.ts";
import type { SupportedLocale } from "./locales.ts";

export function useFormat() {
  const { i18n } = useTranslation();
  const locale: SupportedLocale = i18n.language === "en" ? "en" : "it";
  return useMemo(() => createFormatters(locale), [locale]);
}
