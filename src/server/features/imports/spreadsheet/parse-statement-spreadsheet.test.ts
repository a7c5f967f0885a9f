import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseStatementSpreadsheet } from "./parse-statement-spreadsheet.ts";
import {
  buildCsvFile,
  buildPartitaIva,
  buildXlsxFile,
  encode,
  type TestRow,
  testHeaders,
} from "./spreadsheet-test-files.ts";
import { buildStatementTemplateCsv, buildStatementTemplateXlsx } from "./statement-template.ts";

const pucci = buildPartitaIva("0235355039");
const rossi = buildPartitaIva("0123456789");
const pucciRow: TestRow = { country: "IT", taxCode: pucci, year: 2023 };
const rossiRow: TestRow = { country: "it", taxCode: `IT${rossi}`, year: 2024, format: "micro" };
const rows = [pucciRow, rossiRow];

async function parse(bytes: Uint8Array, fileName = "statements.csv") {
  return parseStatementSpreadsheet({ fileName, bytes });
}

async function problemsOf(bytes: Uint8Array) {
  const parsed = await parse(bytes);
  if (parsed.isAccepted) throw new Error("expected a rejection");
  return parsed.problems.map((problem) => problem.message);
}

describe(parseStatementSpreadsheet, () => {
  it("reads a comma CSV into company-years in cents, normalising country and tax code", async () => {
    const parsed = await parse(encode(buildCsvFile(rows)));
    if (!parsed.isAccepted) throw new Error(parsed.problems[0]?.message);
    expect(parsed.kind).toBe("csv");
    expect(
      parsed.rows.map((row) => [row.row, row.countryCode, row.taxCode, row.periodEndOn, row.format]),
    ).toEqual([
      [2, "IT", pucci, "2023-12-31", "abridged"],
      [3, "IT", rossi, "2024-12-31", "micro"],
    ]);
    expect(parsed.rows[0]?.items).toMatchObject({
      totalAssets: 100_000_000,
      revenue: 180_000_055,
      averageEmployees: 14,
    });
  });

  it("ignores the items a format lacks, with a warning (micro filers have no headcount)", async () => {
    const parsed = await parse(encode(buildCsvFile(rows)));
    if (!parsed.isAccepted) throw new Error(parsed.problems[0]?.message);
    expect(parsed.rows[1]?.items.averageEmployees).toBeUndefined();
    expect(parsed.rows[1]?.warnings).toEqual([
      '"Average number of employees [averageEmployees]" ignored: the micro format has no such item',
    ]);
  });

  it("reads a semicolon CSV with decimal commas and thousands points, and a BOM", async () => {
    const parsed = await parse(encode(`\uFEFF${buildCsvFile(rows, ";")}`));
    if (!parsed.isAccepted) throw new Error(parsed.problems[0]?.message);
    expect(parsed.rows[0]?.items).toMatchObject({ totalAssets: 100_000_000, revenue: 180_000_055 });
  });

  it("reads an XLSX workbook's first sheet, numbers as numbers", async () => {
    const parsed = await parse(await buildXlsxFile(rows), "statements.xlsx");
    if (!parsed.isAccepted) throw new Error(parsed.problems[0]?.message);
    expect(parsed.kind).toBe("xlsx");
    expect(parsed.rows.map((row) => [row.row, row.taxCode, row.items.revenue])).toEqual([
      [2, pucci, 180_000_055],
      [3, rossi, 180_000_055],
    ]);
  });

  it("restores the leading zero of a partita IVA typed into a number cell, and reads date cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const worksheet = workbook.addWorksheet("Statements");
    worksheet.addRow(testHeaders);
    worksheet.addRow([
      "IT",
      Number(pucci),
      new Date(Date.UTC(2023, 0, 1)),
      new Date(Date.UTC(2023, 11, 31)),
      "abbreviato",
    ]);
    const parsed = await parse(new Uint8Array(await workbook.xlsx.writeBuffer()), "statements.xlsx");
    if (!parsed.isAccepted) throw new Error(parsed.problems[0]?.message);
    expect(parsed.rows[0]).toMatchObject({
      taxCode: pucci,
      periodStartOn: "2023-01-01",
      format: "abridged",
      items: {},
    });
    expect(parsed.rows[0]?.warnings).toContain("Total assets [totalAssets] is empty: read as 0");
  });

  it("reads the Italian XLSX template once filled in, ignoring its instructions sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await buildStatementTemplateXlsx("it")).slice().buffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const values: Record<string, string | number> = {
      country: "IT",
      tax_code: pucci,
      period_start: "2024-01-01",
      period_end: "2024-12-31",
      format: "ordinario",
      currency: "EUR",
      "Totale attivo [totalAssets]": 1_000.5,
      "Patrimonio netto [equity]": 1_000.5,
      "Debiti tributari [taxDebts]": 0,
    };
    sheet.addRow(headers.map((header) => values[header] ?? null));
    const parsed = await parse(new Uint8Array(await workbook.xlsx.writeBuffer()), "modello.xlsx");
    if (!parsed.isAccepted) throw new Error(parsed.problems[0]?.message);
    expect(parsed.rows[0]).toMatchObject({
      format: "ordinary",
      items: { totalAssets: 100_050, equity: 100_050, taxDebts: 0 },
    });
    expect(Object.keys(parsed.rows[0]?.items ?? {})).toHaveLength(3);
  });

  it("reports unknown columns and reads the rest", async () => {
    const csv = buildCsvFile(rows).replace("currency", "currency,Notes").replace(/EUR/g, "EUR,see notes");
    const parsed = await parse(encode(csv));
    expect(parsed).toMatchObject({ isAccepted: true, unknownColumns: ["Notes"] });
  });

  it("names the row, the column and the value of a text in a number column", async () => {
    const bad = [{ ...pucciRow, euros: { "Total assets [totalAssets]": "n/a" } }];
    expect(await problemsOf(encode(buildCsvFile(bad)))).toEqual([
      'row 2, "Total assets [totalAssets]": "n/a" is not a number',
    ]);
  });

  it("names the row and the difference of an unbalanced balance sheet", async () => {
    const bad = [pucciRow, { ...rossiRow, euros: { "Equity [equity]": 310_000 } }];
    expect(await problemsOf(encode(buildCsvFile(bad)))).toEqual([
      "row 3: the balance sheet does not balance: total assets 1,000,000.00 EUR, equity and liabilities 1,010,000.00 EUR, difference -10,000.00 EUR",
    ]);
  });

  it("lists every cell problem of every row", async () => {
    const bad: TestRow[] = [
      { country: "ITA", taxCode: pucci, year: 2023 },
      { country: "IT", taxCode: "02353550392", year: 2024, format: "consolidated" },
    ];
    const csv = buildCsvFile(bad).replace("2024-12-31", "2024-02-30");
    expect(await problemsOf(encode(csv))).toEqual([
      'row 2, "country": "ITA" is not a 2-letter country code',
      'row 3, "tax_code": "02353550392" is not a valid IT tax code (bad check digit)',
      'row 3, "period_end": "2024-02-30" is not a date written YYYY-MM-DD',
      'row 3, "format": "consolidated" is not a format: write ordinary, abridged or micro',
    ]);
  });

  it("refuses a second row for the same company and period end", async () => {
    expect(await problemsOf(encode(buildCsvFile([pucciRow, pucciRow])))).toEqual([
      `row 3: repeats row 2 (IT ${pucci}, period ending 2023-12-31)`,
    ]);
  });

  it("refuses a file without the required columns, naming them", async () => {
    const csv = buildCsvFile(rows).replace("tax_code", "vat").replace("period_end", "end");
    expect(await problemsOf(encode(csv))).toEqual([
      "required columns missing: tax_code, period_end (see the template's header row)",
    ]);
  });

  it("refuses a file over the size limit before reading it", async () => {
    const parsed = await parseStatementSpreadsheet(
      { fileName: "big.csv", bytes: encode(buildCsvFile(rows)) },
      { maximumBytes: 100 },
    );
    expect(parsed).toMatchObject({
      isAccepted: false,
      problems: [
        {
          row: null,
          message: expect.stringMatching(/^the file is [\d.]+ KiB, more than the 100 bytes accepted/),
        },
      ],
    });
  });

  it.each([
    ["an empty template (CSV)", () => encode(buildStatementTemplateCsv("it")), /no statement rows/],
    ["an empty template (XLSX)", () => buildStatementTemplateXlsx("en"), /no statement rows/],
    ["text that is not UTF-8", () => new Uint8Array([0x63, 0x6f, 0xe0, 0x0a]), /UTF-8/],
    ["a legacy .xls workbook", () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), /legacy \.xls/],
    ["malformed CSV", () => encode('country,"tax_code\n'), /not valid CSV/],
  ])("refuses %s", async (_name, build, message) => {
    const problems = await problemsOf(await build());
    expect(problems.join("\n")).toMatch(message);
  });
});
