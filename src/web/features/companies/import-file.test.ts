import { describe, expect, it } from "vitest";
import {
  checkImportFile,
  countDataRows,
  describeFileSize,
  maximumFileBytes,
  readRowMessage,
  sortReportRows,
} from "./import-file.ts";

describe(checkImportFile, () => {
  it.each([
    [{ name: "list.csv", size: maximumFileBytes + 1 }, "tooLarge"],
    [{ name: "list.csv", size: 0 }, "empty"],
    [{ name: "List.XLSX", size: 2048 }, "spreadsheet"],
    [{ name: "list.csv", size: maximumFileBytes }, undefined],
  ])("judges %o as %s", (file, expected) => {
    expect(checkImportFile(file)).toBe(expected);
  });
});

describe(countDataRows, () => {
  it("counts the lines after the header, skipping blank ones", () => {
    expect(countDataRows("country,tax_code,name\r\nIT,1,A\r\n\r\nIT,2,B\n")).toBe(2);
    expect(countDataRows("")).toBe(0);
  });
});

describe(sortReportRows, () => {
  it("puts errors first, then creations, updates and unchanged rows, by line", () => {
    const row = (line: number, outcome: "create" | "update" | "unchanged" | "error") => ({
      row: line,
      outcome,
      taxCode: null,
      name: null,
      messages: [],
    });
    const sorted = sortReportRows([row(2, "unchanged"), row(3, "create"), row(5, "error"), row(4, "error")]);
    expect(sorted.map((entry) => entry.row)).toEqual([4, 5, 3, 2]);
  });
});

describe(readRowMessage, () => {
  it.each([
    ["taxCode: fails its check digit", { kind: "field", field: "taxCode", text: "fails its check digit" }],
    ["changes: name, headcount", { kind: "changes", fields: ["name", "headcount"] }],
    ["something else: entirely", { kind: "text", text: "something else: entirely" }],
  ])("reads %s", (message, expected) => {
    expect(readRowMessage(message)).toEqual(expected);
  });
});

describe(describeFileSize, () => {
  it("uses kB below a megabyte and MB above", () => {
    expect(describeFileSize(12_345)).toEqual({ value: 12.3, unit: "kB" });
    expect(describeFileSize(12_400_000)).toEqual({ value: 12.4, unit: "MB" });
  });
});
