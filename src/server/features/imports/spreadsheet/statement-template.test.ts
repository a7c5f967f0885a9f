import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../../domain/shared/parse-csv.ts";
import { lineItems } from "../../../../domain/statements/line-items.ts";
import {
  buildStatementTemplateCsv,
  buildStatementTemplateHeaders,
  buildStatementTemplateXlsx,
  identityColumns,
} from "./statement-template.ts";

async function openWorkbook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.slice().buffer);
  return workbook;
}

function rowTexts(worksheet: ExcelJS.Worksheet, rowNumber: number): string[] {
  const values = worksheet.getRow(rowNumber).values as unknown[];
  return values.slice(1).map((value) => String(value ?? ""));
}

describe(buildStatementTemplateHeaders, () => {
  it("starts with the identity columns, the same in both languages", () => {
    expect(buildStatementTemplateHeaders("it").slice(0, 6)).toEqual([
      "country",
      "tax_code",
      "period_start",
      "period_end",
      "format",
      "currency",
    ]);
    expect(buildStatementTemplateHeaders("en").slice(0, 6)).toEqual([...identityColumns]);
  });

  it("writes each line item as its label in the template's language and its id in brackets", () => {
    expect(buildStatementTemplateHeaders("it")).toContain("Totale attivo [totalAssets]");
    expect(buildStatementTemplateHeaders("en")).toContain("Total assets [totalAssets]");
    expect(buildStatementTemplateHeaders("en")).toContain("Average number of employees [averageEmployees]");
  });

  it("has one column per catalogue item, in catalogue order", () => {
    for (const locale of ["it", "en"] as const) {
      const ids = buildStatementTemplateHeaders(locale)
        .slice(identityColumns.length)
        .map((header) => /\[(\w+)\]$/.exec(header)?.[1]);
      expect(ids).toEqual(lineItems.map((item) => item.id));
    }
  });
});

describe(buildStatementTemplateCsv, () => {
  it("is a UTF-8 CSV header row that reads back to the same headers (labels with commas quoted)", () => {
    for (const locale of ["it", "en"] as const) {
      const csv = buildStatementTemplateCsv(locale);
      expect(csv.startsWith("\uFEFF")).toBe(true);
      expect(parseCsv(csv, ",")).toEqual([buildStatementTemplateHeaders(locale)]);
    }
    expect(buildStatementTemplateCsv("it")).toContain(
      '"Costi per materie prime, sussidiarie, di consumo e di merci [rawMaterialsCosts]"',
    );
  });
});

describe(buildStatementTemplateXlsx, () => {
  it("opens with exceljs: the header row on the first sheet, the instructions on the second (Italian)", async () => {
    const workbook = await openWorkbook(await buildStatementTemplateXlsx("it"));
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Bilanci", "Istruzioni"]);
    const [statements, instructions] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet];
    expect(rowTexts(statements, 1)).toEqual(buildStatementTemplateHeaders("it"));
    expect(statements.rowCount).toBe(1);
    const text = instructions.getSheetValues().flat().map(String).join("\n");
    expect(text).toContain(
      "Cella vuota = 0 quando lo schema del bilancio contiene la voce; le voci che lo schema non contiene sono ignorate.",
    );
    expect(text).toContain("Imprese › Importa un elenco");
    expect(text).toContain("euro, al più 2 decimali");
    expect(text).toContain("persone, numero intero");
  });

  it("explains every column once, with its unit and the formats having it (English)", async () => {
    const workbook = await openWorkbook(await buildStatementTemplateXlsx("en"));
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual(["Statements", "Instructions"]);
    const instructions = workbook.getWorksheet("Instructions") as ExcelJS.Worksheet;
    const rows = (instructions.getSheetValues() as unknown[][])
      .filter(Boolean)
      .map((values) => values.slice(1).map((value) => String(value ?? "")));
    expect(rows.flat()).toContain(
      "Leave empty = 0 when the statement's format has the item; items the format lacks are ignored.",
    );
    const byColumn = new Map(rows.map((row) => [row[0], row]));
    for (const header of buildStatementTemplateHeaders("en")) expect(byColumn.has(header)).toBe(true);
    expect(byColumn.get("Total assets [totalAssets]")).toEqual([
      "Total assets [totalAssets]",
      "Total assets",
      "euros, at most 2 decimals",
      "ordinary, abridged, micro",
      "2424 Totale attivo",
    ]);
    expect(byColumn.get("Tax debts [taxDebts]")?.[3]).toBe("ordinary");
    expect(byColumn.get("Average number of employees [averageEmployees]")?.slice(2, 4)).toEqual([
      "persons, a whole number",
      "ordinary, abridged",
    ]);
  });
});
