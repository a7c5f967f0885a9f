import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./parse-csv.ts";

// Vite reads the shipped files as text (biome.json bars node:fs everywhere in src/domain).
const shippedCsvFiles = import.meta.glob<string>("../../../reference-data/*.csv", {
  query: "?raw",
  import: "default",
  eager: true,
});

describe(parseCsv, () => {
  it.each([
    {
      condition: "plain fields with LF",
      text: "a,b\n1,2\n",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    {
      condition: "CRLF line breaks",
      text: "a,b\r\n1,2\r\n",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    {
      condition: "no final line break",
      text: "a,b\n1,2",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
    {
      condition: "a leading BOM",
      text: "\uFEFFcode,name\nIT,Italia\n",
      rows: [
        ["code", "name"],
        ["IT", "Italia"],
      ],
    },
    {
      condition: "a comma inside quotes",
      text: 'a,b\n"x, y",2\n',
      rows: [
        ["a", "b"],
        ["x, y", "2"],
      ],
    },
    { condition: "doubled quotes inside quotes", text: 'a\n"say ""hi"""\n', rows: [["a"], ['say "hi"']] },
    {
      condition: "a line break inside quotes",
      text: 'a,b\n"one\ntwo",2\n',
      rows: [
        ["a", "b"],
        ["one\ntwo", "2"],
      ],
    },
    { condition: "a CRLF inside quotes", text: 'a\r\n"one\r\ntwo"\r\n', rows: [["a"], ["one\r\ntwo"]] },
    {
      condition: "empty fields",
      text: "a,b,c\n,,\n",
      rows: [
        ["a", "b", "c"],
        ["", "", ""],
      ],
    },
    {
      condition: "an empty quoted last field",
      text: 'a,b\n1,""\n',
      rows: [
        ["a", "b"],
        ["1", ""],
      ],
    },
    { condition: "a single empty quoted field", text: '""', rows: [[""]] },
    { condition: "empty text", text: "", rows: [] },
    { condition: "only a BOM and a line break", text: "\uFEFF\n", rows: [[""]] },
    { condition: "non-ASCII letters", text: "name\nSocietà\n", rows: [["name"], ["Società"]] },
    { condition: "a lone CR inside an unquoted field", text: "a\nx\ry\n", rows: [["a"], ["x\ry"]] },
  ])("reads $condition", ({ text, rows }) => {
    expect(parseCsv(text)).toEqual(rows);
  });

  it.each([
    {
      delimiter: ";",
      text: "a;b\n1;2,5\n",
      rows: [
        ["a", "b"],
        ["1", "2,5"],
      ],
    },
    {
      delimiter: "\t",
      text: "a\tb\n1\t2\n",
      rows: [
        ["a", "b"],
        ["1", "2"],
      ],
    },
  ])("splits on the delimiter $delimiter when given", ({ delimiter, text, rows }) => {
    expect(parseCsv(text, delimiter)).toEqual(rows);
  });

  it.each([
    {
      condition: "a quote is never closed",
      text: 'a,b\n1,"open\n2,3\n',
      message: "CSV line 2: unterminated quoted field",
    },
    {
      condition: "a row has more fields",
      text: "a,b\n1,2\n1,2,3\n",
      message: "CSV line 3: expected 2 fields, found 3",
    },
    {
      condition: "a row has fewer fields",
      text: "a,b\n1\n",
      message: "CSV line 2: expected 2 fields, found 1",
    },
    {
      condition: "a blank line sits between rows",
      text: "a,b\n\n1,2\n",
      message: "CSV line 2: expected 2 fields, found 1",
    },
    {
      condition: "a row follows a multi-line field",
      text: 'a,b\n"x\ny",1\n2\n',
      message: "CSV line 4: expected 2 fields, found 1",
    },
    {
      condition: "a quote appears inside an unquoted field",
      text: 'a\nab"c\n',
      message: "CSV line 2: a quote may only",
    },
    {
      condition: "text follows a closing quote",
      text: 'a\n"ab"c\n',
      message: "CSV line 2: unexpected character",
    },
  ])("throws naming the line when $condition", ({ text, message }) => {
    expect(() => parseCsv(text)).toThrow(message);
  });

  it.each(['"', "\n", ",,", ""])("rejects the unusable delimiter %j", (delimiter) => {
    expect(() => parseCsv("a", delimiter)).toThrow("CSV delimiter");
  });
});

describe(parseCsvRecords, () => {
  it.each([
    {
      condition: "a header and two rows",
      text: "code,name\r\nIT,Italia\r\nPT,Portugal\r\n",
      records: [
        { code: "IT", name: "Italia" },
        { code: "PT", name: "Portugal" },
      ],
    },
    { condition: "only a header", text: "code,name\n", records: [] },
    { condition: "empty text", text: "", records: [] },
    {
      condition: "quoted values",
      text: 'code,title\nA,"AGRICOLTURA, SILVICOLTURA"\n',
      records: [{ code: "A", title: "AGRICOLTURA, SILVICOLTURA" }],
    },
  ])("keys each row by the header for $condition", ({ text, records }) => {
    expect(parseCsvRecords(text)).toEqual(records);
  });

  it.each([
    {
      condition: "a column name is repeated",
      text: "code,code\n1,2\n",
      message: 'column name "code" is repeated',
    },
    { condition: "a column name is empty", text: "code,\n1,2\n", message: "column 2 has no name" },
    {
      condition: "a row is short",
      text: "code,name\nIT\n",
      message: "CSV line 2: expected 2 fields, found 1",
    },
  ])("throws when $condition", ({ text, message }) => {
    expect(() => parseCsvRecords(text)).toThrow(message);
  });

  it("passes the delimiter through to the parser", () => {
    expect(parseCsvRecords("code;name\nES;España\n", ";")).toEqual([{ code: "ES", name: "España" }]);
  });
});

describe("parseCsvRecords on reference-data", () => {
  it.each([
    { fileName: "nuts-2021.csv", rowCount: 265 },
    { fileName: "it-regioni-province.csv", rowCount: 127 },
    { fileName: "it-comuni.csv", rowCount: 7901 },
    { fileName: "ateco-2007.csv", rowCount: 3157 },
    { fileName: "nace-rev2.csv", rowCount: 996 },
    { fileName: "districts.csv", rowCount: 3 },
    { fileName: "countries.csv", rowCount: 3 },
    { fileName: "legal-forms.csv", rowCount: 8 },
    { fileName: "cndcec-sector-groups.csv", rowCount: 33 },
  ])("reads $rowCount rows from $fileName, as reference-data/README.md states", ({ fileName, rowCount }) => {
    const text = shippedCsvFiles[`../../../reference-data/${fileName}`];
    expect(text).toBeDefined();
    expect(parseCsvRecords(text ?? "")).toHaveLength(rowCount);
  });

  it("covers every CSV file in reference-data", () => {
    expect(Object.keys(shippedCsvFiles)).toHaveLength(9);
  });
});
