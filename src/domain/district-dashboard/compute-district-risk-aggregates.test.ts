import { describe, expect, it } from "vitest";
import {
  computeDistrictRiskAggregates,
  type DistrictCompanyYear,
} from "./compute-district-risk-aggregates.ts";

function companyYear(overrides: Partial<DistrictCompanyYear>): DistrictCompanyYear {
  return {
    districtCode: "prato-tessile",
    sectorCode: "13",
    fiscalYear: 2024,
    ruleSetVersion: "a+b",
    level: "green",
    employees: 10,
    revenueCents: 100,
    indices: {},
    ...overrides,
  };
}

function cell(
  aggregates: ReturnType<typeof computeDistrictRiskAggregates>,
  districtCode: string,
  sectorCode: string,
  fiscalYear = 2024,
) {
  return aggregates.find(
    (item) =>
      item.districtCode === districtCode && item.sectorCode === sectorCode && item.fiscalYear === fiscalYear,
  );
}

describe(computeDistrictRiskAggregates, () => {
  const rows: DistrictCompanyYear[] = [
    companyYear({
      level: "red",
      employees: 30,
      revenueCents: 600,
      indices: { I1: 4, altman_z_double_prime: 0.5 },
    }),
    companyYear({ level: "orange", employees: 10, revenueCents: 200, indices: { I1: 2 } }),
    companyYear({ level: "green", employees: undefined, revenueCents: 200, indices: { I1: 1 } }),
    companyYear({ level: "grey", employees: 5, revenueCents: undefined }),
    companyYear({ sectorCode: "25", level: "red", employees: 20, revenueCents: 1000 }),
    companyYear({ districtCode: "ave-texteis", level: "green", employees: 40, revenueCents: 400 }),
    companyYear({ fiscalYear: 2023, level: "red" }),
    companyYear({ sectorCode: undefined, level: "green", employees: 1, revenueCents: 1 }),
  ];
  const aggregates = computeDistrictRiskAggregates(rows);

  it.each([
    // district, sector, companies, red, orange, green, grey
    ["prato-tessile", "13", 4, 1, 1, 1, 1],
    ["prato-tessile", "25", 1, 1, 0, 0, 0],
    ["prato-tessile", "*", 6, 2, 1, 2, 1],
    ["ave-texteis", "13", 1, 0, 0, 1, 0],
    ["*", "13", 5, 1, 1, 2, 1],
    ["*", "*", 7, 2, 1, 3, 1],
  ])("counts %s × %s: %i companies, by level", (district, sector, companies, red, orange, green, grey) => {
    expect(cell(aggregates, district, sector)).toMatchObject({
      companyCount: companies,
      redCount: red,
      orangeCount: orange,
      greenCount: green,
      greyCount: grey,
    });
  });

  it("counts a company without a sector in the unclassified sector, so sectors add up to the total", () => {
    expect(cell(aggregates, "prato-tessile", "none")).toMatchObject({ companyCount: 1, greenCount: 1 });
  });

  it("keeps each fiscal year apart", () => {
    expect(cell(aggregates, "prato-tessile", "13", 2023)).toMatchObject({ companyCount: 1, redCount: 1 });
  });

  it("computes the shares in distress over assessable companies, grey left out", () => {
    const textiles = cell(aggregates, "prato-tessile", "13");
    expect(textiles?.distressShareByCount).toBeCloseTo(1 / 3);
    // Employees: red 30 of (30 + 10); the green company's headcount is unknown.
    expect(textiles?.distressShareByEmployees).toBeCloseTo(30 / 40);
    expect(textiles?.distressShareByRevenue).toBeCloseTo(600 / 1000);
  });

  it("counts the companies whose weights are behind each weighted share", () => {
    // Employees: red 1 (30), not red 1 (orange 10; green unknown); revenue: red 1, not red 2.
    expect(cell(aggregates, "prato-tessile", "13")?.distressShareCompanyCounts).toEqual({
      byEmployees: { inDistress: 1, notInDistress: 1 },
      byRevenue: { inDistress: 1, notInDistress: 2 },
    });
  });

  it("sums revenue and employees covered over the known values", () => {
    expect(cell(aggregates, "prato-tessile", "13")).toMatchObject({ revenueCents: 1000, employees: 45 });
  });

  it("takes medians with the number of companies behind each", () => {
    const medians = cell(aggregates, "prato-tessile", "13")?.medians;
    expect(medians?.I1).toEqual({ median: 2, companyCount: 3 });
    expect(medians?.altman_z_double_prime).toEqual({ median: 0.5, companyCount: 1 });
    expect(medians?.I2).toEqual({ median: null, companyCount: 0 });
    expect(medians?.employees).toEqual({ median: 10, companyCount: 3 });
    expect(medians?.revenue).toEqual({ median: 200, companyCount: 3 });
  });

  it("leaves the share undefined (null) when no company is assessable", () => {
    const onlyGrey = computeDistrictRiskAggregates([companyYear({ level: "grey" })]);
    expect(onlyGrey[0]?.distressShareByCount).toBeNull();
  });

  it("lists the rule-set versions met, sorted", () => {
    const mixed = computeDistrictRiskAggregates([
      companyYear({ ruleSetVersion: "v2" }),
      companyYear({ ruleSetVersion: "v1" }),
    ]);
    expect(mixed[0]?.ruleSetVersion).toBe("v1,v2");
  });
});
