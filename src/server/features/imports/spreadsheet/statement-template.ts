import ExcelJS from "exceljs";
import { formatCsv } from "../../../../domain/shared/format-csv.ts";
import {
  isItemInFormat,
  type LineItemDefinition,
  lineItems,
} from "../../../../domain/statements/line-items.ts";

export type TemplateLocale = "it" | "en";

/** The columns that say whose statement a row is and how to read it; their headers are the same in every language. */
export const identityColumns = [
  "country",
  "tax_code",
  "period_start",
  "period_end",
  "format",
  "currency",
] as const;

export type IdentityColumn = (typeof identityColumns)[number];

/** The formats a spreadsheet row may declare (consolidated statements come only as XBRL filings). */
export const spreadsheetFormats = ["ordinary", "abridged", "micro"] as const;

export type SpreadsheetFormat = (typeof spreadsheetFormats)[number];

/** "Totale attivo [totalAssets]": the label in the template's language, then the catalogue id in brackets. */
export function formatItemHeader(item: LineItemDefinition, locale: TemplateLocale): string {
  return `${item.labels[locale]} [${item.id}]`;
}

/** The template's header row: the identity columns, then one column per catalogue item in catalogue order. */
export function buildStatementTemplateHeaders(locale: TemplateLocale): string[] {
  return [...identityColumns, ...lineItems.map((item) => formatItemHeader(item, locale))];
}

/**
 * The statements template as CSV: the header row only, comma-separated (RFC 4180), with a UTF-8 byte-order
 * mark so that spreadsheet programs read the accented labels correctly.
 */
export function buildStatementTemplateCsv(locale: TemplateLocale): string {
  return `\uFEFF${formatCsv([buildStatementTemplateHeaders(locale)])}`;
}

const sheetNames = {
  it: { statements: "Bilanci", instructions: "Istruzioni" },
  en: { statements: "Statements", instructions: "Instructions" },
} as const;

const generalRules: Record<TemplateLocale, string[]> = {
  it: [
    "Una riga per impresa ed esercizio. Il file si importa tutto o niente: ogni errore è elencato con riga, colonna e valore, e nulla viene salvato finché ne resta uno.",
    "Le imprese devono essere già registrate (Imprese › Importa un elenco): il foglio porta bilanci, non dati anagrafici. L'impresa è riconosciuta da paese e codice fiscale.",
    "Una colonna di voce è riconosciuta dall'identificativo tra parentesi quadre (in italiano o in inglese), oppure dalla sola etichetta esatta. Le colonne sconosciute sono segnalate e ignorate.",
    "Importi in euro, con al più 2 decimali (un valore con più decimali è arrotondato al centesimo, la metà lontano da zero). I numeri negativi portano il segno meno. Numero medio dei dipendenti in persone, numero intero.",
    "Cella vuota = 0 quando lo schema del bilancio contiene la voce; le voci che lo schema non contiene sono ignorate.",
    "Il totale attivo deve essere uguale a patrimonio netto + fondi per rischi e oneri + TFR + debiti + ratei e risconti passivi, con una tolleranza di 1 euro.",
    "CSV: testo UTF-8, separatore virgola o punto e virgola (riconosciuto dalla riga delle intestazioni); con il punto e virgola si accetta la virgola decimale, ad esempio 1.234,56.",
  ],
  en: [
    "One row per company and financial year. The file is imported all or nothing: every error is listed with its row, column and value, and nothing is saved while one remains.",
    "Companies must already be registered (Companies › Import a list): the sheet carries statements, not register data. A company is found by its country and tax code.",
    "A line-item column is recognised by the id in square brackets (in Italian or English headers), or by its exact label alone. Unknown columns are reported and ignored.",
    "Amounts in euros, with at most 2 decimals (a value with more decimals is rounded to the cent, half away from zero). Negative numbers carry a minus sign. Average number of employees in persons, a whole number.",
    "Leave empty = 0 when the statement's format has the item; items the format lacks are ignored.",
    "Total assets must equal equity + provisions for risks and charges + employee severance indemnity + debts + accrued liabilities and deferred income, within 1 euro.",
    "CSV: UTF-8 text, comma or semicolon delimiter (detected from the header line); with a semicolon, a decimal comma is accepted, e.g. 1.234,56.",
  ],
};

