import { describe, expect, it } from "vitest";
import { centsToEuros, eurosToCents, readAmounts } from "./euro-amounts.ts";

describe(eurosToCents, () => {
  it.each([
    ["", undefined],
    ["  ", undefined],
    ["1500", 150_000],
    ["0.1", 10],
    ["1234.565", 123_457],
    ["-20", -2_000],
    ["abc", Number.NaN],
  ])("reads %j as %s cents", (text, expected) => {
    expect(eurosToCents(text)).toBe(expected);
  });
});

describe(centsToEuros, () => {
  it.each([
    [undefined, ""],
    [150_000, "1500"],
    [10, "0.1"],
  ])("writes %s cents as %j", (cents, expected) => {
    expect(centsToEuros(cents)).toBe(expected);
  });
});

describe(readAmounts, () => {
  it("keeps filled amounts, skips empty ones and names the invalid ones", () => {
    expect(readAmounts({ a: "10", b: "", c: "x" }, ["a", "b", "c"])).toEqual({
      values: { a: 1000 },
      invalid: ["c"],
    });
  });
});
