import { describe, expect, it } from "vitest";
import { neutraliseSpreadsheetCell } from "./neutralise-spreadsheet-cell.ts";

describe(neutraliseSpreadsheetCell, () => {
  it.each<[string | number | null | undefined, string | number | null | undefined]>([
    ['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
    ["+39 0574 1", "'+39 0574 1"],
    ["-1+2", "'-1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tcmd", "'\tcmd"],
    ["\rcmd", "'\rcmd"],
    ["Tessitura Rossi S.r.l.", "Tessitura Rossi S.r.l."],
    ["a=b", "a=b"],
    ["'=already", "'=already"],
    ["", ""],
    [-1234, -1234],
    [0, 0],
    [null, null],
    [undefined, undefined],
  ])("turns %j into %j", (value, expected) => {
    expect(neutraliseSpreadsheetCell(value)).toBe(expected);
  });
});
