import { computeTicks, computeValueDomain, computeWaterfallSteps, createLinearScale } from "./chart-scale.ts";
import { toPdfText } from "./pdf-text.ts";

// Vector charts drawn with PDFKit primitives, shared by the company and district reports. Every chart
// takes a box in points and already-translated labels; values are formatted by the caller.

export type PdfDocument = PDFKit.PDFDocument;
export type ChartBox = { x: number; y: number; width: number; height: number };
export type FormatValue = (value: number) => string;

export const chartColors = {
  axis: "#6b7280",
  grid: "#e5e7eb",
  text: "#111827",
  muted: "#4b5563",
  danger: "#b91c1c",
  warning: "#b45309",
  success: "#15803d",
  series: ["#1d4ed8", "#7c3aed", "#0f766e", "#be185d", "#a16207"],
  dangerBand: "#fee2e2",
  warningBand: "#fef3c7",
  successBand: "#dcfce7",
} as const;

/** A horizontal band of the value axis (a zone), drawn behind the data. */
export type ZoneBand = { from: number; to: number; color: string; label?: string };
export type ThresholdLine = { value: number; label: string; color?: string };
export type LineSeries = { name: string; color?: string; values: readonly (number | null)[] };

const axisFontSize = 7;
const plotPadding = { left: 42, right: 8, top: 8, bottom: 18 };

function plotArea(box: ChartBox) {
  return {
    left: box.x + plotPadding.left,
    right: box.x + box.width - plotPadding.right,
    top: box.y + plotPadding.top,
    bottom: box.y + box.height - plotPadding.bottom,
  };
}

function drawValueAxis(
  doc: PdfDocument,
  area: ReturnType<typeof plotArea>,
  ticks: number[],
  scale: (value: number) => number,
  formatValue: FormatValue,
) {
  doc.save().fontSize(axisFontSize).font("Helvetica");
  for (const tick of ticks) {
    const y = scale(tick);
    doc.moveTo(area.left, y).lineTo(area.right, y).lineWidth(0.4).strokeColor(chartColors.grid).stroke();
    doc.fillColor(chartColors.muted).text(toPdfText(formatValue(tick)), area.left - 40, y - 3, {
      width: 36,
      align: "right",
      lineBreak: false,
    });
  }
  doc
    .moveTo(area.left, area.top)
    .lineTo(area.left, area.bottom)
    .lineWidth(0.6)
    .strokeColor(chartColors.axis)
    .stroke();
  doc.restore();
}

function drawCategoryLabels(
  doc: PdfDocument,
  area: ReturnType<typeof plotArea>,
  labels: readonly string[],
  xOf: (index: number) => number,
  slot: number,
) {
  doc.save().fontSize(axisFontSize).font("Helvetica").fillColor(chartColors.muted);
  labels.forEach((label, index) => {
    doc.text(toPdfText(label), xOf(index) - slot / 2, area.bottom + 4, {
      width: slot,
      align: "center",
      lineBreak: false,
    });
  });
  doc.restore();
}

function drawThresholds(
  doc: PdfDocument,
  area: ReturnType<typeof plotArea>,
  thresholds: readonly ThresholdLine[],
  scale: (value: number) => number,
) {
  doc.save().fontSize(6).font("Helvetica");
  for (const threshold of thresholds) {
    const y = scale(threshold.value);
    const color = threshold.color ?? chartColors.danger;
    doc
      .moveTo(area.left, y)
      .lineTo(area.right, y)
      .dash(3, { space: 2 })
      .lineWidth(0.8)
      .strokeColor(color)
      .stroke()
      .undash();
    doc.fillColor(color).text(toPdfText(threshold.label), area.left + 3, y - 8, {
      width: area.right - area.left - 6,
      align: "right",
      lineBreak: false,
    });
  }
  doc.restore();
}

/**
 * A line chart over categories (years) with zone bands behind and dashed threshold lines. Missing values
 * (null) break the line. The value axis covers the data, the thresholds and the finite band edges.
 */
export function drawLineChart(
  doc: PdfDocument,
  box: ChartBox,
  chart: {
    categories: readonly string[];
    series: readonly LineSeries[];
    bands?: readonly ZoneBand[];
    thresholds?: readonly ThresholdLine[];
    formatValue: FormatValue;
  },
): void {
  const area = plotArea(box);
  const thresholds = chart.thresholds ?? [];
  const domain = computeValueDomain([
    ...chart.series.flatMap((series) => series.values),
    ...thresholds.map((threshold) => threshold.value),
  ]);
  const scale = createLinearScale(domain, area.bottom, area.top);
  const clamp = (value: number) => Math.min(domain.max, Math.max(domain.min, value));
  for (const band of chart.bands ?? []) {
    const top = scale(clamp(Math.max(band.from, band.to)));
    const bottom = scale(clamp(Math.min(band.from, band.to)));
    if (bottom - top > 0)
      doc
        .save()
        .rect(area.left, top, area.right - area.left, bottom - top)
        .fill(band.color)
        .restore();
  }
  drawValueAxis(doc, area, computeTicks(domain), scale, chart.formatValue);
  const count = Math.max(1, chart.categories.length);
  const slot = (area.right - area.left) / count;
  const xOf = (index: number) => area.left + slot * (index + 0.5);
  drawThresholds(doc, area, thresholds, scale);
  chart.series.forEach((series, seriesIndex) => {
    const color =
      series.color ?? chartColors.series[seriesIndex % chartColors.series.length] ?? chartColors.text;
    doc.save().lineWidth(1.4).strokeColor(color).fillColor(color);
    let isDrawing = false;
    series.values.forEach((value, index) => {
      if (value === null || !Number.isFinite(value)) {
        isDrawing = false;
        return;
      }
      if (isDrawing) doc.lineTo(xOf(index), scale(value));
      else doc.moveTo(xOf(index), scale(value));
      isDrawing = true;
    });
    doc.stroke();
    series.values.forEach((value, index) => {
      if (value !== null && Number.isFinite(value)) doc.circle(xOf(index), scale(value), 2).fill();
    });
    doc.restore();
  });
  drawCategoryLabels(doc, area, chart.categories, xOf, slot);
}

