import { describe, expect, it } from "vitest";
import type { DistrictFigures } from "../../../contracts/district-dashboard.ts";
import { deterioratingListUrl, findShareBand, missingFigure, showFigure } from "./district-figures.ts";

const figures: DistrictFigures = {
  companyCount: 12,
  levelCounts: { red: null, orange: 5, green: null, grey: 0 },
  distressShare: { byCount: null, byEmployees: null, byRevenue: null },
  revenueCents: null,
  employees: null,
  medians: {
    I1: { median: null, companyCount: null },
    I2: { median: null, companyCount: null },
    I3: { median: null, companyCount: null },
    I4: { median: null, companyCount: null },
    I5: { median: null, companyCount: null },
    altman_z_double_prime: { median: null, companyCount: null },
  },
  suppressed: ["levelCounts.red"],
};

describe(showFigure, () => {
  it.each([
    ["levelCounts.red", null, { text: missingFigure, isSuppressed: true }],
    ["levelCounts.green", null, { text: missingFigure, isSuppressed: false }],
    ["levelCounts.orange", 5, { text: "5", isSuppressed: false }],
    ["levelCounts.grey", 0, { text: "0", isSuppressed: false }],
  ])("shows %s (%s)", (name, value, expected) => {
    expect(showFigure(figures, name, value, String)).toEqual(expected);
  });
});

describe(findShareBand, () => {
  it.each([
    [0, 0],
    [0.049, 0],
    [0.05, 1],
    [0.15, 2],
    [0.2, 3],
    [1, 3],
  ])("puts %f in band %i", (share, band) => {
    expect(findShareBand(share)?.from).toBe([0, 0.05, 0.1, 0.2][band]);
  });

  it("has no band for an unknown share", () => {
    expect(findShareBand(null)).toBeUndefined();
    expect(findShareBand(Number.NaN)).toBeUndefined();
  });
});

describe(deterioratingListUrl, () => {
  it("links the district and sector with the deteriorating filter", () => {
    expect(deterioratingListUrl("prato-tessile", "13")).toBe(
      "/early-warning?district=prato-tessile&sector=13&deteriorating=true",
    );
  });

  it("leaves the sector out for all sectors and for the unclassified ones", () => {
    expect(deterioratingListUrl("prato-tessile", "*")).toBe(
      "/early-warning?district=prato-tessile&deteriorating=true",
    );
    expect(deterioratingListUrl("prato-tessile", "none")).toBe(
      "/early-warning?district=prato-tessile&deteriorating=true",
    );
  });
});
