import { describe, expect, it } from "vitest";
import { type CompanyInDistressCount, computeShareInDistress } from "./alert-level-share.ts";

describe(computeShareInDistress, () => {
  const companies: CompanyInDistressCount[] = [
    { level: "red", employees: 10, revenueCents: 1000 },
    { level: "orange", employees: 30, revenueCents: 3000 },
    { level: "green", employees: 60, revenueCents: 6000 },
    { level: "grey", employees: 100, revenueCents: 50_000 },
    { level: "red", revenueCents: 500 },
  ];

  it("counts red companies among the assessable ones, grey left out", () => {
    // red 2 ÷ assessable 4 (red, orange, green, red) = 0.5
    expect(computeShareInDistress(companies).byCount).toEqual({
      share: 0.5,
      inDistress: 2,
      assessable: 4,
      companiesWithoutWeight: 0,
      companiesInDistress: 2,
      companiesNotInDistress: 2,
    });
  });

  it("weights by employees, leaving out companies without a headcount", () => {
    // red 10 ÷ (10 + 30 + 60) = 0.1; the second red company has no headcount
    expect(computeShareInDistress(companies).byEmployees).toEqual({
      share: 0.1,
      inDistress: 10,
      assessable: 100,
      companiesWithoutWeight: 1,
      companiesInDistress: 1,
      companiesNotInDistress: 2,
    });
  });

  it("weights by revenue", () => {
    // red (1,000 + 500) ÷ (1,000 + 3,000 + 6,000 + 500) = 1,500 ÷ 10,500 = 0.142857
    const { byRevenue } = computeShareInDistress(companies);
    expect(byRevenue).toMatchObject({
      inDistress: 1500,
      assessable: 10_500,
      companiesWithoutWeight: 0,
      companiesInDistress: 2,
      companiesNotInDistress: 2,
    });
    expect(byRevenue.share).toBeCloseTo(1 / 7, 15);
  });

  it.each([
    ["an empty group", []],
    ["a group of grey companies", [{ level: "grey" }, { level: "grey", employees: 4 }]],
  ] as const)("has no share for %s", (_case, group) => {
    const shares = computeShareInDistress(group);
    expect([shares.byCount.share, shares.byEmployees.share, shares.byRevenue.share]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("does not weight by a negative or non-finite amount", () => {
    const shares = computeShareInDistress([
      { level: "red", employees: 5, revenueCents: -100 },
      { level: "green", employees: Number.NaN, revenueCents: 300 },
    ]);
    // employees: red 5 ÷ 5 = 1 (the green company has no usable headcount); revenue: 0 ÷ 300 = 0
    expect(shares.byEmployees).toMatchObject({ share: 1, companiesWithoutWeight: 1 });
    expect(shares.byRevenue).toMatchObject({ share: 0, companiesWithoutWeight: 1 });
  });

  it("counts the companies whose weight is in the numerator and in the rest of the denominator", () => {
    // Five red companies of which only one reports a headcount, beside six others that all do.
    const shares = computeShareInDistress([
      { level: "red", employees: 42 },
      ...Array.from({ length: 4 }, () => ({ level: "red" as const })),
      ...Array.from({ length: 6 }, () => ({ level: "green" as const, employees: 10 })),
      { level: "grey", employees: 7 },
    ]);
    expect(shares.byEmployees).toMatchObject({
      companiesInDistress: 1,
      companiesNotInDistress: 6,
      companiesWithoutWeight: 4,
    });
    expect(shares.byCount).toMatchObject({ companiesInDistress: 5, companiesNotInDistress: 6 });
  });
});
