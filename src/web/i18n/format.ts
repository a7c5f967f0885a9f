import { intlLocaleTag, type SupportedLocale } from "./locales.ts";

/** Locale-aware formatting for dates, numbers and money; every screen goes through these. */
export function createFormatters(locale: SupportedLocale, timeZone?: string) {
  const tag = intlLocaleTag[locale];
  const zone = timeZone ? { timeZone } : {};
  const dateFormat = new Intl.DateTimeFormat(tag, { dateStyle: "long", ...zone });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", ...zone });
  return {
    date: (value: Date | string) => dateFormat.format(new Date(value)),
    dateTime: (value: Date | string) => dateTimeFormat.format(new Date(value)),
    number: (value: number, fractionDigits?: number) =>
      new Intl.NumberFormat(tag, {
        ...(fractionDigits === undefined
          ? {}
          : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }),
      }).format(value),
    percent: (ratio: number, fractionDigits = 1) =>
      new Intl.NumberFormat(tag, {
        style: "percent",
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(ratio),
    /** Amounts are kept in minor units (cents) with their currency. */
    money: (amountCents: number, currency: string) =>
      new Intl.NumberFormat(tag, { style: "currency", currency }).format(amountCents / 100),
  };
}

export type Formatters = ReturnType<typeof createFormatters>;
