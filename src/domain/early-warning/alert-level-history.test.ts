import { describe, expect, it } from "vitest";
import type { AlertLevel } from "./alert-level.ts";
import { type AlertYear, isDeteriorating, isFirstAlert } from "./alert-level-history.ts";
import { distressModels2025 as ruleSet } from "./rule-sets/distress-models-2025.ts";

describe(isDeteriorating, () => {
  it.each<[AlertYear, AlertYear, boolean]>([
    [{ level: "orange" }, { level: "green" }, true],
    [{ level: "red" }, { level: "orange" }, true],
    [{ level: "red" }, { level: "green" }, true],
    [{ level: "green" }, { level: "green" }, false],
    [{ level: "orange" }, { level: "red" }, false],
    // grey is not assessable: neither better nor worse
    [{ level: "red" }, { level: "grey" }, false],
    [{ level: "grey" }, { level: "green" }, false],
    // EM ratings: BBB is notch 8 of the scale, BBB− 9, BB+ 10
    [{ level: "green", emRating: "BB+" }, { level: "green", emRating: "BBB" }, true],
    [{ level: "green", emRating: "BBB-" }, { level: "green", emRating: "BBB" }, false],
    [{ level: "green", emRating: "D" }, { level: "green", emRating: "AAA" }, true],
    [{ level: "green", emRating: "AAA" }, { level: "green", emRating: "BB" }, false],
    [{ level: "grey", emRating: "CCC" }, { level: "grey", emRating: "B" }, true],
    [{ level: "green", emRating: "D" }, { level: "green" }, false],
  ])("says %j after %j is deteriorating: %s", (current, previous, expected) => {
    expect(isDeteriorating(current, previous, ruleSet)).toBe(expected);
  });
});

describe(isFirstAlert, () => {
  it.each<[Record<number, AlertLevel>, number | undefined, boolean]>([
    [{ 2022: "green", 2023: "orange" }, undefined, true],
    [{ 2022: "grey", 2023: "red" }, undefined, true],
    [{ 2023: "red" }, undefined, true],
    [{ 2022: "orange", 2023: "red" }, undefined, false],
    [{ 2021: "red", 2022: "green", 2023: "orange" }, undefined, false],
    [{ 2022: "green", 2023: "green" }, undefined, false],
    [{ 2023: "grey" }, undefined, false],
    [{}, undefined, false],
    // a given year: later years on record do not matter
    [{ 2022: "green", 2023: "orange", 2024: "red" }, 2023, true],
    [{ 2022: "green", 2023: "orange", 2024: "red" }, 2024, false],
    [{ 2022: "green" }, 2023, false],
  ])("says %j is a first alert in %s: %s", (levelsByYear, year, expected) => {
    expect(isFirstAlert(levelsByYear, year)).toBe(expected);
  });
});
