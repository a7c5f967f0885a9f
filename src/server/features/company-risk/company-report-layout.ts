import { chartColors, type PdfDocument } from "../reports/pdf-charts.ts";
import { toPdfText } from "../reports/pdf-text.ts";
import type { ReportLanguage } from "./company-report-text.ts";

// Page geometry, formatters and text helpers shared by the sections of the company report.

export const pageWidth = 515;
export const maxYears = 6;

// Abbreviations of the ratios' aggregates, as the models' papers write them (language-neutral).
export const aggregateAbbreviations: Record<string, string> = {
  workingCapital: "WC",
  totalAssets: "TA",
  earnedReserves: "RE",
  earningsBeforeInterestAndTaxes: "EBIT",
  bookValueOfEquity: "BVE",
  totalLiabilities: "TL",
  sales: "S",
  earningsBeforeTaxes: "EBT",
  currentLiabilities: "CL",
  currentAssets: "CA",
  netIncome: "NI",
  marketValueOfEquity: "MVE",
};

export type Formatters = ReturnType<typeof createFormatters>;

/** Numbers and dates of the report in its language (dates in UTC: statements end on calendar dates). */
export function createFormatters(language: ReportLanguage) {
  const tag = language === "it" ? "it-IT" : "en-GB";
  const decimals = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const euros = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" });
  return {
    decimal: (value: number) => decimals.format(value),
    euros: (cents: number) => euros.format(Math.round(cents / 100)),
    date: (value: string | Date) => date.format(new Date(value)),
  };
}

export function heading(doc: PdfDocument, text: string) {
  ensureSpace(doc, 60);
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(12).fillColor(chartColors.text);
  doc.text(toPdfText(text), doc.page.margins.left, doc.y, { width: pageWidth });
  doc.moveDown(0.3).font("Helvetica").fontSize(9);
}

export function paragraph(doc: PdfDocument, text: string, size = 9, color: string = chartColors.text) {
  doc.font("Helvetica").fontSize(size).fillColor(color);
  doc.text(toPdfText(text), doc.page.margins.left, doc.y, { width: pageWidth });
}

/** Starts a new page when `height` points would not fit. */
export function ensureSpace(doc: PdfDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}
