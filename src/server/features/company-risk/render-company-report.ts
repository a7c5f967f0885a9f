import type { CompanyRisk, RiskModelResult } from "../../../contracts/company-risk.ts";
import { chartColors, drawLineChart, type PdfDocument, type ZoneBand } from "../reports/pdf-charts.ts";
import { drawTable, renderPdf, type TableCell } from "../reports/pdf-table.ts";
import { toPdfText } from "../reports/pdf-text.ts";
import {
  createFormatters,
  ensureSpace,
  type Formatters,
  heading,
  maxYears,
  pageWidth,
  paragraph,
} from "./company-report-layout.ts";
import { drawChanges, drawSources, drawStatements } from "./company-report-sections.ts";
import { createReportText, type ReportLanguage, type ReportText } from "./company-report-text.ts";

const zoneFills: Record<string, string> = {
  red: chartColors.dangerBand,
  distress: chartColors.dangerBand,
  failing: chartColors.dangerBand,
  crisis_presumed: chartColors.dangerBand,
  orange: chartColors.warningBand,
  grey: "#f3f4f6",
  partial_signals: chartColors.warningBand,
  green: chartColors.successBand,
  safe: chartColors.successBand,
  no_distress: chartColors.successBand,
  not_failing: chartColors.successBand,
  no_signal: chartColors.successBand,
  no_crisis_presumed: chartColors.successBand,
};

function describeResult(result: RiskModelResult, text: ReportText, format: Formatters): string {
  if (result.status !== "computed") return text.words.notComputable;
  const zone = result.zone ? text.zone(result.zone) : "";
  const value =
    result.model === "alert_level" || result.value === null ? "" : `${format.decimal(result.value)} `;
  return `${value}${zone}`;
}

function modelCell(result: RiskModelResult | undefined, text: ReportText, format: Formatters): TableCell {
  if (!result) return "";
  if (result.status !== "computed") return { text: text.words.notComputable, color: chartColors.muted };
  return {
    text: describeResult(result, text, format),
    fill: result.zone ? zoneFills[result.zone] : undefined,
  };
}

// The results with the users' DSCR and market value of equity, apart from the official ones.
function drawWithInputs(doc: PdfDocument, years: CompanyRisk["years"], text: ReportText, format: Formatters) {
  const withInputs = years.flatMap((year) => (year.withInputs ? [{ year, inputs: year.withInputs }] : []));
  if (withInputs.length === 0) return;
  paragraph(doc, text.words.withInputsNote, 7.5);
  for (const { year, inputs } of withInputs) {
    const models = inputs.models
      .filter((model) => model.model !== "alert_level")
      .map((model) => `${text.model(model.model)} ${describeResult(model, text, format)}`);
    paragraph(
      doc,
      `${year.fiscalYear}: ${text.model("alert_level")} ${text.zone(inputs.level)}${models.length ? ` · ${models.join(" · ")}` : ""}`,
      7.5,
    );
  }
}

