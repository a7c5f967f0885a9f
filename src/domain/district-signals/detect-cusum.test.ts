import { describe, expect, it } from "vitest";
import {
  type CusumParameters,
  detectCusum,
  standardiseAgainstBaseline,
  validateCusumParameters,
} from "./detect-cusum.ts";
import { districtSignalsRuleSet2026 } from "./rule-sets/district-signals-2026.ts";

const { cusum } = districtSignalsRuleSet2026;
const parameters: CusumParameters = {
  referenceValue: cusum.referenceValue.value,
  decisionInterval: cusum.decisionInterval.value,
  allowedDecisionInterval: cusum.allowedDecisionInterval.value,
};

describe(detectCusum, () => {
  // Step from 0 to 2 standard deviations: S⁺ grows by 2 − 0.5 = 1.5 per observation.
  it.each([
    {
      decisionInterval: 5,
      upper: [0, 0, 0, 1.5, 3, 4.5, 6, 1.5],
      alarms: [false, false, false, false, false, false, true, false],
    },
    {
      decisionInterval: 4,
      upper: [0, 0, 0, 1.5, 3, 4.5, 1.5, 3],
      alarms: [false, false, false, false, false, true, false, false],
    },
  ])(
    "accumulates S⁺ on a step and resets after the alarm (h = $decisionInterval)",
    ({ decisionInterval, upper, alarms }) => {
      const steps = detectCusum([0, 0, 0, 2, 2, 2, 2, 2], { ...parameters, decisionInterval });
      expect(steps.map((step) => step.upperSum)).toEqual(upper);
      expect(steps.map((step) => step.lowerSum)).toEqual(Array(8).fill(0));
      expect(steps.map((step) => step.isAlarm)).toEqual(alarms);
      expect(steps.filter((step) => step.isAlarm).map((step) => step.alarmSide)).toEqual(["upper"]);
    },
  );

  it("accumulates S⁻ on a downward step", () => {
    // S⁻ = max(0, S⁻ − z − 0.5): 1.5, 3, 4.5, 7 (> 5: alarm), then 0 + 2 − 0.5 = 1.5.
    const steps = detectCusum([-2, -2, -2, -3, -2], parameters);
    expect(steps.map((step) => step.lowerSum)).toEqual([1.5, 3, 4.5, 7, 1.5]);
    expect(steps.map((step) => step.alarmSide)).toEqual([null, null, null, "lower", null]);
  });

  it("lets the sums decay and never go below 0", () => {
    const steps = detectCusum([3, -1, -1, 0.4], parameters);
    // S⁺: 2.5, 1, 0, 0; S⁻: 0, 0.5, 1, 0.1
    expect(steps.map((step) => step.upperSum)).toEqual([2.5, 1, 0, 0]);
    steps
      .map((step) => step.lowerSum)
      .forEach((sum, index) => {
        expect(sum).toBeCloseTo([0, 0.5, 1, 0.1][index] ?? Number.NaN, 12);
      });
  });

  it("does not alarm when a sum equals h exactly", () => {
    const steps = detectCusum([3, 3], parameters); // S⁺ 2.5, 5
    expect(steps.map((step) => step.isAlarm)).toEqual([false, false]);
  });

  it("carries the sums over a missing value", () => {
    const steps = detectCusum([2, null, 2], parameters);
    expect(steps.map((step) => step.upperSum)).toEqual([1.5, 1.5, 3]);
  });

  it.each([3.9, 5.1, 0, Number.NaN])("rejects h = %s outside 4–5", (decisionInterval) => {
    expect(() => detectCusum([1], { ...parameters, decisionInterval })).toThrow(RangeError);
  });

  it.each([4, 4.5, 5])("accepts h = %s", (decisionInterval) => {
    expect(() => validateCusumParameters({ ...parameters, decisionInterval })).not.toThrow();
  });

  it("rejects a negative k", () => {
    expect(() => validateCusumParameters({ ...parameters, referenceValue: -0.5 })).toThrow(RangeError);
  });
});

describe(standardiseAgainstBaseline, () => {
  const standardisation = {
    baselineLength: 5,
    medianAbsoluteDeviationFactor: cusum.medianAbsoluteDeviationFactor.value,
    meanAbsoluteDeviationFactor: districtSignalsRuleSet2026.modifiedZ.meanAbsoluteDeviationFactor.value,
  };

  it("divides by 1.4826·MAD of the preceding window", () => {
    // Window 10, 12, 14, 16, 18: median 14, MAD 2, σ = 2.9652.
    const result = standardiseAgainstBaseline([10, 12, 14, 16, 18, 20], standardisation);
    expect(result.slice(0, 5).every((entry) => entry.status === "not_standardised")).toBe(true);
    const last = result[5];
    if (last?.status !== "standardised") throw new Error("expected a standardised value");
    expect(last.baselineMedian).toBe(14);
    expect(last.standardDeviation).toBeCloseTo(2.9652, 12);
    expect(last.standardisedValue).toBeCloseTo(6 / 2.9652, 12);
  });

  it("falls back to 1.253314·mean absolute deviation when MAD = 0, and gives up when both are 0", () => {
    const fallback = standardiseAgainstBaseline([5, 5, 9, 5, 5, 7], standardisation)[5];
    if (fallback?.status !== "standardised") throw new Error("expected a standardised value");
    expect(fallback.standardDeviation).toBeCloseTo(1.253314 * 0.8, 12);
    expect(standardiseAgainstBaseline([5, 5, 5, 5, 5, 7], standardisation)[5]).toEqual({
      status: "not_standardised",
      reason: "zero_spread",
    });
  });
});
