import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { DistrictCell } from "../../../contracts/district-dashboard.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { alertLevels, levelColours, shareKinds } from "./district-figures.ts";
import { type ChartOption, EChart } from "./echart.tsx";

const shareColours = { byCount: "#16324f", byEmployees: "#7a4fb5", byRevenue: "#0f7b7b" } as const;
const shareLines = { byCount: "solid", byEmployees: "dashed", byRevenue: "dotted" } as const;
const shareSymbols = { byCount: "circle", byEmployees: "triangle", byRevenue: "rect" } as const;

/** Companies per alert level by year, stacked; a withheld count is left out of its bar. */
export function LevelChart({ series }: { series: DistrictCell[] }) {
  const { t } = useTranslation("districts");
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: "axis" },
      legend: { bottom: 0 },
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      xAxis: { type: "category", data: series.map((cell) => String(cell.fiscalYear)) },
      yAxis: { type: "value", name: t("columns.companies"), minInterval: 1 },
      series: alertLevels.map((level) => ({
        type: "bar",
        stack: "levels",
        name: t(`levels.${level}`),
        itemStyle: { color: levelColours[level] },
        label: { show: true, position: "inside", color: "#fff", formatter: "{c}" },
        data: series.map((cell) => cell.figures.levelCounts[level]),
      })),
    }),
    [series, t],
  );
  return <EChart option={option} label={t("charts.levelsLabel")} />;
}

/** Share in distress by count, employees and revenue over the years (lines differ by dash and marker too). */
export function ShareChart({ series }: { series: DistrictCell[] }) {
  const { t } = useTranslation("districts");
  const format = useFormat();
  const option = useMemo<ChartOption>(
    () => ({
      aria: { enabled: true },
      tooltip: {
        trigger: "axis",
        valueFormatter: (value: unknown) => (typeof value === "number" ? format.percent(value) : "—"),
      },
      legend: { bottom: 0 },
      grid: { left: 56, right: 16, top: 16, bottom: 56 },
      xAxis: { type: "category", data: series.map((cell) => String(cell.fiscalYear)) },
      yAxis: {
        type: "value",
        min: 0,
        axisLabel: { formatter: (value: number) => format.percent(value, 0) },
      },
      series: shareKinds.map((kind) => ({
        type: "line",
        name: t(`columns.share.${kind}`),
        connectNulls: false,
        symbol: shareSymbols[kind],
        symbolSize: 8,
        itemStyle: { color: shareColours[kind] },
        lineStyle: { type: shareLines[kind], width: 2 },
        data: series.map((cell) => cell.figures.distressShare[kind]),
      })),
    }),
    [series, t, format],
  );
  return <EChart option={option} label={t("charts.shareLabel")} />;
}
