import PDFDocument from "pdfkit";
import type { DistrictFigures } from "../../../contracts/district-dashboard.ts";
import { districtIndexIds } from "../../../contracts/district-dashboard.ts";
import { toPdfText } from "../reports/pdf-text.ts";
import { type DistrictReportLanguage, districtReportText } from "./district-report-text.ts";

export type DistrictReportInput = {
  language: DistrictReportLanguage;
  districtName: string;
  countryCode: string;
  generatedAt: Date;
  /** All-sectors figures by fiscal year, oldest first. */
  years: { fiscalYear: number; figures: DistrictFigures }[];
  /** Sector figures of the latest year. */
  sectors: { code: string; title: string; figures: DistrictFigures }[];
  ruleSetVersions: string[];
  computedAt: Date | undefined;
  /** Current statements behind the aggregates (one per company-year). */
  statementCount: number;
};

const levelColours = { red: "#b42318", orange: "#dc6803", green: "#2e7d32", grey: "#8a8f98" } as const;
const levels = ["red", "orange", "green", "grey"] as const;
const shareColours = { byCount: "#1f3b73", byEmployees: "#7a4fb5", byRevenue: "#0f7b7b" } as const;
const shareKeys = ["byCount", "byEmployees", "byRevenue"] as const;
const pageLeft = 50;
const pageWidth = 495;

