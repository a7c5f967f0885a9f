import type { EChartsCoreOption } from "echarts/core";
import type { SourcedThreshold } from "../../../contracts/company-risk.ts";

export type Tone = "danger" | "warning" | "success";

/** The colours of the zones and the waterfall (the same hues as the alert badges). */
export const toneColors: Record<Tone, string> = {
  danger: "#b91c1c",
  warning: "#b45309",
  success: "#15803d",
};
const bandColors: Record<Tone, string> = {
  danger: "rgba(185, 28, 28, 0.10)",
  warning: "rgba(180, 83, 9, 0.10)",
  success: "rgba(21, 128, 61, 0.10)",
};

/** A zone of the value axis; an open end (undefined) reaches the edge of the chart. */
export type ZoneBand = { from: number | undefined; to: number | undefined; tone: Tone };

/**
 * The zones a model's cut-offs draw (early-warning.md §0 boundaries): Altman distress / grey / safe,
 * Springate failing below its cut-off, Zmijewski and Ohlson distress above their probability cut-off.
 */
export function findZoneBands(thresholds: readonly SourcedThreshold[]): ZoneBand[] {
  const value = (name: string) => thresholds.find((threshold) => threshold.name === name)?.value;
  const distressBelow = value("distressBelow");
  const safeAbove = value("safeAbove");
  if (distressBelow !== undefined && safeAbove !== undefined) {
    return [
      { from: undefined, to: distressBelow, tone: "danger" },
      { from: distressBelow, to: safeAbove, tone: "warning" },
      { from: safeAbove, to: undefined, tone: "success" },
    ];
  }
  const failingBelow = value("failingBelow");
  if (failingBelow !== undefined) {
    return [
      { from: undefined, to: failingBelow, tone: "danger" },
      { from: failingBelow, to: undefined, tone: "success" },
    ];
  }
  const probability = value("distressProbabilityAtLeast") ?? value("distressProbabilityAbove");
  if (probability !== undefined) {
    return [
      { from: undefined, to: probability, tone: "success" },
      { from: probability, to: undefined, tone: "danger" },
    ];
  }
  return [];
}

/** An axis range covering the values and cut-offs, padded by a tenth of the span (±1 for a single value). */
export function findAxisRange(values: readonly (number | null)[]): { min: number; max: number } {
  const finite = values.filter((value): value is number => value !== null && Number.isFinite(value));
  if (finite.length === 0) return { min: 0, max: 1 };
  const low = Math.min(...finite);
  const high = Math.max(...finite);
  const padding = high === low ? 1 : (high - low) * 0.1;
  const round = (value: number) => Number(value.toPrecision(3));
  return { min: round(low - padding), max: round(high + padding) };
}

/** A model's history: its value by year, the cut-offs as dashed lines and the zones as bands behind. */
export function buildHistoryOption(chart: {
  years: readonly string[];
  values: readonly (number | null)[];
  seriesName: string;
  thresholds: readonly SourcedThreshold[];
  thresholdLabel: (threshold: SourcedThreshold) => string;
  formatValue: (value: number) => string;
}): EChartsCoreOption {
  const range = findAxisRange([...chart.values, ...chart.thresholds.map((threshold) => threshold.value)]);
  const bands = findZoneBands(chart.thresholds);
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: {
      trigger: "axis",
      valueFormatter: (value: unknown) => (typeof value === "number" ? chart.formatValue(value) : "—"),
    },
    xAxis: { type: "category", data: [...chart.years], boundaryGap: true },
    yAxis: {
      type: "value",
      min: range.min,
      max: range.max,
      axisLabel: { formatter: (value: number) => chart.formatValue(value) },
    },
    series: [
      {
        name: chart.seriesName,
        type: "line",
        data: [...chart.values],
        connectNulls: false,
        symbolSize: 7,
        lineStyle: { width: 2, color: "#1d4ed8" },
        itemStyle: { color: "#1d4ed8" },
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { type: "dashed", color: "#4b5563" },
          label: { formatter: "{b}", position: "insideEndTop", fontSize: 10 },
          data: chart.thresholds.map((threshold) => ({
            yAxis: threshold.value,
            name: chart.thresholdLabel(threshold),
          })),
        },
        markArea: {
          silent: true,
          data: bands.map((band) => [
            { yAxis: band.from ?? range.min, itemStyle: { color: bandColors[band.tone] } },
            { yAxis: band.to ?? range.max },
          ]),
        },
      },
    ],
  };
}

/** One bar of a waterfall: category index, where it starts and ends, and whether it is a total or a step. */
export type WaterfallBar = { index: number; from: number; to: number; kind: "total" | "up" | "down" };

/** The bars of a waterfall: the start total, each step from the running total, and the end total. */
export function buildWaterfallBars(start: number, deltas: readonly number[]): WaterfallBar[] {
  const bars: WaterfallBar[] = [{ index: 0, from: 0, to: start, kind: "total" }];
  let level = start;
  deltas.forEach((delta, position) => {
    bars.push({ index: position + 1, from: level, to: level + delta, kind: delta >= 0 ? "up" : "down" });
    level += delta;
  });
  bars.push({ index: deltas.length + 1, from: 0, to: level, kind: "total" });
  return bars;
}

const waterfallColors = { total: "#1d4ed8", up: toneColors.success, down: toneColors.danger };

type RenderApi = {
  value(dimension: number): number;
  coord(point: [number, number]): [number, number];
  size(dataSize: [number, number]): [number, number];
};

/** A waterfall of what moved a score: floating bars drawn as rectangles so they can cross zero. */
export function buildWaterfallOption(chart: {
  labels: readonly string[];
  start: number;
  deltas: readonly number[];
  formatValue: (value: number) => string;
}): EChartsCoreOption {
  const bars = buildWaterfallBars(chart.start, chart.deltas);
  const range = findAxisRange([0, ...bars.flatMap((bar) => [bar.from, bar.to])]);
  const kinds = ["total", "up", "down"] as const;
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 56 },
    tooltip: {
      trigger: "item",
      formatter: (item: { dataIndex: number }) => {
        const bar = bars[item.dataIndex];
        if (!bar) return "";
        const label = chart.labels[bar.index] ?? "";
        return bar.kind === "total"
          ? `${label}: ${chart.formatValue(bar.to)}`
          : `${label}: ${bar.to >= bar.from ? "+" : ""}${chart.formatValue(bar.to - bar.from)}`;
      },
    },
    xAxis: {
      type: "category",
      data: [...chart.labels],
      axisLabel: { interval: 0, rotate: 30, fontSize: 10 },
    },
    yAxis: {
      type: "value",
      min: range.min,
      max: range.max,
      axisLabel: { formatter: (value: number) => chart.formatValue(value) },
    },
    series: [
      {
        type: "custom",
        encode: { x: 0, y: [1, 2] },
        data: bars.map((bar) => [bar.index, bar.from, bar.to, kinds.indexOf(bar.kind)]),
        renderItem: (_params: unknown, api: RenderApi) => {
          const start = api.coord([api.value(0), api.value(1)]);
          const end = api.coord([api.value(0), api.value(2)]);
          const width = api.size([1, 0])[0] * 0.6;
          const kind = kinds[api.value(3)] ?? "total";
          return {
            type: "rect",
            shape: {
              x: start[0] - width / 2,
              y: Math.min(start[1], end[1]),
              width,
              height: Math.max(1, Math.abs(start[1] - end[1])),
            },
            style: { fill: waterfallColors[kind] },
          };
        },
      },
    ],
  };
}