const identityDescriptions: Record<TemplateLocale, Record<IdentityColumn, string>> = {
  it: {
    country: "Paese dell'impresa, codice di 2 lettere (NUTS 0: IT, PT, ES, EL…). Obbligatorio.",
    tax_code:
      "Codice fiscale o partita IVA dell'impresa, come registrata. IT: 11 cifre o 16 caratteri, con il carattere di controllo; PT: NIF di 9 cifre. Obbligatorio.",
    period_start: "Primo giorno dell'esercizio, AAAA-MM-GG (ad esempio 2024-01-01). Obbligatorio.",
    period_end: "Ultimo giorno dell'esercizio, AAAA-MM-GG (ad esempio 2024-12-31). Obbligatorio.",
    format: "Schema del bilancio: ordinary (ordinario), abridged (abbreviato) o micro (micro-imprese).",
    currency: "Valuta degli importi: per ora solo EUR (una cella vuota vale EUR).",
  },
  en: {
    country: "The company's country, a 2-letter code (NUTS 0: IT, PT, ES, EL…). Required.",
    tax_code:
      "The company's tax code or VAT number, as registered. IT: 11 digits or 16 characters with their check character; PT: 9-digit NIF. Required.",
    period_start: "First day of the financial year, YYYY-MM-DD (e.g. 2024-01-01). Required.",
    period_end: "Last day of the financial year, YYYY-MM-DD (e.g. 2024-12-31). Required.",
    format: "The statement's schema: ordinary, abridged or micro.",
    currency: "The currency of the amounts: EUR only for now (an empty cell means EUR).",
  },
};

const instructionHeaders: Record<TemplateLocale, string[]> = {
  it: ["Colonna", "Significato", "Unità", "Schemi che contengono la voce", "Riferimento (codice civile)"],
  en: ["Column", "Meaning", "Unit", "Formats that have the item", "Reference (Italian civil code)"],
};

const unitNames: Record<TemplateLocale, Record<LineItemDefinition["unit"], string>> = {
  it: { cents: "euro, al più 2 decimali", persons: "persone, numero intero" },
  en: { cents: "euros, at most 2 decimals", persons: "persons, a whole number" },
};

/** One row per column of the template: its header, what it holds, its unit, the formats having it. */
export function buildStatementTemplateInstructions(locale: TemplateLocale): string[][] {
  const identityRows = identityColumns.map((column) => [
    column,
    identityDescriptions[locale][column],
    "",
    "",
    "",
  ]);
  const itemRows = lineItems.map((item) => [
    formatItemHeader(item, locale),
    item.labels[locale],
    unitNames[locale][item.unit],
    spreadsheetFormats.filter((format) => isItemInFormat(item.id, format)).join(", "),
    item.civilCodeReference,
  ]);
  return [instructionHeaders[locale], ...identityRows, ...itemRows];
}

/**
 * The statements template as an XLSX workbook: a first sheet with the header row (amount columns formatted
 * with two decimals) and a second sheet explaining the general rules and every column in the same language.
 */
export async function buildStatementTemplateXlsx(locale: TemplateLocale): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "SECTOR";
  const names = sheetNames[locale];
  const statements = workbook.addWorksheet(names.statements, { views: [{ state: "frozen", ySplit: 1 }] });
  const headers = buildStatementTemplateHeaders(locale);
  statements.addRow(headers).font = { bold: true };
  headers.forEach((header, index) => {
    const column = statements.getColumn(index + 1);
    column.width = Math.min(Math.max(header.length + 2, 12), 40);
    const item = lineItems[index - identityColumns.length];
    if (item) column.numFmt = item.unit === "cents" ? "#,##0.00" : "0";
    else column.numFmt = "@";
  });

  const instructions = workbook.addWorksheet(names.instructions);
  for (const rule of generalRules[locale]) instructions.addRow([rule]);
  instructions.addRow([]);
  const table = buildStatementTemplateInstructions(locale);
  table.forEach((row, index) => {
    const added = instructions.addRow(row);
    if (index === 0) added.font = { bold: true };
  });
  for (const [index, width] of [50, 70, 28, 28, 40].entries()) {
    const column = instructions.getColumn(index + 1);
    column.width = width;
    column.alignment = { wrapText: true, vertical: "top" };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
