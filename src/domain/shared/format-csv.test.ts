import { describe, expect, it } from "vitest";
import { formatCsv } from "./format-csv.ts";

describe(formatCsv, () => {
  it.each([
    [[["a", "b"]], "a,b\r\n"],
    [[["with,comma", 'with "quote"']], '"with,comma","with ""quote"""\r\n'],
    [[["line\nbreak"]], '"line\nbreak"\r\n'],
    [[["=SUM(A1:A2)", "+39 055", "-1", "@cmd", "\tx"]], "'=SUM(A1:A2),'+39 055,'-1,'@cmd,'\tx\r\n"],
    [[[-1.5, 0, null, undefined]], "-1.5,0,,\r\n"],
    [[["x"], ["y"]], "x\r\ny\r\n"],
  ])("writes %j as %j", (rows, expected) => {
    expect(formatCsv(rows)).toBe(expected);
  });
});
