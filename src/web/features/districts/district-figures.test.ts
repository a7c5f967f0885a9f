import { describe, expect, it } from "vitest";
import type { DistrictFigures } from "../../../contracts/district-dashboard.ts";
import {
  chooseDefaultYear,
  deterioratingListUrl,
  findShareBand,
  missingFigure,
  showFigure,
} from "./district-figures.ts";

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

describe(chooseDefaultYear, () => {
  const cell = (fiscalYear: number, companyCount: number | null, sectorCode = "*") => ({
    sectorCode,
    fiscalYear,
    figures: { ...figures, companyCount },
  });
  it.each([
    ["the latest year when every year is well covered", [cell(2023, 40), cell(2024, 42)], 2024],
    [
      "the year before a newer year with only one statement",
      [cell(2023, 40), cell(2024, 42), cell(2025, 1)],
      2024,
    ],
    ["a year with exactly half the best year's companies", [cell(2023, 40), cell(2024, 20)], 2024],
    ["sector cells do not count", [cell(2023, 40), cell(2024, 40, "13"), cell(2024, 2)], 2023],
    ["the latest year when every count is withheld", [cell(2023, null), cell(2024, null)], 2024],
  ])("chooses %s", (_case, cells, expected) => {
    expect(
      chooseDefaultYear({ years: [...new Set(cells.map((item) => item.fiscalYear))].sort(), cells }),
    ).toBe(expected);
  });
});
