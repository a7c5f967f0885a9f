import type { DistrictSeriesDetail } from "../../../contracts/district-series.ts";

export type SeriesChartLabels = {
  value: string;
  trend: string;
  anomaly: string;
  changePoint: string;
  formatPeriod(period: string): string;
  formatNumber(value: number): string;
};

/**
 * ECharts option of one series: the values as a line, the STL trend dashed, observations in alarm
 * as red points and PELT change points as vertical mark lines. Pure, so it is tested without a browser.
 */
export function buildSeriesChartOption(
  analysis: DistrictSeriesDetail["analysis"],
  labels: SeriesChartLabels,
) {
  const periods = analysis.points.map((point) => point.period);
  const anomalies = analysis.points.flatMap((point) =>
    point.alarms.length > 0 && point.value !== null ? [[point.period, point.value]] : [],
  );
  return {
    aria: { enabled: true },
    animation: false,
    tooltip: {
      trigger: "axis",
      valueFormatter: (value: unknown) => (typeof value === "number" ? labels.formatNumber(value) : "—"),
    },
    legend: { data: [labels.value, labels.trend, labels.anomaly] },
    grid: { left: 64, right: 24, top: 40, bottom: 48 },
    xAxis: {
      type: "category",
      data: periods,
      axisLabel: { formatter: (period: string) => labels.formatPeriod(period) },
    },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: (value: number) => labels.formatNumber(value) },
    },
    series: [
      {
        name: labels.value,
        type: "line",
        data: analysis.points.map((point) => point.value),
        connectNulls: false,
        showSymbol: false,
        markLine: {
          symbol: "none",
          label: { formatter: labels.changePoint, position: "insideEndTop" },
          lineStyle: { type: "dashed", color: "#6b4fbb" },
          data: analysis.changePoints.periods.map((period) => ({ xAxis: period })),
        },
      },
      {
        name: labels.trend,
        type: "line",
        data: analysis.points.map((point) => point.trend),
        showSymbol: false,
        lineStyle: { type: "dotted", width: 1 },
      },
      {
        name: labels.anomaly,
        type: "scatter",
        data: anomalies,
        symbolSize: 10,
        itemStyle: { color: "#c0392b" },
      },
    ],
  };
}
