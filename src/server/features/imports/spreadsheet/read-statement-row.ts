import { validateTaxCode } from "../../../../domain/companies/validate-tax-code.ts";
import {
  getLineItem,
  isItemInFormat,
  type LineItemId,
  type LineItemValues,
} from "../../../../domain/statements/line-items.ts";
import type { ColumnTarget } from "./map-statement-columns.ts";
import { type NumberStyle, parseSpreadsheetNumber } from "./parse-spreadsheet-number.ts";
import type { SpreadsheetCell } from "./read-spreadsheet-grid.ts";
import { type IdentityColumn, type SpreadsheetFormat, spreadsheetFormats } from "./statement-template.ts";

export type SpreadsheetProblem = { row: number | null; column: string | null; message: string };

/** One company-year read from a row, before its company is looked up. */
export type StatementRow = {
  row: number;
  countryCode: string;
  taxCode: string;
  periodStartOn: string;
  periodEndOn: string;
  isShortPeriod: boolean;
  format: SpreadsheetFormat;
  currency: "EUR";
  /** Integer cents (headcount in persons); an empty cell leaves the item absent, which §0 reads as 0. */
  items: LineItemValues;
  warnings: string[];
};

const formatSynonyms: Record<string, SpreadsheetFormat> = {
  ordinario: "ordinary",
  abbreviato: "abridged",
  "micro-imprese": "micro",
  microimprese: "micro",
};

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayInMilliseconds = 86_400_000;

function isEmpty(cell: SpreadsheetCell): cell is undefined {
  return cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function quote(cell: SpreadsheetCell): string {
  return JSON.stringify(cell instanceof Date ? cell.toISOString() : String(cell));
}

function readDate(cell: SpreadsheetCell): string | undefined {
  // Workbook dates are midnight UTC of the day shown (exceljs converts Excel's serial days so).
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? undefined : cell.toISOString().slice(0, 10);
  const match = typeof cell === "string" ? isoDatePattern.exec(cell.trim()) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? match[0] : undefined;
}

// 2024-01-01 → 2024-12-31: a period ending before the day before its first anniversary is short (§6).
function isShortPeriod(startOn: string, endOn: string): boolean {
  const start = new Date(`${startOn}T00:00:00Z`);
  const anniversary = Date.UTC(start.getUTCFullYear() + 1, start.getUTCMonth(), start.getUTCDate());
  return endOn < new Date(anniversary - dayInMilliseconds).toISOString().slice(0, 10);
}

function monthsLater(startOn: string, months: number): string {
  const start = new Date(`${startOn}T00:00:00Z`);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, start.getUTCDate()))
    .toISOString()
    .slice(0, 10);
}

function readTaxCodeText(cell: SpreadsheetCell, countryCode: string): string {
  // A partita IVA typed into a number cell loses its leading zeros: 02353550391 arrives as 2353550391.
  if (typeof cell === "number" && Number.isInteger(cell) && countryCode === "IT") {
    return String(cell).padStart(11, "0");
  }
  return cell instanceof Date ? cell.toISOString() : String(cell ?? "");
}

/**
 * Reads and validates one data row: identity cells (country, tax code with its check character, ISO dates,
 * format, EUR) and every number cell. Values of items the format lacks are checked, then ignored.
 */