/** Vertical bars over categories, from zero, with optional threshold lines; colour per bar or default. */
export function drawBarChart(
  doc: PdfDocument,
  box: ChartBox,
  chart: {
    bars: readonly { label: string; value: number | null; color?: string }[];
    thresholds?: readonly ThresholdLine[];
    formatValue: FormatValue;
  },
): void {
  const area = plotArea(box);
  const thresholds = chart.thresholds ?? [];
  const domain = computeValueDomain(
    [...chart.bars.map((bar) => bar.value), ...thresholds.map((threshold) => threshold.value)],
    { includeZero: true },
  );
  const scale = createLinearScale(domain, area.bottom, area.top);
  drawValueAxis(doc, area, computeTicks(domain), scale, chart.formatValue);
  const slot = (area.right - area.left) / Math.max(1, chart.bars.length);
  const xOf = (index: number) => area.left + slot * (index + 0.5);
  chart.bars.forEach((bar, index) => {
    if (bar.value === null || !Number.isFinite(bar.value)) return;
    const top = scale(Math.max(0, bar.value));
    const bottom = scale(Math.min(0, bar.value));
    doc
      .save()
      .rect(xOf(index) - slot * 0.3, top, slot * 0.6, Math.max(0.5, bottom - top))
      .fill(bar.color ?? chartColors.series[0])
      .restore();
  });
  drawThresholds(doc, area, thresholds, scale);
  drawCategoryLabels(
    doc,
    area,
    chart.bars.map((bar) => bar.label),
    xOf,
    slot,
  );
}

/**
 * A waterfall: a start bar, one floating bar per step (up in `colors.up`, down in `colors.down`) and an end
 * bar; the end equals start + Σ steps. Labels are drawn under each bar.
 */
export function drawWaterfall(
  doc: PdfDocument,
  box: ChartBox,
  chart: {
    start: { label: string; value: number };
    steps: readonly { label: string; delta: number }[];
    end: { label: string };
    formatValue: FormatValue;
    colors?: { up: string; down: string; total: string };
  },
): void {
  const colors = chart.colors ?? {
    up: chartColors.success,
    down: chartColors.danger,
    total: chartColors.series[0],
  };
  const area = plotArea(box);
  const steps = computeWaterfallSteps(
    chart.start.value,
    chart.steps.map((step) => step.delta),
  );
  const endValue = steps.at(-1)?.to ?? chart.start.value;
  const domain = computeValueDomain(
    [chart.start.value, endValue, ...steps.flatMap((step) => [step.from, step.to])],
    {
      includeZero: true,
    },
  );
  const scale = createLinearScale(domain, area.bottom, area.top);
  drawValueAxis(doc, area, computeTicks(domain), scale, chart.formatValue);
  const labels = [chart.start.label, ...chart.steps.map((step) => step.label), chart.end.label];
  const slot = (area.right - area.left) / labels.length;
  const xOf = (index: number) => area.left + slot * (index + 0.5);
  const bar = (index: number, from: number, to: number, color: string) => {
    const top = scale(Math.max(from, to));
    const bottom = scale(Math.min(from, to));
    doc
      .save()
      .rect(xOf(index) - slot * 0.32, top, slot * 0.64, Math.max(0.5, bottom - top))
      .fill(color)
      .restore();
  };
  bar(0, 0, chart.start.value, colors.total);
  steps.forEach((step, index) => {
    bar(index + 1, step.from, step.to, step.to >= step.from ? colors.up : colors.down);
    if (index + 1 < labels.length - 1) {
      const y = scale(step.to);
      doc
        .save()
        .moveTo(xOf(index + 1) + slot * 0.32, y)
        .lineTo(xOf(index + 2) - slot * 0.32, y)
        .lineWidth(0.4)
        .strokeColor(chartColors.axis)
        .stroke()
        .restore();
    }
  });
  bar(labels.length - 1, 0, endValue, colors.total);
  doc.save().fontSize(6).font("Helvetica").fillColor(chartColors.muted);
  labels.forEach((label, index) => {
    doc.text(toPdfText(label), xOf(index) - slot / 2, area.bottom + 3, {
      width: slot,
      align: "center",
      height: 14,
      ellipsis: true,
    });
  });
  doc.restore();
}