function drawIdentityAndAlert(
  doc: PdfDocument,
  risk: CompanyRisk,
  text: ReportText,
  language: ReportLanguage,
) {
  const { company } = risk;
  const { words } = text;
  const sectorTitle =
    language === "it" ? company.sectorTitleIt : (company.sectorTitleEn ?? company.sectorTitleIt);
  const districtName =
    language === "it" ? company.districtNameIt : (company.districtNameEn ?? company.districtNameIt);
  heading(doc, words.identity);
  doc.y = drawTable(doc, {
    x: doc.page.margins.left,
    y: doc.y,
    columns: [
      { header: words.identity, width: 150 },
      { header: company.name, width: pageWidth - 150 },
    ],
    rows: [
      [words.taxCode, company.taxCode],
      [words.legalForm, company.legalForm],
      [words.sector, [company.atecoCode, sectorTitle].filter(Boolean).join(" · ") || words.none],
      [words.district, districtName ?? words.none],
      [words.municipality, company.municipalityName ?? words.none],
    ],
  });
  heading(doc, words.alertTitle);
  const latest = risk.years.at(-1);
  if (!latest) {
    paragraph(doc, words.noStatements);
    return;
  }
  const flags = [
    latest.alert.isDeteriorating ? words.deteriorating : undefined,
    latest.alert.isFirstAlert ? words.firstAlert : undefined,
    latest.alert.previousLevel
      ? `${words.previousLevel}: ${text.zone(latest.alert.previousLevel)}`
      : undefined,
  ].filter(Boolean);
  doc.font("Helvetica-Bold").fontSize(11).fillColor(chartColors.text);
  doc.text(
    toPdfText(
      `${words.latestYear} ${latest.fiscalYear}: ${text.zone(latest.alert.level)}${flags.length ? ` (${flags.join(", ")})` : ""}`,
    ),
    doc.page.margins.left,
    doc.y,
    { width: pageWidth },
  );
  if (latest.alert.reasons.length > 0)
    paragraph(
      doc,
      `${words.reasons}: ${latest.alert.reasons.map((reason) => words.reasonWords[reason] ?? reason).join("; ")}`,
    );
  paragraph(doc, `${words.ruleSets}: ${latest.alert.ruleSetVersion}`, 8, chartColors.muted);
}

function drawModels(doc: PdfDocument, risk: CompanyRisk, text: ReportText, format: Formatters) {
  const years = risk.years.slice(-maxYears);
  if (years.length === 0) return;
  heading(doc, text.words.modelsTitle);
  const modelWidth = 130;
  const yearWidth = (pageWidth - modelWidth) / years.length;
  const models = years.at(-1)?.models.map((model) => model.model) ?? [];
  doc.y = drawTable(doc, {
    x: doc.page.margins.left,
    y: doc.y,
    fontSize: 7.5,
    columns: [
      { header: text.words.model, width: modelWidth },
      ...years.map((year) => ({
        header: String(year.fiscalYear),
        width: yearWidth,
        align: "center" as const,
      })),
    ],
    rows: models.map((model) => [
      text.model(model),
      ...years.map((year) =>
        modelCell(
          year.models.find((candidate) => candidate.model === model),
          text,
          format,
        ),
      ),
    ]),
  });
  drawWithInputs(doc, years, text, format);
  paragraph(doc, text.words.screenNote, 7, chartColors.muted);
}

function zoneBands(result: RiskModelResult | undefined): ZoneBand[] {
  const distress = result?.thresholds.find((threshold) => threshold.name === "distressBelow")?.value;
  const safe = result?.thresholds.find((threshold) => threshold.name === "safeAbove")?.value;
  if (distress === undefined || safe === undefined) return [];
  return [
    { from: -1e6, to: distress, color: chartColors.dangerBand },
    { from: distress, to: safe, color: chartColors.warningBand },
    { from: safe, to: 1e6, color: chartColors.successBand },
  ];
}

function drawHistory(doc: PdfDocument, risk: CompanyRisk, text: ReportText, format: Formatters) {
  const years = risk.years.slice(-maxYears);
  if (years.length === 0) return;
  heading(doc, text.words.historyTitle);
  ensureSpace(doc, 170);
  const top = doc.y;
  const charts = ["altman_z_double_prime", "altman_z_prime"] as const;
  charts.forEach((model, index) => {
    const results = years.map((year) => year.models.find((candidate) => candidate.model === model));
    const sample = results.find((result) => result !== undefined);
    const x = doc.page.margins.left + index * (pageWidth / 2 + 4);
    doc.font("Helvetica-Bold").fontSize(8).fillColor(chartColors.text);
    doc.text(toPdfText(text.model(model)), x, top, { width: pageWidth / 2 - 4, lineBreak: false });
    drawLineChart(
      doc,
      { x, y: top + 12, width: pageWidth / 2 - 4, height: 140 },
      {
        categories: years.map((year) => String(year.fiscalYear)),
        series: [{ name: text.model(model), values: results.map((result) => result?.value ?? null) }],
        bands: zoneBands(sample),
        thresholds: (sample?.thresholds ?? []).map((threshold) => ({
          value: threshold.value,
          label: `${format.decimal(threshold.value)}`,
          color: chartColors.axis,
        })),
        formatValue: format.decimal,
      },
    );
  });
  doc.y = top + 160;
}

