import ExcelJS from "exceljs";
import { computePartitaIvaCheckDigit } from "../../../../domain/companies/validate-tax-code.ts";

/** Test builders for statement spreadsheets (used by the unit and integration tests next to this file). */

/** A partita IVA with its check digit, from ten digits. */
export function buildPartitaIva(firstTenDigits: string): string {
  return `${firstTenDigits}${computePartitaIvaCheckDigit(firstTenDigits)}`;
}

/**
 * A balanced abridged statement in euros: total assets 1,000,000 = equity 300,000 + provisions 20,000 + TFR
 * 30,000 + debts 600,000 + accrued liabilities 50,000.
 */
export const balancedStatementEuros: Record<string, number> = {
  "Total assets [totalAssets]": 1_000_000,
  "Receivables (current assets) [receivables]": 400_000,
  "Receivables due within one year [receivablesDueWithinOneYear]": 350_000,
  "Equity [equity]": 300_000,
  "Provisions for risks and charges [provisionsForRisksAndCharges]": 20_000,
  "Employee severance indemnity (TFR) [employeeSeveranceIndemnity]": 30_000,
  "Debts [debts]": 600_000,
  "Debts due within one year [debtsDueWithinOneYear]": 450_000,
  "Accrued liabilities and deferred income [accruedLiabilitiesAndDeferredIncome]": 50_000,
  "Revenue from sales and services [revenue]": 1_800_000.55,
  "Total value of production [valueOfProduction]": 1_850_000,
  "Total costs of production [costsOfProduction]": 1_760_000,
  "Operating result (EBIT, A − B) [operatingResult]": 90_000,
  "Interest and other financial charges [interestAndOtherFinancialCharges]": 15_000,
  "Result before taxes [resultBeforeTaxes]": 75_000,
  "Net result for the year [netResult]": 52_000,
  "Average number of employees [averageEmployees]": 14,
};

export type TestRow = {
  country: string;
  taxCode: string;
  year: number;
  format?: string;
  euros?: Record<string, number | string>;
};

const identityHeaders = ["country", "tax_code", "period_start", "period_end", "format", "currency"];

export function buildRowCells(row: TestRow): (string | number)[] {
  const euros = { ...balancedStatementEuros, ...row.euros };
  return [
    row.country,
    row.taxCode,
    `${row.year}-01-01`,
    `${row.year}-12-31`,
    row.format ?? "abridged",
    "EUR",
    ...Object.keys(balancedStatementEuros).map((header) => euros[header] ?? ""),
  ];
}

export const testHeaders = [...identityHeaders, ...Object.keys(balancedStatementEuros)];

/** A CSV of the rows; with ";" amounts are written the Italian way (1.800.000,55). */
export function buildCsvFile(rows: readonly TestRow[], delimiter: "," | ";" = ","): string {
  const write = (cell: string | number): string => {
    const text =
      typeof cell === "number" && delimiter === ";"
        ? cell.toLocaleString("it-IT", { useGrouping: true, maximumFractionDigits: 2 })
        : String(cell);
    return /[",;\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [testHeaders, ...rows.map(buildRowCells)].map((cells) => cells.map(write).join(delimiter));
  return `${lines.join("\r\n")}\r\n`;
}

/** An XLSX workbook with the rows on its first sheet, amounts as numbers, as a spreadsheet program saves it. */
export async function buildXlsxFile(rows: readonly TestRow[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet("Statements");
  worksheet.addRow(testHeaders);
  for (const row of rows) worksheet.addRow(buildRowCells(row));
  workbook.addWorksheet("Instructions").addRow(["ignored"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
