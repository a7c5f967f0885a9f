import { describe, expect, it } from "vitest";
import { parseDecimal, parseReleaseDate } from "./parse-decimal.ts";

describe(parseDecimal, () => {
  it.each([
    { text: "15785.0", decimal: ".", thousands: "", expected: 15785 },
    { text: "1,5", decimal: ",", thousands: "", expected: 1.5 },
    { text: "1.234,56", decimal: ",", thousands: ".", expected: 1234.56 },
    { text: "1,234.56", decimal: ".", thousands: ",", expected: 1234.56 },
    { text: "1 234,5", decimal: ",", thousands: " ", expected: 1234.5 },
    { text: "-0,25", decimal: ",", thousands: "", expected: -0.25 },
    { text: " 42 ", decimal: ".", thousands: "", expected: 42 },
    { text: "1e3", decimal: ".", thousands: "", expected: 1000 },
    { text: "", decimal: ".", thousands: "", expected: null },
    { text: ":", decimal: ".", thousands: "", expected: null },
    { text: "1,5", decimal: ".", thousands: "", expected: undefined },
    { text: "1.5", decimal: ",", thousands: "", expected: undefined },
    { text: "abc", decimal: ".", thousands: "", expected: undefined },
    { text: "12%", decimal: ".", thousands: "", expected: undefined },
  ] as const)(
    "reads $text with decimal $decimal and thousands '$thousands' as $expected",
    ({ text, decimal, thousands, expected }) => {
      expect(parseDecimal(text, { decimalSeparator: decimal, thousandsSeparator: thousands })).toBe(expected);
    },
  );
});

describe(parseReleaseDate, () => {
  it.each([
    ["2026-09-17T11:00:00+0200", "2026-09-17"],
    ["2026-09-17", "2026-09-17"],
    ["17/09/26 23:00:00", "2026-09-17"],
    ["17/09/2026", "2026-09-17"],
    ["1.2.2024", "2024-02-01"],
  ])("reads %j as %s", (text, expected) => {
    expect(parseReleaseDate(text)).toBe(expected);
  });
  it.each(["", "2026-13-01", "31/02/2024", "yesterday"])("refuses %j", (text) => {
    expect(parseReleaseDate(text)).toBeUndefined();
  });
});
