import { describe, expect, it } from "vitest";
import { buildSeriesChartOption } from "./series-chart-options.ts";
import { describeAlarmReason, formatPeriod } from "./series-labels.ts";

describe(formatPeriod, () => {
  it.each([
    ["2024-01", "it", "gen 2024"],
    ["2024-01", "en", "Jan 2024"],
    ["2024-Q3", "it", "T3 2024"],
    ["2024-Q3", "en", "Q3 2024"],
    ["2024", "en", "2024"],
  ] as const)("writes %s in %s as %s", (period, locale, expected) => {
    expect(formatPeriod(period, locale)).toBe(expected);
  });
});

describe(describeAlarmReason, () => {
  it("names the method and carries statistic, threshold and baseline", () => {
    expect(
      describeAlarmReason({
        method: "cusum_lower",
        period: "2024-Q1",
        quantity: "year_on_year",
        scoredValue: -0.2,
        statistic: 6.1,
        threshold: 5,
        baselineMedian: 0.01,
        baselineSpread: 0.02,
        baselineLength: 8,
      }),
    ).toEqual({
      key: "alarm.reason.cusumLower",
      values: { statistic: 6.1, threshold: 5, median: 0.01, length: 8, quantity: "year_on_year" },
    });
  });
});

describe(buildSeriesChartOption, () => {
  const point = (period: string, value: number | null, isAlarm = false) => ({
    period,
    value,
    yearOnYearChangeRatio: null,
    trend: value,
    seasonal: null,
    remainder: null,
    modifiedZ: null,
    cusumUpper: null,
    cusumLower: null,
    alarms: isAlarm
      ? [
          {
            method: "modified_z" as const,
            period,
            quantity: "stl_remainder" as const,
            scoredValue: 1,
            statistic: 9,
            threshold: 3.5,
            baselineMedian: 0,
            baselineSpread: 1,
            baselineLength: 24,
          },
        ]
      : [],
  });
  it("marks alarms as points and change points as vertical lines", () => {
    const option = buildSeriesChartOption(
      {
        ruleSetVersion: "x",
        scoredQuantity: "stl_remainder",
        stl: { status: "decomposed", reason: null },
        points: [point("2024-01", 1), point("2024-02", 5, true), point("2024-03", null, true)],
        changePoints: { periods: ["2024-02"], segments: [] },
        latest: { period: "2024-03", isInAlarm: false, alarms: [], notScoredReason: null },
      },
      {
        value: "V",
        trend: "T",
        anomaly: "A",
        changePoint: "C",
        formatPeriod: (period) => period,
        formatNumber: String,
      },
    );
    expect(option.xAxis.data).toEqual(["2024-01", "2024-02", "2024-03"]);
    expect(option.series[2]?.data).toEqual([["2024-02", 5]]);
    expect(option.series[0]?.markLine?.data).toEqual([{ xAxis: "2024-02" }]);
  });
});
