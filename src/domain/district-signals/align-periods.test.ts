import { describe, expect, it } from "vitest";
import { alignPeriods, computePeriodIndex, formatPeriodLabel } from "./align-periods.ts";

describe(computePeriodIndex, () => {
  it.each([
    { period: "2024-01", frequency: "monthly", next: "2024-02" },
    { period: "2024-12", frequency: "monthly", next: "2025-01" },
    { period: "2024-Q4", frequency: "quarterly", next: "2025-Q1" },
    { period: "2024", frequency: "annual", next: "2025" },
  ] as const)("places $period just before $next", ({ period, frequency, next }) => {
    const index = computePeriodIndex(period, frequency);
    expect(computePeriodIndex(next, frequency)).toBe(index + 1);
    expect(formatPeriodLabel(index, frequency)).toBe(period);
  });

  it.each([
    { period: "2024-13", frequency: "monthly" },
    { period: "2024-1", frequency: "monthly" },
    { period: "2024-Q5", frequency: "quarterly" },
    { period: "2024-03", frequency: "quarterly" },
    { period: "24", frequency: "annual" },
  ] as const)("rejects $period as $frequency", ({ period, frequency }) => {
    expect(() => computePeriodIndex(period, frequency)).toThrow(RangeError);
  });
});

describe(alignPeriods, () => {
  it("fills absent periods with null", () => {
    const aligned = alignPeriods(
      [
        { period: "2023-Q3", value: 1 },
        { period: "2024-Q1", value: 2 },
        { period: "2024-Q2", value: null },
      ],
      "quarterly",
    );
    expect(aligned).toEqual({
      periods: ["2023-Q3", "2023-Q4", "2024-Q1", "2024-Q2"],
      values: [1, null, 2, null],
    });
  });

  it.each([
    { name: "a repeated period", labels: ["2024-01", "2024-01"] },
    { name: "periods out of order", labels: ["2024-02", "2024-01"] },
  ])("rejects $name", ({ labels }) => {
    expect(() =>
      alignPeriods(
        labels.map((period) => ({ period, value: 1 })),
        "monthly",
      ),
    ).toThrow(RangeError);
  });

  it("rejects a non-finite value", () => {
    expect(() => alignPeriods([{ period: "2024", value: Number.NaN }], "annual")).toThrow(RangeError);
  });
});
