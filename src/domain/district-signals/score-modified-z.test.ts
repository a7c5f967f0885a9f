import { describe, expect, it } from "vitest";
import { districtSignalsRuleSet2026 } from "./rule-sets/district-signals-2026.ts";
import { computeModifiedZ, type ModifiedZParameters, scoreModifiedZ } from "./score-modified-z.ts";

const { modifiedZ } = districtSignalsRuleSet2026;
const parameters: ModifiedZParameters = {
  baselineLength: 5,
  consistencyConstant: modifiedZ.consistencyConstant.value,
  meanAbsoluteDeviationFactor: modifiedZ.meanAbsoluteDeviationFactor.value,
  alarmThreshold: modifiedZ.alarmThreshold.value,
};

describe(computeModifiedZ, () => {
  // Baseline 10, 12, 14, 16, 18: median 14, |x − 14| = 4, 2, 0, 2, 4 → MAD 2, mean absolute deviation 2.4.
  it.each([
    { value: 24, score: (0.6745 * 10) / 2, isAlarm: false },
    { value: 25, score: (0.6745 * 11) / 2, isAlarm: true },
    { value: 3, score: (0.6745 * -11) / 2, isAlarm: true },
    { value: 14, score: 0, isAlarm: false },
  ])("scores $value against median 14 and MAD 2 as $score", ({ value, score, isAlarm }) => {
    const result = computeModifiedZ(value, [18, 10, 14, 12, 16], parameters);
    if (result.status !== "scored") throw new Error(result.reason);
    expect(result.baseline).toEqual({
      median: 14,
      medianAbsoluteDeviation: 2,
      meanAbsoluteDeviation: 2.4,
      observationCount: 5,
    });
    expect(result.spreadMethod).toBe("median_absolute_deviation");
    expect(result.score).toBeCloseTo(score, 12);
    expect(result.isAlarm).toBe(isAlarm);
  });

  // Baseline −1.349, 0, 1.349: median 0, MAD 1.349, so M = 0.6745·x/1.349 = x/2 exactly.
  it.each([
    { value: 7, isAlarm: false },
    { value: -7, isAlarm: false },
    { value: 7.0001, isAlarm: true },
    { value: -7.0001, isAlarm: true },
  ])("alarms only when |M| > 3.5 strictly (value $value)", ({ value, isAlarm }) => {
    const result = computeModifiedZ(value, [-1.349, 0, 1.349], parameters);
    if (result.status !== "scored") throw new Error(result.reason);
    expect(Math.abs(result.score)).toBeGreaterThanOrEqual(3.5);
    if (!isAlarm) expect(Math.abs(result.score)).toBe(3.5);
    expect(result.isAlarm).toBe(isAlarm);
  });

  // Baseline 5, 5, 5, 5, 9: median 5, MAD 0, mean absolute deviation 4/5 = 0.8.
  it.each([
    { value: 10, score: 5 / (1.253314 * 0.8), isAlarm: true },
    { value: 8, score: 3 / (1.253314 * 0.8), isAlarm: false },
  ])(
    "falls back to 1.253314·mean absolute deviation when MAD = 0 (value $value)",
    ({ value, score, isAlarm }) => {
      const result = computeModifiedZ(value, [5, 5, 9, 5, 5], parameters);
      if (result.status !== "scored") throw new Error(result.reason);
      expect(result.spreadMethod).toBe("mean_absolute_deviation");
      expect(result.baseline.medianAbsoluteDeviation).toBe(0);
      expect(result.baseline.meanAbsoluteDeviation).toBeCloseTo(0.8, 12);
      expect(result.score).toBeCloseTo(score, 12);
      expect(result.isAlarm).toBe(isAlarm);
    },
  );

  it("raises no alarm when MAD and mean absolute deviation are both 0", () => {
    const result = computeModifiedZ(1000, [5, 5, 5, 5], parameters);
    expect(result).toMatchObject({ status: "not_scored", reason: "zero_spread", value: 1000 });
  });

  it("uses the mean of the two middle values as the median of an even window", () => {
    const result = computeModifiedZ(10, [1, 2, 3, 4], parameters);
    if (result.status !== "scored") throw new Error(result.reason);
    // median 2.5; |x − 2.5| = 1.5, 0.5, 0.5, 1.5 → MAD 1
    expect(result.baseline.median).toBe(2.5);
    expect(result.score).toBeCloseTo(0.6745 * 7.5, 12);
  });
});

describe(scoreModifiedZ, () => {
  it("scores each value against the preceding window only", () => {
    const values = [10, 12, 14, 16, 18, 25, 14];
    const scores = scoreModifiedZ(values, parameters);
    expect(scores.slice(0, 5).map((score) => score.status === "not_scored" && score.reason)).toEqual(
      Array(5).fill("incomplete_baseline"),
    );
    const shock = scores[5];
    if (shock?.status !== "scored") throw new Error("expected a score");
    expect(shock.score).toBeCloseTo((0.6745 * 11) / 2, 12);
    expect(shock.isAlarm).toBe(true);
    // Window 12, 14, 16, 18, 25: median 16, deviations 4, 2, 0, 2, 9 → MAD 2.
    const after = scores[6];
    if (after?.status !== "scored") throw new Error("expected a score");
    expect(after.baseline.median).toBe(16);
    expect(after.score).toBeCloseTo((0.6745 * -2) / 2, 12);
  });

  it("does not score a missing value nor one whose window holds a gap", () => {
    const values = [1, 2, null, 4, 5, 6, 7, 8, 9, null];
    const reasons = scoreModifiedZ(values, { ...parameters, baselineLength: 3 }).map((score) =>
      score.status === "not_scored" ? score.reason : "scored",
    );
    expect(reasons).toEqual([
      "incomplete_baseline",
      "incomplete_baseline",
      "missing_value",
      "incomplete_baseline",
      "incomplete_baseline",
      "incomplete_baseline",
      "scored",
      "scored",
      "scored",
      "missing_value",
    ]);
  });
});
