import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed } from "./prng.ts";

describe(createRandom, () => {
  it("repeats the same sequence for the same seed", () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const draws = Array.from({ length: 100 }, () => [first.next(), second.next()]);
    for (const [left, right] of draws) expect(left).toBe(right);
  });

  it("draws uniform numbers in [0, 1) with a mean near one half", () => {
    const random = createRandom(1);
    const draws = Array.from({ length: 10_000 }, () => random.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(Math.abs(draws.reduce((sum, draw) => sum + draw, 0) / draws.length - 0.5)).toBeLessThan(0.01);
  });

  it.each([
    [1, 6],
    [0, 0],
    [-3, 3],
  ])("draws integers from %i to %i, both included", (minimum, maximum) => {
    const random = createRandom(9);
    const seen = new Set(Array.from({ length: 500 }, () => random.integer(minimum, maximum)));
    expect([...seen].sort((first, second) => first - second)).toEqual(
      Array.from({ length: maximum - minimum + 1 }, (_, index) => minimum + index),
    );
  });

  it("draws roughly normal values with the requested mean and standard deviation", () => {
    const random = createRandom(3);
    const draws = Array.from({ length: 20_000 }, () => random.normal(10, 2));
    const mean = draws.reduce((sum, draw) => sum + draw, 0) / draws.length;
    const variance = draws.reduce((sum, draw) => sum + (draw - mean) ** 2, 0) / draws.length;
    expect(mean).toBeCloseTo(10, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
  });

  it("shuffles without losing or adding items, and refuses to pick from nothing", () => {
    const random = createRandom(5);
    expect(random.shuffle([1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(() => random.pick([])).toThrow(/empty/);
  });
});

describe(deriveSeed, () => {
  it("gives different seeds for different paths and the same for the same path", () => {
    expect(deriveSeed(1, 0, 2, 5)).toBe(deriveSeed(1, 0, 2, 5));
    const seeds = new Set([
      deriveSeed(1, 0, 1),
      deriveSeed(1, 0, 2),
      deriveSeed(1, 1, 1),
      deriveSeed(2, 0, 1),
    ]);
    expect(seeds.size).toBe(4);
  });
});
