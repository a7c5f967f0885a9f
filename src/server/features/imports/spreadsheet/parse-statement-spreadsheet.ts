import { checkStatement, type StatementFinding } from "../../../../domain/statements/check-statement.ts";
import { getLineItem, type LineItemId } from "../../../../domain/statements/line-items.ts";
import { mapStatementColumns } from "./map-statement-columns.ts";
import { readSpreadsheetGrid } from "./read-spreadsheet-grid.ts";
import { readStatementRow, type SpreadsheetProblem, type StatementRow } from "./read-statement-row.ts";

export type { SpreadsheetProblem, StatementRow } from "./read-statement-row.ts";

/** The largest spreadsheet accepted, as sent (20 MiB). */
export const defaultMaximumSpreadsheetBytes = 20 * 1024 * 1024;

/** Past this many problems the list stops: a wrong file would otherwise produce one per cell. */
const maximumProblems = 500;

export type ParsedStatementSpreadsheet =
  | { isAccepted: true; kind: "csv" | "xlsx"; rows: StatementRow[]; unknownColumns: string[] }
  | { isAccepted: false; problems: SpreadsheetProblem[]; unknownColumns: string[] };

function fileProblem(message: string): SpreadsheetProblem {
  return { row: null, column: null, message };
}

function rejected(problems: SpreadsheetProblem[], unknownColumns: string[] = []): ParsedStatementSpreadsheet {
  if (problems.length <= maximumProblems) return { isAccepted: false, problems, unknownColumns };
  const more = problems.length - maximumProblems;
  return {
    isAccepted: false,
    problems: [...problems.slice(0, maximumProblems), fileProblem(`… and ${more} more problems`)],
    unknownColumns,
  };
}

/** 20 MiB + 1 byte reads "20.1 MiB" (rounded up), a 20 MiB limit "20 MiB" (rounded down): never equal. */
function formatSize(bytes: number, round: (value: number) => number): string {
  for (const [unit, size] of [
    ["MiB", 2 ** 20],
    ["KiB", 2 ** 10],
  ] as const) {
    if (bytes >= size) return `${round((bytes / size) * 10) / 10} ${unit}`;
  }
  return `${bytes} bytes`;
}

function formatEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const magnitude = Math.abs(cents);
  const euros = Math.floor(magnitude / 100).toLocaleString("en-US");
  return `${sign}${euros}.${String(magnitude % 100).padStart(2, "0")} EUR`;
}

function labelOf(itemId: LineItemId): string {
  return `${getLineItem(itemId).labels.en} [${itemId}]`;
}

function describeFinding(finding: StatementFinding): string {
  switch (finding.code) {
    case "balance_sheet_unbalanced":
      return `the balance sheet does not balance: total assets ${formatEuros(finding.totalAssetsCents)}, equity and liabilities ${formatEuros(finding.liabilitiesAndEquityCents)}, difference ${formatEuros(finding.differenceCents)}`;
    case "part_exceeds_total":
      return `${finding.partItemIds.map(labelOf).join(" + ")} (${formatEuros(finding.partCents)}) exceed ${labelOf(finding.totalItemId)} (${formatEuros(finding.totalCents)})`;
    case "key_item_missing":
      return `${labelOf(finding.itemId)} is empty: read as 0`;
    case "item_not_in_format":
      return `${labelOf(finding.itemId)} is not in the statement's format`;
    case "value_not_integer":
      return `${labelOf(finding.itemId)} is not a whole number (${finding.value})`;
  }
}

/** Errors of the statement checks become problems naming the row; warnings stay with the row. */
function checkRow(statement: StatementRow, problems: SpreadsheetProblem[]): void {
  for (const finding of checkStatement(statement.items, statement.format)) {
    const message = describeFinding(finding);
    if (finding.severity === "error") {
      problems.push({ row: statement.row, column: null, message: `row ${statement.row}: ${message}` });
    } else statement.warnings.push(message);
  }
}

/**
 * Reads a statements spreadsheet (CSV or XLSX, the layout of the statements template) into one validated
 * company-year per row, or every problem found: file too large or unreadable, required columns missing,
 * a cell that is not a valid value (row, column and value named), a row repeating another's company and
 * period end, a statement that fails `checkStatement` (e.g. an unbalanced balance sheet).
 */
export async function parseStatementSpreadsheet(
  file: { fileName: string; bytes: Uint8Array },
  options: { maximumBytes?: number; maximumUncompressedBytes?: number } = {},
): Promise<ParsedStatementSpreadsheet> {
  const maximumBytes = options.maximumBytes ?? defaultMaximumSpreadsheetBytes;
  if (file.bytes.byteLength > maximumBytes) {
    const sizes = `${formatSize(file.bytes.byteLength, Math.ceil)}, more than the ${formatSize(maximumBytes, Math.floor)}`;
    return rejected([fileProblem(`the file is ${sizes} accepted: split it into smaller files`)]);
  }
  const reading = await readSpreadsheetGrid(file.bytes, options);
  if (!reading.isRead) return rejected([fileProblem(`the file cannot be read: ${reading.reason}`)]);
  const { grid } = reading;
  const mapping = mapStatementColumns(grid.headers);
  if (mapping.problems.length > 0) return rejected(mapping.problems.map(fileProblem), mapping.unknownHeaders);
  if (grid.rows.length === 0) {
    return rejected(
      [fileProblem("the file holds no statement rows below the header")],
      mapping.unknownHeaders,
    );
  }

  const problems: SpreadsheetProblem[] = [];
  const statements: StatementRow[] = [];
  const firstRowByPeriod = new Map<string, number>();
  for (const row of grid.rows) {
    const read = readStatementRow(row, mapping.targets, grid.headers, grid.numberStyle);
    problems.push(...read.problems);
    const { statement } = read;
    if (!statement) continue;
    const key = `${statement.countryCode}:${statement.taxCode}:${statement.periodEndOn}`;
    const earlierRow = firstRowByPeriod.get(key);
    if (earlierRow !== undefined) {
      problems.push({
        row: statement.row,
        column: null,
        message: `row ${statement.row}: repeats row ${earlierRow} (${statement.countryCode} ${statement.taxCode}, period ending ${statement.periodEndOn})`,
      });
      continue;
    }
    firstRowByPeriod.set(key, statement.row);
    checkRow(statement, problems);
    statements.push(statement);
  }
  if (problems.length > 0) return rejected(problems, mapping.unknownHeaders);
  return { isAccepted: true, kind: grid.kind, rows: statements, unknownColumns: mapping.unknownHeaders };
}
