import type { CompanyRisk } from "../../../contracts/company-risk.ts";
import { getLineItem, type LineItemId } from "../../../domain/statements/line-items.ts";
import { chartColors, drawWaterfall, type PdfDocument } from "../reports/pdf-charts.ts";
import { drawTable } from "../reports/pdf-table.ts";
import { toPdfText } from "../reports/pdf-text.ts";
import {
  aggregateAbbreviations,
  ensureSpace,
  type Formatters,
  heading,
  maxYears,
  pageWidth,
  paragraph,
} from "./company-report-layout.ts";
import type { ReportLanguage, ReportText } from "./company-report-text.ts";

/** What moved Z″ (a waterfall) and the other scores and indices (a table) since the previous year. */
export function drawChanges(doc: PdfDocument, risk: CompanyRisk, text: ReportText, format: Formatters) {
  const { words } = text;
  heading(doc, words.changesTitle);
  const changes = risk.changes;
  if (!changes) {
    paragraph(doc, words.noChanges);
    return;
  }
  paragraph(
    doc,
    text.fill(words.changesSince, {
      from: format.date(changes.fromPeriodEndOn),
      to: format.date(changes.toPeriodEndOn),
    }),
    8,
  );
  const zDoublePrime = changes.scores.find((score) => score.model === "altman_z_double_prime");
  if (zDoublePrime?.status === "explained" && zDoublePrime.previousScore !== null) {
    ensureSpace(doc, 175);
    const top = doc.y + 4;
    doc
      .font("Helvetica-Bold")
      .fontSize(8)
      .text(toPdfText(text.model("altman_z_double_prime")), doc.page.margins.left, top);
    drawWaterfall(
      doc,
      { x: doc.page.margins.left, y: top + 12, width: pageWidth, height: 150 },
      {
        start: { label: changes.fromPeriodEndOn.slice(0, 4), value: zDoublePrime.previousScore },
        steps: zDoublePrime.terms.map((term) => ({
          label: `${aggregateAbbreviations[term.numerator] ?? term.numerator}/${aggregateAbbreviations[term.denominator] ?? term.denominator}`,
          delta: term.change ?? 0,
        })),
        end: { label: changes.toPeriodEndOn.slice(0, 4) },
        formatValue: format.decimal,
      },
    );
    doc.y = top + 170;
  }
  const number = (value: number | null) => (value === null ? words.none : format.decimal(value));
  doc.y = drawTable(doc, {
    x: doc.page.margins.left,
    y: doc.y,
    fontSize: 7.5,
    columns: [
      { header: `${words.model} / ${words.index}`, width: 155 },
      { header: words.previous, width: 120, align: "right" },
      { header: words.current, width: 120, align: "right" },
      { header: words.change, width: 120, align: "right" },
    ],
    rows: [
      ...changes.scores.map((score) => [
        score.model === "zmijewski" ? "Zmijewski (X)" : text.model(score.model),
        number(score.previousScore),
        number(score.currentScore),
        number(score.scoreChange),
      ]),
      ...changes.indices.map((index) => [
        `${index.index} (%)`,
        number(index.previousPercent),
        number(index.currentPercent),
        number(index.changePoints),
      ]),
    ],
  });
}

const statementItems: readonly LineItemId[] = [
  "revenue",
  "valueOfProduction",
  "operatingResult",
  "resultBeforeTaxes",
  "netResult",
  "totalAssets",
  "equity",
  "debts",
];

/** Key statement items by year, amounts in euro. */
export function drawStatements(
  doc: PdfDocument,
  risk: CompanyRisk,
  text: ReportText,
  format: Formatters,
  language: ReportLanguage,
) {
  const statements = risk.statements.slice(-maxYears);
  if (statements.length === 0) return;
  heading(doc, text.words.statementsTitle);
  const itemWidth = 175;
  const yearWidth = (pageWidth - itemWidth) / statements.length;
  doc.y = drawTable(doc, {
    x: doc.page.margins.left,
    y: doc.y,
    fontSize: 7.5,
    columns: [
      { header: text.words.item, width: itemWidth },
      ...statements.map((statement) => ({
        header: String(statement.fiscalYear),
        width: yearWidth,
        align: "right" as const,
      })),
    ],
    rows: statementItems.map((item) => [
      getLineItem(item).labels[language],
      ...statements.map((statement) => {
        const value = statement.items[item];
        return value === undefined ? text.words.none : format.euros(value);
      }),
    ]),
  });
}

/** Where every figure comes from: statement files and periods, user inputs, rule-set versions and citations. */
export function drawSources(doc: PdfDocument, risk: CompanyRisk, text: ReportText, format: Formatters) {
  const { words } = text;
  heading(doc, words.sourcesTitle);
  for (const statement of risk.statements) {
    paragraph(
      doc,
      text.fill(words.statementSource, {
        year: statement.fiscalYear,
        kind: text.sourceKind(statement.sourceKind),
        file: statement.sourceFileName ?? words.noFile,
        start: format.date(statement.periodStartOn),
        end: format.date(statement.periodEndOn),
        filed: statement.filedOn ? format.date(statement.filedOn) : words.notFiled,
      }),
      7.5,
    );
  }
  const marketData = risk.inputs.marketData;
  if (marketData && risk.years.some((year) => year.withInputs !== null)) {
    paragraph(
      doc,
      text.fill(words.inputSource, {
        kind: text.inputKind(marketData.kind),
        period: format.date(marketData.periodEndOn),
        who: marketData.enteredByName ?? words.none,
        when: format.date(marketData.enteredAt),
      }),
      7.5,
    );
  }
  doc.moveDown(0.4);
  paragraph(doc, `${words.ruleSets}: ${risk.ruleSets.crisisCode}, ${risk.ruleSets.distress}`, 7.5);
  const sources = new Set<string>();
  for (const year of risk.years)
    for (const model of year.models) for (const threshold of model.thresholds) sources.add(threshold.source);
  for (const row of risk.breachMatrix.indices) if (row.threshold) sources.add(row.threshold.source);
  for (const source of sources) paragraph(doc, `• ${source}`, 7, chartColors.muted);
}
