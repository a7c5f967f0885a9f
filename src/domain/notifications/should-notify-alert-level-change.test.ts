import { describe, expect, it } from "vitest";
import type { AlertLevelChange } from "../early-warning/alert-level-change.ts";
import { shouldNotifyAlertLevelChange } from "./should-notify-alert-level-change.ts";

const change = (overrides: Partial<AlertLevelChange>): AlertLevelChange => ({
  companyId: "company-1",
  fiscalYear: 2025,
  periodEndOn: "2025-12-31",
  previousLevel: "green",
  level: "orange",
  isDeteriorating: true,
  isFirstAlert: true,
  isLatest: true,
  ...overrides,
});

describe(shouldNotifyAlertLevelChange, () => {
  it.each<[string, Partial<AlertLevelChange>, boolean]>([
    ["a worse level in the latest year", {}, true],
    ["a better level in the latest year", { previousLevel: "red", level: "green" }, true],
    ["a first level on record", { previousLevel: null, level: "grey" }, true],
    ["the same level again", { previousLevel: "orange", level: "orange" }, false],
    ["a change in an earlier year", { isLatest: false }, false],
  ])("%s → %s", (_case, overrides, expected) => {
    expect(shouldNotifyAlertLevelChange(change(overrides))).toBe(expected);
  });
});
