import { describe, expect, it } from "vitest";
import { computeTicks, computeValueDomain, computeWaterfallSteps, createLinearScale } from "./chart-scale.ts";

describe(computeValueDomain, () => {
  it.each([
    { values: [1.23, 2.9, 2.1], options: {}, expected: { min: 1, max: 3, step: 0.5 } },
    { values: [0.3, -0.4], options: { includeZero: true }, expected: { min: -0.4, max: 0.4, step: 0.2 } },
    { values: [5, 5], options: {}, expected: { min: 4, max: 6, step: 0.5 } },
    {
      values: [null, Number.NaN, 12],
      options: { includeZero: true },
      expected: { min: 0, max: 12.5, step: 2.5 },
    },
    { values: [], options: {}, expected: { min: 0, max: 1, step: 0.25 } },
  ])("covers $values", ({ values, options, expected }) => {
    const domain = computeValueDomain(values, options);
    expect(domain.step).toBeCloseTo(expected.step, 12);
    expect(domain.min).toBeCloseTo(expected.min, 12);
    expect(domain.max).toBeCloseTo(expected.max, 12);
  });
});

describe(computeTicks, () => {
  it("lists every step from min to max", () => {
    expect(computeTicks({ min: -0.4, max: 0.4, step: 0.2 })).toEqual([-0.4, -0.2, 0, 0.2, 0.4]);
  });
});

describe(createLinearScale, () => {
  it("maps the domain onto a downward pixel range", () => {
    const scale = createLinearScale({ min: 0, max: 10 }, 200, 100);
    expect([scale(0), scale(5), scale(10)]).toEqual([200, 150, 100]);
  });
});

describe(computeWaterfallSteps, () => {
  it("chains each step from the previous total, ending at start + Σ deltas", () => {
    expect(computeWaterfallSteps(2, [0.5, -1, 0.25])).toEqual([
      { from: 2, to: 2.5 },
      { from: 2.5, to: 1.5 },
      { from: 1.5, to: 1.75 },
    ]);
  });
});