export function readStatementRow(
  row: { rowNumber: number; cells: readonly SpreadsheetCell[] },
  targets: readonly (ColumnTarget | undefined)[],
  headers: readonly string[],
  numberStyle: NumberStyle,
): { statement?: StatementRow; problems: SpreadsheetProblem[] } {
  const problems: SpreadsheetProblem[] = [];
  const identity = new Map<IdentityColumn, { cell: SpreadsheetCell; header: string }>();
  const itemCells: { itemId: LineItemId; cell: SpreadsheetCell; header: string }[] = [];
  targets.forEach((target, index) => {
    const header = headers[index] ?? "";
    const cell = row.cells[index];
    if (target?.kind === "identity") identity.set(target.column, { cell, header });
    else if (target?.kind === "item") itemCells.push({ itemId: target.itemId, cell, header });
  });
  const fail = (header: string | null, message: string): undefined => {
    const where = header === null ? `row ${row.rowNumber}` : `row ${row.rowNumber}, "${header}"`;
    problems.push({ row: row.rowNumber, column: header, message: `${where}: ${message}` });
    return undefined;
  };
  const headerOf = (column: IdentityColumn): string => identity.get(column)?.header ?? column;
  const required = (column: IdentityColumn): SpreadsheetCell => {
    const entry = identity.get(column);
    if (isEmpty(entry?.cell)) return fail(headerOf(column), "is empty");
    return entry?.cell;
  };

  const countryCell = required("country");
  let countryCode = isEmpty(countryCell) ? undefined : String(countryCell).trim().toUpperCase();
  if (countryCode !== undefined && !/^[A-Z]{2}$/.test(countryCode)) {
    countryCode = fail(headerOf("country"), `${quote(countryCell)} is not a 2-letter country code`);
  }
  const taxCell = required("tax_code");
  let taxCode: string | undefined;
  if (!isEmpty(taxCell) && countryCode !== undefined) {
    const validation = validateTaxCode(countryCode, readTaxCodeText(taxCell, countryCode));
    if (validation.isValid) taxCode = validation.normalised;
    else {
      const reason = validation.reason.replaceAll("_", " ");
      fail(headerOf("tax_code"), `${quote(taxCell)} is not a valid ${countryCode} tax code (${reason})`);
    }
  }

  const dates = (["period_start", "period_end"] as const).map((column) => {
    const cell = required(column);
    const date = isEmpty(cell) ? undefined : readDate(cell);
    if (!isEmpty(cell) && date === undefined)
      fail(headerOf(column), `${quote(cell)} is not a date written YYYY-MM-DD`);
    return date;
  });
  const [periodStartOn, periodEndOn] = dates;
  if (periodStartOn && periodEndOn && periodEndOn <= periodStartOn) {
    fail(headerOf("period_end"), `the period must end after it starts (${periodStartOn} – ${periodEndOn})`);
  } else if (periodStartOn && periodEndOn && periodEndOn >= monthsLater(periodStartOn, 24)) {
    fail(headerOf("period_end"), `the period ${periodStartOn} – ${periodEndOn} is longer than 24 months`);
  }

  const formatCell = required("format");
  const formatText = isEmpty(formatCell) ? "" : String(formatCell).trim().toLowerCase();
  const format =
    spreadsheetFormats.find((candidate) => candidate === formatText) ?? formatSynonyms[formatText];
  if (!isEmpty(formatCell) && !format) {
    fail(headerOf("format"), `${quote(formatCell)} is not a format: write ordinary, abridged or micro`);
  }
  const currencyCell = identity.get("currency")?.cell;
  if (!isEmpty(currencyCell) && String(currencyCell).trim().toUpperCase() !== "EUR") {
    fail(headerOf("currency"), `${quote(currencyCell)} is not accepted: amounts must be in EUR`);
  }

  const items: LineItemValues = {};
  const warnings: string[] = [];
  for (const { itemId, cell, header } of itemCells) {
    if (isEmpty(cell)) continue;
    const text = cell instanceof Date ? cell.toISOString() : cell;
    const parsed = parseSpreadsheetNumber(text, getLineItem(itemId).unit, numberStyle);
    if (!parsed.isValid) {
      fail(header, `${quote(cell)} ${parsed.reason}`);
      continue;
    }
    if (format && !isItemInFormat(itemId, format)) {
      if (parsed.value !== 0) warnings.push(`"${header}" ignored: the ${format} format has no such item`);
      continue;
    }
    items[itemId] = parsed.value;
  }

  if (problems.length > 0 || !countryCode || !taxCode || !periodStartOn || !periodEndOn || !format) {
    return { problems };
  }
  const isShort = isShortPeriod(periodStartOn, periodEndOn);
  if (isShort) warnings.push(`short period: ${periodStartOn} – ${periodEndOn}`);
  return {
    statement: {
      row: row.rowNumber,
      countryCode,
      taxCode,
      periodStartOn,
      periodEndOn,
      isShortPeriod: isShort,
      format,
      currency: "EUR",
      items,
      warnings,
    },
    problems,
  };
}
