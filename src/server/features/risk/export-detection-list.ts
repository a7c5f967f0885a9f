import ExcelJS from "exceljs";
import { type DetectionExportQuery, detectionExportCap } from "../../../contracts/detection.ts";
import { formatCsv } from "../../../domain/shared/format-csv.ts";
import { neutraliseSpreadsheetCell } from "../../../domain/shared/neutralise-spreadsheet-cell.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import {
  countDetectionRows,
  type DetectionCursorValue,
  type DetectionRow,
  findDetectionRows,
  readCursorValues,
} from "./detection.repo.ts";
import { resolveDetectionQuery } from "./find-detection-page.ts";

type Locale = "it" | "en";
type Cell = string | number | null;

const words = {
  it: {
    headers: [
      "Impresa",
      "Codice fiscale",
      "Paese",
      "ATECO",
      "Distretto",
      "Classe dimensionale",
      "Esercizio",
      "Chiusura esercizio",
      "Livello di allerta",
      "Livello dell'anno precedente",
      "In peggioramento",
      "Prima allerta",
      "Modelli in area di crisi",
      "Rating EM",
      "Esito screening CNDCEC",
      "Indici CNDCEC superati",
      "Ricavi (EUR)",
      "Dipendenti",
    ],
    levels: {
      red: "rosso (rischio alto)",
      orange: "arancione (attenzione)",
      green: "verde",
      grey: "grigio (non valutabile)",
    },
    sizes: { micro: "micro", small: "piccola", medium: "media", large: "grande", unknown: "non nota" },
    models: { altman_z_double_prime: "Altman Z″", zmijewski: "Zmijewski", springate: "Springate" },
    yes: "sì",
    no: "no",
    sheet: "Allerta precoce",
    file: "allerta-precoce",
  },
  en: {
    headers: [
      "Company",
      "Tax code",
      "Country",
      "ATECO",
      "District",
      "Size class",
      "Fiscal year",
      "Period end",
      "Alert level",
      "Previous year's level",
      "Deteriorating",
      "First alert",
      "Models signalling distress",
      "EM rating",
      "CNDCEC screen outcome",
      "CNDCEC indices breached",
      "Revenue (EUR)",
      "Employees",
    ],
    levels: {
      red: "red (high risk)",
      orange: "orange (watch)",
      green: "green",
      grey: "grey (not assessable)",
    },
    sizes: { micro: "micro", small: "small", medium: "medium", large: "large", unknown: "unknown" },
    models: { altman_z_double_prime: "Altman Z″", zmijewski: "Zmijewski", springate: "Springate" },
    yes: "yes",
    no: "no",
    sheet: "Early warning",
    file: "early-warning",
  },
} as const;

function lookup(table: Record<string, string>, key: string | null): string | null {
  return key === null ? null : (table[key] ?? key);
}

function toCells(row: DetectionRow, locale: Locale): Cell[] {
  const text = words[locale];
  return [
    row.name,
    row.taxCode,
    row.countryCode,
    row.atecoCode,
    (locale === "it" ? row.districtNameIt : row.districtNameEn) ?? row.districtCode,
    lookup(text.sizes, row.sizeClass),
    row.fiscalYear,
    row.periodEndOn,
    lookup(text.levels, row.alertLevel),
    lookup(text.levels, row.previousAlertLevel),
    row.isDeteriorating ? text.yes : text.no,
    row.isFirstAlert ? text.yes : text.no,
    row.distressModels.map((model) => lookup(text.models, model)).join(", "),
    row.emRating,
    row.cndcecOutcome,
    row.breachedIndexCount,
    row.revenueCents === null ? null : row.revenueCents / 100,
    row.employees,
  ].map((cell) => neutraliseSpreadsheetCell(cell));
}

const pageSize = 1000;

export type DetectionExport = {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
  rowCount: number;
};

/**
 * Every row of the detection list matching the filters (at most `detectionExportCap`) as CSV or
 * XLSX with headers in the user's language; text cells that a spreadsheet would run are neutralised.
 * The export is written to the audit log with its filters and row count.
 */
export async function exportDetectionList(
  deps: { db: Database; clock: () => Date; exportCap?: number },
  principal: Principal,
  query: DetectionExportQuery,
  meta: RequestMeta,
): Promise<DetectionExport> {
  const { format, lang, ...filters } = query;
  const locale: Locale = lang ?? principal.locale;
  const cap = deps.exportCap ?? detectionExportCap;
  const resolved = await resolveDetectionQuery(deps, principal, filters);
  const total = await countDetectionRows(deps.db, resolved.scope, resolved.filter, principal.userId);
  if (total > cap) {
    const message = `The export would have ${total} rows, more than the ${cap} allowed: narrow the filters.`;
    throw new AppError("validation_failed", message, [{ path: "query", message }]);
  }
  const rows: Cell[][] = [];
  let after: DetectionCursorValue[] | undefined;
  for (;;) {
    const page = await findDetectionRows(deps.db, resolved.scope, resolved.filter, principal.userId, {
      order: resolved.order,
      limit: pageSize,
      after,
    });
    rows.push(...page.map((row) => toCells(row, locale)));
    const last = page.at(-1);
    if (page.length < pageSize || !last || rows.length >= cap) break;
    after = readCursorValues(resolved.order, last);
  }
  await insertAuditEvent(deps.db, {
    occurredAt: deps.clock(),
    action: "export.early_warning_list",
    actorUserId: principal.userId,
    actorEmail: principal.email,
    details: { filters, format, rowCount: rows.length },
    ipAddress: meta.ipAddress,
    requestId: meta.requestId,
  });
  const text = words[locale];
  const stamp = deps.clock().toISOString().slice(0, 10);
  const headers = [...text.headers];
  if (format === "csv") {
    return {
      fileName: `sector-${text.file}-${stamp}.csv`,
      contentType: "text/csv; charset=utf-8",
      // The byte-order mark makes spreadsheet programs read the accented words as UTF-8.
      body: `\uFEFF${formatCsv([headers, ...rows])}`,
      rowCount: rows.length,
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(text.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 40 : 16;
  });
  return {
    fileName: `sector-${text.file}-${stamp}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    rowCount: rows.length,
  };
}
