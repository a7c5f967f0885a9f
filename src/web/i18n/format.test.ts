import { describe, expect, it } from "vitest";
import { createFormatters } from "./format.ts";

// Intl inserts narrow no-break spaces in some locales; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe(createFormatters, () => {
  const italian = createFormatters("it", "UTC");
  const english = createFormatters("en", "UTC");

  it.each([
    ["date", italian.date("2026-03-02T09:30:00Z"), "2 marzo 2026"],
    ["date", english.date("2026-03-02T09:30:00Z"), "2 March 2026"],
    ["number", italian.number(1234567.891, 2), "1.234.567,89"],
    ["number", english.number(1234567.891, 2), "1,234,567.89"],
    ["percent", italian.percent(0.125), "12,5%"],
    ["percent", english.percent(0.125), "12.5%"],
    ["money", italian.money(12_345_678, "EUR"), "123.456,78 €"],
    ["money", english.money(12_345_678, "EUR"), "€123,456.78"],
  ])("formats %s by locale as %s", (_kind, actual, expected) => {
    expect(plain(actual)).toBe(expected);
  });
});