function formatters(language: DistrictReportLanguage) {
  const tag = language === "it" ? "it-IT" : "en-GB";
  const text = districtReportText[language];
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(tag, {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const euros = new Intl.NumberFormat(tag, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: "long", timeZone: "UTC" });
  const orNa = <Value>(value: Value | null | undefined, format: (value: Value) => string) =>
    value === null || value === undefined ? text.notAvailable : toPdfText(format(value));
  return {
    integer: (value: number | null | undefined) => orNa(value, (number) => integer.format(number)),
    decimal: (value: number | null | undefined) => orNa(value, (number) => decimal.format(number)),
    percent: (value: number | null | undefined) => orNa(value, (number) => percent.format(number)),
    euros: (cents: number | null | undefined) => orNa(cents, (number) => euros.format(number / 100)),
    date: (value: Date) => toPdfText(date.format(value)),
  };
}

function heading(document: PDFKit.PDFDocument, title: string) {
  if (document.y > 700) document.addPage();
  document.moveDown(0.8).font("Helvetica-Bold").fontSize(12).fillColor("#1f2933").text(title, pageLeft);
  document.moveDown(0.3).font("Helvetica").fontSize(9);
}

function table(document: PDFKit.PDFDocument, header: string[], rows: string[][], widths: number[]) {
  const rowHeight = 15;
  const drawRow = (cells: string[], isHeader: boolean) => {
    if (document.y > 770) document.addPage();
    const top = document.y;
    let left = pageLeft;
    document
      .font(isHeader ? "Helvetica-Bold" : "Helvetica")
      .fontSize(8.5)
      .fillColor("#1f2933");
    cells.forEach((cell, column) => {
      const width = widths[column] ?? 60;
      document.text(cell, left + 2, top + 3, {
        width: width - 4,
        align: column === 0 ? "left" : "right",
        lineBreak: false,
      });
      left += width;
    });
    document
      .moveTo(pageLeft, top + rowHeight)
      .lineTo(pageLeft + widths.reduce((sum, width) => sum + width, 0), top + rowHeight)
      .lineWidth(isHeader ? 0.8 : 0.3)
      .strokeColor("#9aa5b1")
      .stroke();
    document.x = pageLeft;
    document.y = top + rowHeight;
  };
  drawRow(header, true);
  for (const row of rows) drawRow(row, false);
  document.moveDown(0.5);
}

/** Stacked bars of companies per alert level by year, drawn with rectangles, with a legend. */
function drawLevelChart(document: PDFKit.PDFDocument, input: DistrictReportInput) {
  const text = districtReportText[input.language];
  if (document.y > 560) document.addPage();
  const top = document.y + 5;
  const height = 150;
  const chartLeft = pageLeft + 40;
  const chartWidth = 300;
  const maximum = Math.max(1, ...input.years.map((year) => year.figures.companyCount ?? 0));
  const slot = chartWidth / Math.max(1, input.years.length);
  document.lineWidth(0.5).strokeColor("#52606d");
  document
    .moveTo(chartLeft, top)
    .lineTo(chartLeft, top + height)
    .lineTo(chartLeft + chartWidth, top + height)
    .stroke();
  document.font("Helvetica").fontSize(7).fillColor("#52606d");
  document.text(String(maximum), pageLeft, top - 3, { width: 36, align: "right" });
  document.text("0", pageLeft, top + height - 4, { width: 36, align: "right" });
  input.years.forEach((year, index) => {
    let base = top + height;
    const x = chartLeft + index * slot + slot * 0.2;
    for (const level of levels) {
      const value = year.figures.levelCounts[level] ?? 0;
      const barHeight = (value / maximum) * height;
      if (barHeight > 0) document.rect(x, base - barHeight, slot * 0.6, barHeight).fill(levelColours[level]);
      base -= barHeight;
    }
    document
      .fillColor("#1f2933")
      .fontSize(7)
      .text(String(year.fiscalYear), x - 5, top + height + 3, {
        width: slot * 0.6 + 10,
        align: "center",
      });
  });
  levels.forEach((level, index) => {
    const y = top + index * 14;
    document.rect(chartLeft + chartWidth + 15, y, 8, 8).fill(levelColours[level]);
    document
      .fillColor("#1f2933")
      .fontSize(7.5)
      .text(text.levels[level], chartLeft + chartWidth + 28, y, { width: 130 });
  });
  document.x = pageLeft;
  document.y = top + height + 18;
}

/** Lines of the share in distress by count, employees and revenue (0–100 %), with a legend. */
function drawShareChart(document: PDFKit.PDFDocument, input: DistrictReportInput) {
  const text = districtReportText[input.language];
  if (document.y > 560) document.addPage();
  const top = document.y + 5;
  const height = 120;
  const chartLeft = pageLeft + 40;
  const chartWidth = 300;
  const slot = chartWidth / Math.max(1, input.years.length);
  document.lineWidth(0.5).strokeColor("#52606d");
  document
    .moveTo(chartLeft, top)
    .lineTo(chartLeft, top + height)
    .lineTo(chartLeft + chartWidth, top + height)
    .stroke();
  document.font("Helvetica").fontSize(7).fillColor("#52606d");
  document.text("100%", pageLeft, top - 3, { width: 36, align: "right" });
  document.text("0%", pageLeft, top + height - 4, { width: 36, align: "right" });
  const labels = {
    byCount: text.shareByCount,
    byEmployees: text.shareByEmployees,
    byRevenue: text.shareByRevenue,
  };
  shareKeys.forEach((key, keyIndex) => {
    const points = input.years
      .map((year, index) => ({
        x: chartLeft + index * slot + slot / 2,
        share: year.figures.distressShare[key],
      }))
      .filter((point): point is { x: number; share: number } => point.share !== null);
    document.lineWidth(1.4).strokeColor(shareColours[key]);
    if (keyIndex === 1) document.dash(4, { space: 2 });
    if (keyIndex === 2) document.dash(1.5, { space: 1.5 });
    points.forEach((point, index) => {
      const y = top + height - point.share * height;
      if (index === 0) document.moveTo(point.x, y);
      else document.lineTo(point.x, y);
    });
    if (points.length > 1) document.stroke();
    document.undash();
    for (const point of points)
      document.circle(point.x, top + height - point.share * height, 2).fill(shareColours[key]);
    const legendY = top + keyIndex * 14;
    document.rect(chartLeft + chartWidth + 15, legendY + 3, 12, 2).fill(shareColours[key]);
    document
      .fillColor("#1f2933")
      .fontSize(7.5)
      .text(`${text.share} ${labels[key]}`, chartLeft + chartWidth + 32, legendY, { width: 130 });
  });
  input.years.forEach((year, index) => {
    document
      .fillColor("#1f2933")
      .fontSize(7)
      .text(String(year.fiscalYear), chartLeft + index * slot, top + height + 3, {
        width: slot,
        align: "center",
      });
  });
  document.x = pageLeft;
  document.y = top + height + 18;
}

/**
 * Draws the district report: headline figures, the two charts with their tables, index medians,
 * the sectors of the latest year and the source of every figure. Returns the PDF bytes.
 */
export async function renderDistrictReport(given: DistrictReportInput): Promise<Buffer> {
  // Names come from the database: spelled in what the built-in font can draw.
  const input = {
    ...given,
    districtName: toPdfText(given.districtName),
    sectors: given.sectors.map((sector) => ({ ...sector, title: toPdfText(sector.title) })),
  };
  const text = districtReportText[input.language];
  const format = formatters(input.language);
  const document = new PDFDocument({
    size: "A4",
    margin: pageLeft,
    info: {
      Title: `${text.title} — ${input.districtName}`,
      Author: "SECTOR",
      CreationDate: input.generatedAt,
      ModDate: input.generatedAt,
    },
    lang: input.language,
  });
  const chunks: Buffer[] = [];
  document.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on("end", () => resolve(Buffer.concat(chunks)));
    document.on("error", reject);
  });

  document
    .font("Helvetica-Bold")
    .fontSize(18)
    .fillColor("#1f2933")
    .text(`${text.title}: ${input.districtName}`);
  document
    .font("Helvetica")
    .fontSize(10)
    .fillColor("#52606d")
    .text(`${text.subtitle} (${input.countryCode})`);
  document.text(`${text.generatedAt} ${format.date(input.generatedAt)}`);
  document.fontSize(8).fillColor("#b42318").text(text.confidential);
  const latest = input.years.at(-1);
  if (!latest) {
    document.moveDown().fontSize(11).fillColor("#1f2933").text(text.noData);
  } else {
    heading(document, `${text.latestYear}: ${latest.fiscalYear}`);
    const figures = latest.figures;
    table(
      document,
      ["", ""],
      [
        [text.companies, format.integer(figures.companyCount)],
        ...levels.map((level) => [text.levels[level], format.integer(figures.levelCounts[level])]),
        [`${text.share} ${text.shareByCount}`, format.percent(figures.distressShare.byCount)],
        [`${text.share} ${text.shareByEmployees}`, format.percent(figures.distressShare.byEmployees)],
        [`${text.share} ${text.shareByRevenue}`, format.percent(figures.distressShare.byRevenue)],
        [text.revenueCovered, format.euros(figures.revenueCents)],
        [text.employeesCovered, format.integer(figures.employees)],
      ],
      [300, 150],
    );
    heading(document, text.levelsChart);
    drawLevelChart(document, input);
    heading(document, text.shareChart);
    drawShareChart(document, input);
    document
      .fontSize(7.5)
      .fillColor("#52606d")
      .text(text.shareNote, pageLeft, document.y, { width: pageWidth });
    heading(document, text.yearTable);
    table(
      document,
      [
        text.year,
        text.companies,
        "R",
        "O",
        "G",
        "Gr",
        text.shareByCount,
        text.shareByEmployees,
        text.shareByRevenue,
      ],
      input.years.map((year) => [
        String(year.fiscalYear),
        format.integer(year.figures.companyCount),
        ...levels.map((level) => format.integer(year.figures.levelCounts[level])),
        ...shareKeys.map((key) => format.percent(year.figures.distressShare[key])),
      ]),
      [50, 55, 40, 40, 40, 40, 75, 75, 75],
    );
    heading(document, `${text.medians} (${latest.fiscalYear})`);
    table(
      document,
      [text.index, text.median, text.companiesBehind],
      districtIndexIds.map((id) => [
        text.indexNames[id],
        format.decimal(figures.medians[id]?.median),
        format.integer(figures.medians[id]?.companyCount),
      ]),
      [280, 100, 80],
    );
    if (input.sectors.length > 0) {
      heading(document, text.sectorTable);
      table(
        document,
        [text.sector, text.companies, text.levels.red, text.shareByCount, text.revenueCovered],
        input.sectors.map((sector) => [
          `${sector.code} ${sector.title}`.slice(0, 60),
          format.integer(sector.figures.companyCount),
          format.integer(sector.figures.levelCounts.red),
          format.percent(sector.figures.distressShare.byCount),
          format.euros(sector.figures.revenueCents),
        ]),
        [215, 55, 70, 65, 90],
      );
    }
  }
  heading(document, text.sources);
  document
    .fontSize(8)
    .fillColor("#1f2933")
    .text(
      text.sourceLine
        .replace("{{computedAt}}", input.computedAt ? format.date(input.computedAt) : text.notAvailable)
        .replace("{{statements}}", format.integer(input.statementCount))
        .replace("{{ruleSets}}", input.ruleSetVersions.join(", ") || text.notAvailable),
      pageLeft,
      document.y,
      { width: pageWidth },
    );
  document.end();
  return finished;
}
