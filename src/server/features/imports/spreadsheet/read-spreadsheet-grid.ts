import ExcelJS from "exceljs";
import { parseCsv } from "../../../../domain/shared/parse-csv.ts";
import { inspectXlsxArchive } from "./inspect-xlsx-archive.ts";
import type { NumberStyle } from "./parse-spreadsheet-number.ts";

/** A cell as read: CSV cells are text; workbook cells keep numbers as numbers and dates as dates. */
export type SpreadsheetCell = string | number | Date | undefined;

export type SpreadsheetGrid = {
  kind: "csv" | "xlsx";
  /** How text in number columns is written (see NumberStyle). */
  numberStyle: NumberStyle;
  headers: string[];
  /** Data rows that hold at least one value; `rowNumber` is the row as a spreadsheet program shows it. */
  rows: { rowNumber: number; cells: SpreadsheetCell[] }[];
};

export type GridReading = { isRead: true; grid: SpreadsheetGrid } | { isRead: false; reason: string };

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

function isEmptyCell(cell: SpreadsheetCell): boolean {
  return cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** The delimiter of the header line: whichever of semicolon and comma occurs more often outside quotes. */
export function detectCsvDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let isQuoted = false;
  for (const character of text) {
    if (character === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (character === "\n" || character === "\r")) break;
    else if (!isQuoted && character === ",") commas += 1;
    else if (!isQuoted && character === ";") semicolons += 1;
  }
  return semicolons > commas ? ";" : ",";
}

function readCsv(bytes: Uint8Array): GridReading {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { isRead: false, reason: "it is neither an XLSX workbook nor UTF-8 text: save the CSV as UTF-8" };
  }
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const delimiter = detectCsvDelimiter(source);
  let records: string[][];
  try {
    records = parseCsv(source, delimiter);
  } catch (error) {
    return { isRead: false, reason: `it is not valid CSV: ${(error as Error).message}` };
  }
  const [headers = [], ...rows] = records;
  return {
    isRead: true,
    grid: {
      kind: "csv",
      numberStyle: delimiter === ";" ? "comma" : "point",
      headers,
      rows: rows
        .map((cells, index) => ({ rowNumber: index + 2, cells: cells as SpreadsheetCell[] }))
        .filter((row) => !row.cells.every(isEmptyCell)),
    },
  };
}

/** Reduces exceljs's cell values (rich text, hyperlinks, formulas, errors) to text, number or date. */
export function toSpreadsheetCell(value: ExcelJS.CellValue): SpreadsheetCell {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number" || typeof value === "string" || value instanceof Date) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("hyperlink" in value) return String(value.text);
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    // A formula counts by the value the spreadsheet program last computed and saved with it.
    const result = toSpreadsheetCell(value.result as ExcelJS.CellValue);
    return result ?? `=${"formula" in value ? value.formula : value.sharedFormula}`;
  }
  return undefined;
}

function headerText(cell: SpreadsheetCell): string {
  if (cell === undefined) return "";
  return cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
}

async function readXlsx(
  bytes: Uint8Array,
  maximumUncompressedBytes: number | undefined,
): Promise<GridReading> {
  const inspection = inspectXlsxArchive(bytes, { maximumUncompressedBytes });
  if (!inspection.isAccepted) return { isRead: false, reason: inspection.reason };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    return { isRead: false, reason: `it is not a readable XLSX workbook: ${(error as Error).message}` };
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return { isRead: false, reason: "the workbook has no worksheet" };
  const headerRow = worksheet.getRow(1);
  const headers: string[] = [];
  for (let column = 1; column <= headerRow.cellCount; column += 1) {
    headers.push(headerText(toSpreadsheetCell(headerRow.getCell(column).value)).trim());
  }
  const rows: SpreadsheetGrid["rows"] = [];
  worksheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = headers.map((_header, index) => toSpreadsheetCell(row.getCell(index + 1).value));
    if (!cells.every(isEmptyCell)) rows.push({ rowNumber, cells });
  });
  return { isRead: true, grid: { kind: "xlsx", numberStyle: "plain", headers, rows } };
}

/**
 * Reads a CSV (UTF-8, optional BOM, comma or semicolon) or XLSX file (first worksheet, first row as headers)
 * into a grid. An XLSX archive is inspected before it is opened; legacy .xls workbooks are refused.
 */
export async function readSpreadsheetGrid(
  bytes: Uint8Array,
  options: { maximumUncompressedBytes?: number } = {},
): Promise<GridReading> {
  if (startsWith(bytes, zipSignature)) return readXlsx(bytes, options.maximumUncompressedBytes);
  if (startsWith(bytes, oleSignature)) {
    return { isRead: false, reason: "it is a legacy .xls workbook: save it as .xlsx or as CSV (UTF-8)" };
  }
  return readCsv(bytes);
}
