import { describe, expect, it } from "vitest";
import {
  buildHistoryOption,
  buildWaterfallBars,
  findAxisRange,
  findZoneBands,
} from "./risk-chart-options.ts";

const threshold = (name: string, value: number) => ({ name, value, source: "rule set", tag: "V" as const });

describe(findZoneBands, () => {
  it.each([
    {
      thresholds: [threshold("distressBelow", 1.1), threshold("safeAbove", 2.6)],
      expected: [
        { from: undefined, to: 1.1, tone: "danger" },
        { from: 1.1, to: 2.6, tone: "warning" },
        { from: 2.6, to: undefined, tone: "success" },
      ],
    },
    {
      thresholds: [threshold("failingBelow", 0.862)],
      expected: [
        { from: undefined, to: 0.862, tone: "danger" },
        { from: 0.862, to: undefined, tone: "success" },
      ],
    },
    {
      thresholds: [threshold("distressProbabilityAtLeast", 0.5)],
      expected: [
        { from: undefined, to: 0.5, tone: "success" },
        { from: 0.5, to: undefined, tone: "danger" },
      ],
    },
    { thresholds: [], expected: [] },
  ])("draws the zones of $thresholds.0.name", ({ thresholds, expected }) => {
    expect(findZoneBands(thresholds)).toEqual(expected);
  });
});

describe(findAxisRange, () => {
  it.each([
    { values: [1, 3], expected: { min: 0.8, max: 3.2 } },
    { values: [2, null, Number.NaN], expected: { min: 1, max: 3 } },
    { values: [], expected: { min: 0, max: 1 } },
  ])("pads $values", ({ values, expected }) => {
    expect(findAxisRange(values)).toEqual(expected);
  });
});

describe(buildWaterfallBars, () => {
  it("starts and ends with totals, each step from the running total", () => {
    expect(buildWaterfallBars(2, [0.5, -1])).toEqual([
      { index: 0, from: 0, to: 2, kind: "total" },
      { index: 1, from: 2, to: 2.5, kind: "up" },
      { index: 2, from: 2.5, to: 1.5, kind: "down" },
      { index: 3, from: 0, to: 1.5, kind: "total" },
    ]);
  });
});

describe(buildHistoryOption, () => {
  it("puts the cut-offs on dashed lines and keeps them inside the value axis", () => {
    const option = buildHistoryOption({
      years: ["2023", "2024"],
      values: [3.1, 0.4],
      seriesName: "Z''",
      thresholds: [threshold("distressBelow", 1.1), threshold("safeAbove", 2.6)],
      thresholdLabel: (cutOff) => `${cutOff.name} ${cutOff.value}`,
      formatValue: (value) => value.toFixed(2),
    }) as {
      yAxis: { min: number; max: number };
      series: { markLine: { data: { yAxis: number; name: string }[] }; markArea: { data: unknown[] } }[];
    };
    expect(option.series[0]?.markLine.data).toEqual([
      { yAxis: 1.1, name: "distressBelow 1.1" },
      { yAxis: 2.6, name: "safeAbove 2.6" },
    ]);
    expect(option.series[0]?.markArea.data).toHaveLength(3);
    expect(option.yAxis.min).toBeLessThan(0.4);
    expect(option.yAxis.max).toBeGreaterThan(3.1);
  });
});