function drawBreachMatrix(doc: PdfDocument, risk: CompanyRisk, text: ReportText, format: Formatters) {
  const { words } = text;
  heading(doc, words.breachTitle);
  const matrix = risk.breachMatrix;
  if (matrix.sectorGroup !== null) paragraph(doc, `${words.sectorGroup}: ${matrix.sectorGroup}`, 8);
  else paragraph(doc, words.noBenchmark, 8);
  const years = risk.years.slice(-maxYears);
  if (years.length === 0) return;
  const first = 50;
  const second = 90;
  const yearWidth = (pageWidth - first - second) / years.length;
  doc.y = drawTable(doc, {
    x: doc.page.margins.left,
    y: doc.y + 4,
    fontSize: 7.5,
    columns: [
      { header: words.index, width: first },
      { header: words.threshold, width: second },
      ...years.map((year) => ({
        header: String(year.fiscalYear),
        width: yearWidth,
        align: "center" as const,
      })),
    ],
    rows: matrix.indices.map((row) => [
      row.index,
      row.threshold
        ? `${row.direction === "above" ? ">" : "<"} ${format.decimal(row.threshold.value)} %`
        : words.none,
      ...years.map((year): TableCell => {
        const cell = row.cells.find((candidate) => candidate.periodEndOn === year.periodEndOn);
        if (cell?.status !== "computed" || cell.percent === null) {
          return { text: words.notComputable, color: chartColors.muted };
        }
        const verdict =
          cell.isBreached === null
            ? ""
            : cell.isBreached
              ? ` (${words.breached})`
              : ` (${words.notBreached})`;
        return {
          text: `${format.decimal(cell.percent)} %${verdict}`,
          fill: cell.isBreached
            ? chartColors.dangerBand
            : cell.isBreached === false
              ? chartColors.successBand
              : undefined,
        };
      }),
    ]),
  });
}

function drawPageNumbers(doc: PdfDocument, text: ReportText, companyName: string) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(7).fillColor(chartColors.muted);
    doc.text(
      toPdfText(`${companyName} · ${text.fill(text.words.page, { page: index + 1, pages: range.count })}`),
      doc.page.margins.left,
      doc.page.height - 28,
      { width: pageWidth, align: "center", lineBreak: false },
    );
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The company risk report as a PDF: identity, alert level, models per year with zones, Z″ and Z′ history
 * charts with zone bands, the CNDCEC breach matrix, the Z″ waterfall of what moved the score, statements,
 * and the source of every figure (statement files and periods, rule-set versions and citations).
 */
export function renderCompanyReport(
  risk: CompanyRisk,
  options: { language: ReportLanguage; generatedAt: Date; compress?: boolean },
): Promise<Buffer> {
  const text = createReportText(options.language);
  const format = createFormatters(options.language);
  return renderPdf(
    (doc) => {
      doc
        .font("Helvetica-Bold")
        .fontSize(9)
        .fillColor(chartColors.muted)
        .text(toPdfText(`SECTOR · ${text.words.title}`));
      doc.font("Helvetica-Bold").fontSize(18).fillColor(chartColors.text).text(toPdfText(risk.company.name));
      paragraph(
        doc,
        `${text.words.generatedAt} ${format.date(options.generatedAt)} · ${text.words.confidential}`,
        8,
        chartColors.muted,
      );
      drawIdentityAndAlert(doc, risk, text, options.language);
      drawModels(doc, risk, text, format);
      drawHistory(doc, risk, text, format);
      drawBreachMatrix(doc, risk, text, format);
      drawChanges(doc, risk, text, format);
      drawStatements(doc, risk, text, format, options.language);
      drawSources(doc, risk, text, format);
      drawPageNumbers(doc, text, risk.company.name);
    },
    {
      title: `${text.words.title} — ${risk.company.name}`,
      language: options.language === "it" ? "it-IT" : "en-GB",
    },
    { compress: options.compress ?? true },
  );
}
