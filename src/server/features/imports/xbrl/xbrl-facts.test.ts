import { describe, expect, it } from "vitest";
import { parseEuroAmountToCents } from "./xbrl-facts.ts";
import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

describe(parseEuroAmountToCents, () => {
  it.each([
    ["122437", 12_243_700],
    ["-1296516", -129_651_600],
    [" 1234.5 ", 123_450],
    ["1234.565", 123_457],
    ["1234.5649", 123_456],
    ["-1234.565", -123_457],
    ["0.005", 1],
    ["-0.004", 0],
    ["+.25", 25],
    ["90071992547409.91", 9_007_199_254_740_991],
  ])("converts %j euro to %d cents, rounding half away from zero", (text, cents) => {
    expect(parseEuroAmountToCents(text, "test")).toBe(cents);
  });

  it.each(["", "1,5", "1e3", "abc", "-", "."])("refuses %j", (text) => {
    expect(() => parseEuroAmountToCents(text, "test")).toThrow(XbrlRejectedError);
  });

  it("refuses an amount beyond what cents can hold exactly", () => {
    expect(() => parseEuroAmountToCents("90071992547409.92", "test")).toThrow(/too large/);
  });
});
