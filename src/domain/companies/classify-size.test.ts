import { describe, expect, it } from "vitest";
import { classifySize, type SizeInput, type SizeThresholds, smeThresholds2003 } from "./classify-size.ts";

const million = 100_000_000;

function makeSizeInput(overrides: Partial<SizeInput>): SizeInput {
  return { headcount: undefined, turnoverCents: undefined, balanceSheetTotalCents: undefined, ...overrides };
}

describe(classifySize, () => {
  it.each([
    {
      condition: "9 staff and €2m turnover and balance sheet",
      headcount: 9,
      turnover: 2 * million,
      balance: 2 * million,
      size: "micro",
    },
    {
      condition: "0 staff (owner only) and small figures",
      headcount: 0,
      turnover: 5_000_000,
      balance: 3_000_000,
      size: "micro",
    },
    {
      condition: "9.5 annual work units",
      headcount: 9.5,
      turnover: million,
      balance: million,
      size: "micro",
    },
    {
      condition: "10 staff, the micro ceiling",
      headcount: 10,
      turnover: million,
      balance: million,
      size: "small",
    },
    {
      condition: "9 staff but turnover and balance sheet 1 cent above €2m",
      headcount: 9,
      turnover: 2 * million + 1,
      balance: 2 * million + 1,
      size: "small",
    },
    {
      condition: "9 staff, turnover above €2m but balance sheet exactly €2m",
      headcount: 9,
      turnover: 5 * million,
      balance: 2 * million,
      size: "micro",
    },
    {
      condition: "9 staff, balance sheet above €2m but turnover exactly €2m",
      headcount: 9,
      turnover: 2 * million,
      balance: 5 * million,
      size: "micro",
    },
    {
      condition: "49 staff and €10m turnover and balance sheet",
      headcount: 49,
      turnover: 10 * million,
      balance: 10 * million,
      size: "small",
    },
    {
      condition: "50 staff, the small ceiling",
      headcount: 50,
      turnover: 10 * million,
      balance: 10 * million,
      size: "medium",
    },
    {
      condition: "49 staff but both figures 1 cent above €10m",
      headcount: 49,
      turnover: 10 * million + 1,
      balance: 10 * million + 1,
      size: "medium",
    },
    {
      condition: "249 staff and turnover exactly €50m",
      headcount: 249,
      turnover: 50 * million,
      balance: 60 * million,
      size: "medium",
    },
    {
      condition: "249 staff and balance sheet exactly €43m",
      headcount: 249,
      turnover: 60 * million,
      balance: 43 * million,
      size: "medium",
    },
    {
      condition: "249 staff, turnover above €50m and balance sheet 1 cent above €43m",
      headcount: 249,
      turnover: 50 * million + 1,
      balance: 43 * million + 1,
      size: "large",
    },
    {
      condition: "250 staff, the medium ceiling",
      headcount: 250,
      turnover: million,
      balance: million,
      size: "large",
    },
  ])("returns $size for $condition", ({ headcount, turnover, balance, size }) => {
    const input = makeSizeInput({ headcount, turnoverCents: turnover, balanceSheetTotalCents: balance });
    expect(classifySize(input, smeThresholds2003)).toEqual({ size, basis: "headcount_and_financials" });
  });

  it.each([
    {
      condition: "only turnover is known and within €2m",
      turnover: 2 * million,
      balance: undefined,
      size: "micro",
    },
    {
      condition: "only the balance sheet is known and within €2m",
      turnover: undefined,
      balance: 2 * million,
      size: "micro",
    },
    {
      condition: "only turnover is known and above €2m",
      turnover: 3 * million,
      balance: undefined,
      size: "small",
    },
    {
      condition: "turnover is NaN and the balance sheet above €2m",
      turnover: Number.NaN,
      balance: 3 * million,
      size: "small",
    },
  ])("uses the known figure when $condition", ({ turnover, balance, size }) => {
    const input = makeSizeInput({ headcount: 5, turnoverCents: turnover, balanceSheetTotalCents: balance });
    expect(classifySize(input, smeThresholds2003)).toEqual({ size, basis: "headcount_and_financials" });
  });

  it.each([
    { headcount: 0, size: "micro" },
    { headcount: 9, size: "micro" },
    { headcount: 10, size: "small" },
    { headcount: 49, size: "small" },
    { headcount: 50, size: "medium" },
    { headcount: 249, size: "medium" },
    { headcount: 250, size: "large" },
  ])(
    "classifies $headcount staff as $size by headcount only when no financial figure is known",
    ({ headcount, size }) => {
      expect(classifySize(makeSizeInput({ headcount }), smeThresholds2003)).toEqual({
        size,
        basis: "headcount_only",
      });
    },
  );

  it.each([
    { condition: "headcount is missing", headcount: undefined },
    { condition: "headcount is NaN", headcount: Number.NaN },
    { condition: "headcount is negative", headcount: -1 },
    { condition: "headcount is infinite", headcount: Number.POSITIVE_INFINITY },
  ])("returns unknown when $condition", ({ headcount }) => {
    const input = makeSizeInput({ headcount, turnoverCents: million, balanceSheetTotalCents: million });
    expect(classifySize(input, smeThresholds2003)).toEqual({ size: "unknown", reason: "headcount_missing" });
  });

  it("applies the thresholds it is given rather than the 2003 ones", () => {
    const stricter: SizeThresholds = {
      micro: { headcountBelow: 5, turnoverAtMostCents: million, balanceSheetTotalAtMostCents: million },
      small: smeThresholds2003.small,
      medium: smeThresholds2003.medium,
    };
    const input = makeSizeInput({ headcount: 7, turnoverCents: million, balanceSheetTotalCents: million });
    expect(classifySize(input, stricter)).toEqual({ size: "small", basis: "headcount_and_financials" });
  });
});

describe("smeThresholds2003", () => {
  it.each([
    { size: "micro", headcountBelow: 10, turnoverEuros: 2_000_000, balanceSheetTotalEuros: 2_000_000 },
    { size: "small", headcountBelow: 50, turnoverEuros: 10_000_000, balanceSheetTotalEuros: 10_000_000 },
    { size: "medium", headcountBelow: 250, turnoverEuros: 50_000_000, balanceSheetTotalEuros: 43_000_000 },
  ] as const)("holds the Recommendation 2003/361/EC ceilings for $size in cents", (row) => {
    expect(smeThresholds2003[row.size]).toEqual({
      headcountBelow: row.headcountBelow,
      turnoverAtMostCents: row.turnoverEuros * 100,
      balanceSheetTotalAtMostCents: row.balanceSheetTotalEuros * 100,
    });
  });
});
