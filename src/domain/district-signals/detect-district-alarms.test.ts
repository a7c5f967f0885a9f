import { describe, expect, it } from "vitest";
import { formatPeriodLabel } from "./align-periods.ts";
import { type DistrictSeries, detectDistrictAlarms } from "./detect-district-alarms.ts";

const pattern = [-30, -20, -5, 0, 5, 10, 40, 35, 15, 0, -20, -30];
const wiggle = [1.5, -2, 0.5, -1, 2, -0.5, 1, -1.5, 0, 0.8, -0.8, 0.3, -0.3];

/** Monthly wage-support hours from 2020-01: trend + seasonal pattern + a fixed wiggle. */
function makeMonthlySeries(length: number, shocks: Record<number, number> = {}): DistrictSeries {
  const start = 2020 * 12;
  return {
    frequency: "monthly",
    observations: Array.from({ length }, (_, index) => ({
      period: formatPeriodLabel(start + index, "monthly"),
      value: 1000 + 2 * index + (pattern[index % 12] ?? 0) + (wiggle[index % 13] ?? 0) + (shocks[index] ?? 0),
    })),
  };
}

describe(detectDistrictAlarms, () => {
  it("flags an injected shock in the latest month and says why", () => {
    const report = detectDistrictAlarms(makeMonthlySeries(60, { 59: 150 }));
    expect(report.scoredQuantity).toBe("stl_remainder");
    expect(report.stl).toEqual({ status: "decomposed", startPeriod: "2020-01", endPeriod: "2024-12" });
    expect(report.latest.period).toBe("2024-12");
    expect(report.latest.isInAlarm).toBe(true);
    const modifiedZ = report.latest.alarms.find((alarm) => alarm.method === "modified_z");
    expect(modifiedZ).toMatchObject({
      period: "2024-12",
      quantity: "stl_remainder",
      threshold: 3.5,
      baselineLength: 24,
    });
    expect(modifiedZ?.statistic).toBeGreaterThan(3.5);
    expect(modifiedZ?.scoredValue).toBeGreaterThan(100);
    expect(Math.abs(modifiedZ?.baselineMedian ?? Number.NaN)).toBeLessThan(2);
    const cusum = report.latest.alarms.find((alarm) => alarm.method === "cusum_upper");
    expect(cusum).toMatchObject({ threshold: 5, baselineLength: 24 });
    expect(cusum?.statistic).toBeGreaterThan(5);
  });

  it("raises no alarm at the latest month without the shock", () => {
    const report = detectDistrictAlarms(makeMonthlySeries(60));
    expect(report.latest).toMatchObject({
      period: "2024-12",
      isInAlarm: false,
      alarms: [],
      notScoredReason: null,
    });
  });

  it("flags a shock inside a six-year series on its own observation", () => {
    const report = detectDistrictAlarms(makeMonthlySeries(72, { 40: -200 }));
    const flagged = report.observations.filter((observation) =>
      observation.alarms.some((alarm) => alarm.method === "modified_z"),
    );
    expect(flagged.map((observation) => observation.period)).toEqual(["2023-05"]);
    expect(flagged[0]?.alarms[0]?.statistic).toBeLessThan(-3.5);
  });

  // Each May subseries has only five points: the first, non-robust pass spreads the shock to the
  // neighbouring Mays, whose robustness weights then drop to 0 too (statsmodels' STL gives the same
  // remainders, 5.014 / −194.382 / 12.760). The shock itself still stands out by far.
  it("lets a shock in a five-year series leak into the same month of neighbouring years", () => {
    const report = detectDistrictAlarms(makeMonthlySeries(60, { 40: -200 }));
    const flagged = report.observations.filter(
      (observation) => observation.modifiedZ.status === "scored" && observation.modifiedZ.isAlarm,
    );
    expect(flagged.map((observation) => observation.period)).toEqual(["2022-05", "2023-05", "2024-05"]);
    expect(report.observations[28]?.stl?.remainder).toBeCloseTo(5.014, 3);
    expect(report.observations[40]?.stl?.remainder).toBeCloseTo(-194.382, 3);
    expect(report.observations[52]?.stl?.remainder).toBeCloseTo(12.76, 3);
  });

  it("reports YoY, STL components and scores per observation", () => {
    const report = detectDistrictAlarms(makeMonthlySeries(36));
    const last = report.observations.at(-1);
    expect(report.observations).toHaveLength(36);
    expect(report.observations[0]?.yearOnYearChangeRatio).toBeNull();
    const value = last?.value ?? Number.NaN;
    const yearBefore = report.observations[23]?.value ?? Number.NaN;
    expect(last?.yearOnYearChangeRatio).toBeCloseTo(value / yearBefore - 1, 12);
    const stl = last?.stl;
    expect((stl?.trend ?? 0) + (stl?.seasonal ?? 0) + (stl?.remainder ?? 0)).toBeCloseTo(value, 9);
    expect(last?.modifiedZ.status).toBe("scored");
    expect(report.observations[23]?.modifiedZ).toMatchObject({
      status: "not_scored",
      reason: "incomplete_baseline",
    });
  });

  it("skips STL and scores YoY when fewer than two full years are available", () => {
    const series: DistrictSeries = {
      frequency: "quarterly",
      observations: ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3"].map(
        (period, index) => ({ period, value: 100 + index }),
      ),
    };
    const report = detectDistrictAlarms(series);
    expect(report.stl).toEqual({
      status: "skipped",
      reason: "too_short",
      requiredObservations: 8,
      availableObservations: 7,
    });
    expect(report.scoredQuantity).toBe("year_on_year");
    expect(report.observations[4]?.scoredValue).toBeCloseTo(104 / 100 - 1, 12);
    expect(report.latest.notScoredReason).toBe("incomplete_baseline");
  });

  it("decomposes only the stretch after the last gap", () => {
    const series = makeMonthlySeries(60);
    const observations = series.observations.filter((_, index) => index !== 10);
    const report = detectDistrictAlarms({ ...series, observations });
    expect(report.observations[10]).toMatchObject({ period: "2020-11", value: null, stl: null });
    expect(report.stl).toEqual({ status: "decomposed", startPeriod: "2020-12", endPeriod: "2024-12" });
  });

  it("gives annual series YoY and regimes but no baseline scores", () => {
    const report = detectDistrictAlarms({
      frequency: "annual",
      observations: [2018, 2019, 2020, 2021].map((year, index) => ({
        period: String(year),
        value: 10 + index,
      })),
    });
    expect(report.stl).toMatchObject({ status: "skipped", reason: "not_seasonal" });
    expect(report.observations[1]?.yearOnYearChangeRatio).toBeCloseTo(0.1, 12);
    expect(report.observations.every((observation) => observation.cusum === null)).toBe(true);
    expect(report.latest.notScoredReason).toBe("no_baseline_window");
  });

  it("annotates a level shift as a regime change", () => {
    const shocks = Object.fromEntries(Array.from({ length: 24 }, (_, offset) => [36 + offset, 400]));
    const report = detectDistrictAlarms(makeMonthlySeries(60, shocks));
    expect(report.changePoints.periods).toContain("2023-01");
  });

  it.each([3, 6])("rejects a CUSUM h of %s", (cusumDecisionInterval) => {
    expect(() => detectDistrictAlarms(makeMonthlySeries(30), { cusumDecisionInterval })).toThrow(RangeError);
  });
});
