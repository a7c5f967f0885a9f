import { describe, expect, it } from "vitest";
import { parseSpreadsheetNumber } from "./parse-spreadsheet-number.ts";

describe(parseSpreadsheetNumber, () => {
  it.each([
    ["1234.56", "point", 123_456],
    ["1,234.56", "point", 123_456],
    ["1,234,567", "point", 123_456_700],
    ["1 234.5", "point", 123_450],
    ["1234,56", "comma", 123_456],
    ["1.234,56", "comma", 123_456],
    ["1.234.567,8", "comma", 123_456_780],
    ["1.234", "comma", 123_400],
    ["1234.56", "comma", 123_456],
    ["1\u00A0234,56", "comma", 123_456],
    ["€ 1.234,00", "comma", 123_400],
    ["0", "plain", 0],
    ["  42  ", "plain", 4_200],
    ["+7", "plain", 700],
  ] as const)("reads %j written in the %s style as %d cents", (text, style, cents) => {
    expect(parseSpreadsheetNumber(text, "cents", style)).toEqual({ isValid: true, value: cents });
  });

  it.each([
    ["-1234.56", "point", -123_456],
    ["\u22121.234,56", "comma", -123_456],
    ["(1.234,56)", "comma", -123_456],
    ["-0.001", "point", 0],
    ["'-250", "point", -25_000],
  ] as const)("reads the negative %j (%s) as %d cents", (text, style, cents) => {
    expect(parseSpreadsheetNumber(text, "cents", style)).toEqual({ isValid: true, value: cents });
  });

  it.each([
    ["0.005", "point", 1],
    ["0.0049", "point", 0],
    ["-0.005", "point", -1],
    ["1,005", "comma", 101],
    ["2.675", "point", 268],
    ["-2.675", "point", -268],
    ["10.994999", "point", 1_099],
  ] as const)("rounds %j (%s) to %d cents, half away from zero", (text, style, cents) => {
    expect(parseSpreadsheetNumber(text, "cents", style)).toEqual({ isValid: true, value: cents });
  });

  it.each([
    [1234.56, 123_456],
    [1.005, 101],
    [-1.005, -101],
    [2.675, 268],
    [0.1 + 0.2, 30],
    [1e-7, 0],
    [-0, 0],
  ])("reads the workbook number %d as %d cents, as the user wrote it", (value, cents) => {
    expect(parseSpreadsheetNumber(value, "cents", "plain")).toEqual({ isValid: true, value: cents });
  });

  it.each([
    ["n/a", "point"],
    ["", "point"],
    ["12.", "point"],
    [".5", "point"],
    ["1,5", "point"],
    ["1.234,56", "point"],
    ["1,23,456", "point"],
    ["12.5.3", "comma"],
    ["1,2,3", "comma"],
    ["1,234.56", "plain"],
    ["1.234,56", "plain"],
    ["€ 12", "plain"],
    ["12 EUR", "comma"],
    ["1e5", "point"],
    ["--5", "point"],
    ["TRUE", "plain"],
  ] as const)("refuses %j (%s) as not a number", (text, style) => {
    expect(parseSpreadsheetNumber(text, "cents", style)).toEqual({
      isValid: false,
      reason: "is not a number",
    });
  });

  it("refuses amounts beyond the integer cents JavaScript holds exactly", () => {
    expect(parseSpreadsheetNumber("100000000000000", "cents", "point")).toEqual({
      isValid: false,
      reason: "is too large",
    });
    expect(parseSpreadsheetNumber(1e20, "cents", "plain")).toEqual({
      isValid: false,
      reason: "is too large",
    });
    expect(parseSpreadsheetNumber(Number.NaN, "cents", "plain")).toEqual({
      isValid: false,
      reason: "is not a number",
    });
  });

  it("reads headcounts as whole persons and refuses fractions and negatives", () => {
    expect(parseSpreadsheetNumber("1.250", "persons", "comma")).toEqual({ isValid: true, value: 1_250 });
    expect(parseSpreadsheetNumber("12,0", "persons", "comma")).toEqual({ isValid: true, value: 12 });
    expect(parseSpreadsheetNumber(37, "persons", "plain")).toEqual({ isValid: true, value: 37 });
    expect(parseSpreadsheetNumber("12.5", "persons", "point")).toEqual({
      isValid: false,
      reason: "is not a whole number of persons",
    });
    expect(parseSpreadsheetNumber(-3, "persons", "plain")).toEqual({
      isValid: false,
      reason: "is a negative headcount",
    });
  });
});
