import { describe, expect, it } from "vitest";
import { districtSignalsRuleSet2026 } from "./district-signals-2026.ts";

/** Every { value, source } leaf of the rule set, with its path. */
function collectParameters(node: unknown, path: string): { path: string; source: unknown }[] {
  if (typeof node !== "object" || node === null) return [];
  if ("value" in node && "source" in node) return [{ path, source: node.source }];
  return Object.entries(node).flatMap(([key, child]) => collectParameters(child, `${path}.${key}`));
}

describe("districtSignalsRuleSet2026", () => {
  it("records its version", () => {
    expect(districtSignalsRuleSet2026.version).toBe("district-signals-2026.1");
  });

  it("cites a source for every parameter", () => {
    const parameters = collectParameters(districtSignalsRuleSet2026, "ruleSet");
    expect(parameters.length).toBeGreaterThan(20);
    for (const { path, source } of parameters) {
      expect(typeof source === "string" && source.length > 10, path).toBe(true);
    }
  });

  it.each([
    {
      name: "monthly period",
      actual: districtSignalsRuleSet2026.seasonalPeriodByFrequency.monthly.value,
      expected: 12,
    },
    {
      name: "quarterly period",
      actual: districtSignalsRuleSet2026.seasonalPeriodByFrequency.quarterly.value,
      expected: 4,
    },
    {
      name: "annual period",
      actual: districtSignalsRuleSet2026.seasonalPeriodByFrequency.annual.value,
      expected: 1,
    },
    {
      name: "monthly baseline",
      actual: districtSignalsRuleSet2026.baselineLengthByFrequency.monthly.value,
      expected: 24,
    },
    {
      name: "quarterly baseline",
      actual: districtSignalsRuleSet2026.baselineLengthByFrequency.quarterly.value,
      expected: 8,
    },
    {
      name: "modified z threshold",
      actual: districtSignalsRuleSet2026.modifiedZ.alarmThreshold.value,
      expected: 3.5,
    },
    { name: "CUSUM k", actual: districtSignalsRuleSet2026.cusum.referenceValue.value, expected: 0.5 },
    { name: "CUSUM h", actual: districtSignalsRuleSet2026.cusum.decisionInterval.value, expected: 5 },
    {
      name: "minimum segment",
      actual: districtSignalsRuleSet2026.changePoints.minimumSegmentLength.value,
      expected: 4,
    },
  ])("keeps the document's $name ($expected)", ({ actual, expected }) => {
    expect(actual).toBe(expected);
  });
});
