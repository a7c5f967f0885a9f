import { describe, expect, it } from "vitest";
import {
  computePeriodStartOn,
  detectFrequency,
  normalisePeriod,
  normaliseYearMonth,
  readMonth,
} from "./normalise-period.ts";

describe(normalisePeriod, () => {
  it.each([
    { text: "2024", frequency: undefined, expected: { period: "2024", frequency: "A" } },
    { text: " 2024-Q1 ", frequency: undefined, expected: { period: "2024-Q1", frequency: "Q" } },
    { text: "2024Q4", frequency: undefined, expected: { period: "2024-Q4", frequency: "Q" } },
    { text: "2024-q2", frequency: undefined, expected: { period: "2024-Q2", frequency: "Q" } },
    { text: "2024-01", frequency: undefined, expected: { period: "2024-01", frequency: "M" } },
    { text: "2024M03", frequency: undefined, expected: { period: "2024-03", frequency: "M" } },
    { text: "2024-3", frequency: undefined, expected: { period: "2024-03", frequency: "M" } },
    { text: "2024-05-31", frequency: undefined, expected: { period: "2024-05", frequency: "M" } },
    { text: "2024-05-31", frequency: "Q", expected: { period: "2024-Q2", frequency: "Q" } },
    { text: "2024-12-31", frequency: "A", expected: { period: "2024", frequency: "A" } },
  ] as const)("reads $text (frequency $frequency) as $expected.period", ({ text, frequency, expected }) => {
    expect(normalisePeriod(text, frequency)).toEqual(expected);
  });

  it.each(["", "24", "2024-Q5", "2024-13", "2024-00", "2024-02-30x", "Q1 2024", "2024-13-01", "gennaio"])(
    "refuses %j",
    (text) => {
      expect(normalisePeriod(text)).toBeUndefined();
    },
  );
});

describe(readMonth, () => {
  it.each([
    ["Gennaio", 1],
    ["febbraio", 2],
    ["MARZO", 3],
    ["apr.", 4],
    ["Maggio", 5],
    ["giu", 6],
    ["Luglio", 7],
    ["agosto", 8],
    ["Settembre", 9],
    ["ott", 10],
    ["Novembre", 11],
    ["dic", 12],
    ["January", 1],
    ["May", 5],
    ["Sept", 9],
    ["december", 12],
    ["7", 7],
    ["07", 7],
  ])("reads %j as month %i", (text, month) => {
    expect(readMonth(text)).toBe(month);
  });

  it.each(["", "13", "0", "Gennaioo", "Juli"])("refuses %j", (text) => {
    expect(readMonth(text)).toBeUndefined();
  });
});

describe(normaliseYearMonth, () => {
  it("joins a year and an Italian month name into a monthly period", () => {
    expect(normaliseYearMonth("2023", "Dicembre")).toEqual({ period: "2023-12", frequency: "M" });
  });
  it("refuses a year that is not four digits", () => {
    expect(normaliseYearMonth("23", "Dicembre")).toBeUndefined();
  });
});

describe(computePeriodStartOn, () => {
  it.each([
    ["2024", "2024-01-01"],
    ["2024-Q1", "2024-01-01"],
    ["2024-Q3", "2024-07-01"],
    ["2024-11", "2024-11-01"],
  ])("starts %s on %s", (period, startOn) => {
    expect(computePeriodStartOn(period)).toBe(startOn);
  });
  it("throws on a label that is not normalised", () => {
    expect(() => computePeriodStartOn("2024Q1")).toThrow(RangeError);
  });
});

describe(detectFrequency, () => {
  it("finds the frequency all periods share, and none when they mix", () => {
    expect(
      detectFrequency([
        { period: "2024-01", frequency: "M" },
        { period: "2024-02", frequency: "M" },
      ]),
    ).toBe("M");
    expect(
      detectFrequency([
        { period: "2024-01", frequency: "M" },
        { period: "2024-Q1", frequency: "Q" },
      ]),
    ).toBeUndefined();
    expect(detectFrequency([])).toBeUndefined();
  });
});
