import { describe, expect, it } from "vitest";
import { classifySize, smeThresholds2003 } from "../companies/classify-size.ts";
import type { LineItemValues } from "../statements/line-items.ts";
import { allocateByShares } from "./allocate-by-shares.ts";
import { demoSizeClassShares, type SizeClass } from "./company-economics.ts";
import { amount, demoTestInput, median, sumOf } from "./demo-test-input.ts";
import { type DemoCompany, generateDemo, microFormatCeiling } from "./generate-demo.ts";
import { demoShock, demoTrajectoryShares } from "./trajectories.ts";

const { companies } = generateDemo(demoTestInput);
const lastYearIndex = demoTestInput.years - 1;

function companiesOf(districtId: string): DemoCompany[] {
  return companies.filter((company) => company.districtId === districtId);
}
function itemsOf(company: DemoCompany, yearIndex: number): LineItemValues {
  return company.statements[yearIndex]?.items ?? {};
}
function revenueChange(company: DemoCompany, yearIndex: number): number {
  return (
    amount(itemsOf(company, yearIndex), "revenue") / amount(itemsOf(company, yearIndex - 1), "revenue") - 1
  );
}
function ebitdaMargin(items: LineItemValues): number {
  const costs = sumOf(items, [
    "rawMaterialsCosts",
    "servicesCosts",
    "useOfThirdPartyAssetsCosts",
    "personnelCosts",
    "changeInRawMaterialsInventories",
    "sundryOperatingExpenses",
  ]);
  return (amount(items, "valueOfProduction") - costs) / amount(items, "revenue");
}
function shareOf<Item>(items: readonly Item[], isCounted: (item: Item) => boolean): number {
  return items.filter(isCounted).length / items.length;
}

describe("demo size classes and formats", () => {
  it.each(Object.entries(demoSizeClassShares))(
    "has %s companies within a point of %f",
    (sizeClass, target) => {
      expect(
        Math.abs(shareOf(companies, (company) => company.sizeClass === sizeClass) - target),
      ).toBeLessThan(0.01);
    },
  );

  it("draws headcounts and revenues that classifySize puts in the same class (2003/361/EC)", () => {
    for (const company of companies) {
      const items = itemsOf(company, 0);
      const classification = classifySize(
        {
          headcount: company.headcountByYear[0],
          turnoverCents: items.revenue,
          balanceSheetTotalCents: items.totalAssets,
        },
        smeThresholds2003,
      );
      expect(classification).toMatchObject({ size: company.sizeClass });
    }
  });

  it.each<[SizeClass, string[]]>([
    ["micro", ["micro", "abridged"]],
    ["small", ["abridged"]],
    ["medium", ["ordinary"]],
    ["large", ["ordinary"]],
  ])("files %s companies' statements as %j", (sizeClass, formats) => {
    const formatsSeen = new Set(
      companies
        .filter((company) => company.sizeClass === sizeClass)
        .map((company) => company.statements[0]?.format),
    );
    expect([...formatsSeen].sort()).toEqual([...formats].sort());
  });

  it("keeps the micro format for firms within the micro-company limits", () => {
    for (const company of companies.filter((candidate) => candidate.statements[0]?.format === "micro")) {
      expect(company.headcountByYear[0]).toBeLessThanOrEqual(microFormatCeiling.headcount);
      expect(amount(itemsOf(company, 0), "revenue")).toBeLessThanOrEqual(
        microFormatCeiling.revenueEuros * 100,
      );
    }
  });
});

describe("demo identities: names, places, sectors", () => {
  it.each([
    ["prato-tessile", ["13", "14", "46"]],
    ["lumezzane-metalli", ["24", "25", "28"]],
    ["ave-texteis", ["13", "14", "46"]],
  ])("gives %s ATECO 2007 codes of divisions %j", (districtId, divisions) => {
    for (const company of companiesOf(districtId)) {
      expect(company.atecoCode).toMatch(/^\d{2}\.\d{2}\.\d{2}$/);
      expect(divisions).toContain(company.atecoCode.slice(0, 2));
    }
  });

  it("places Italian companies in a municipality of the district's NUTS 3 and Portuguese ones by NUTS 3 only", () => {
    for (const company of companies) {
      expect(company.address).toMatch(/^\S.*, \d+/);
      const district = demoTestInput.districts.find((candidate) => candidate.id === company.districtId);
      expect(company.nuts3Code).toBe(district?.nuts3);
      if (company.countryCode === "PT") {
        expect(company.municipalityCode).toBeUndefined();
        continue;
      }
      const municipality = demoTestInput.municipalities.find(
        (entry) => entry.istatCode === company.municipalityCode,
      );
      expect(municipality?.nuts3).toBe(company.nuts3Code);
      expect(company.municipalityName).toBe(municipality?.name);
    }
  });

  it.each([
    ["IT", "srl", / S\.r\.l\.$/],
    ["IT", "srls", / S\.r\.l\.s\.$/],
    ["IT", "spa", / S\.p\.A\.$/],
    ["IT", "cooperative", / Società Cooperativa$/],
    ["PT", "srl", /, (Unipessoal )?Lda$/],
    ["PT", "spa", /, S\.A\.$/],
  ])("names %s companies of form %s with the matching suffix", (country, legalForm, suffix) => {
    const matching = companies.filter(
      (company) => company.countryCode === country && company.legalForm === legalForm,
    );
    expect(matching.length).toBeGreaterThan(0);
    for (const company of matching) expect(company.name).toMatch(suffix);
  });

  it("makes the S.r.l. the most common Italian form and uses only Lda and S.A. in Portugal", () => {
    const italian = companies.filter((company) => company.countryCode === "IT");
    expect(shareOf(italian, (company) => company.legalForm === "srl")).toBeGreaterThan(0.6);
    const portugueseForms = new Set(companiesOf("ave-texteis").map((company) => company.legalForm));
    expect([...portugueseForms].sort()).toEqual(["spa", "srl"]);
  });
});

describe("demo trajectories", () => {
  it.each([
    ["declining", demoTrajectoryShares.declining],
    ["recovering", demoTrajectoryShares.recovering],
  ])("makes about the target share of companies %s", (trajectory, target) => {
    expect(
      Math.abs(shareOf(companies, (company) => company.trajectory === trajectory) - target),
    ).toBeLessThan(0.01);
  });

  it("labels companies as shocked only in the shock district, and most of its companies", () => {
    const shocked = companies.filter((company) => company.trajectory === "shocked");
    expect(new Set(shocked.map((company) => company.districtId))).toEqual(new Set([demoShock.districtId]));
    expect(shocked.length / companiesOf(demoShock.districtId).length).toBeGreaterThan(0.6);
  });

  it.each([
    ["prato-tessile", true],
    ["lumezzane-metalli", false],
    ["ave-texteis", false],
  ])("drops %s's median revenue by at least 15 percent in the shock year: %s", (districtId, isShocked) => {
    const district = companiesOf(districtId);
    const medianChange = median(district.map((company) => revenueChange(company, demoShock.yearIndex)));
    const medianLevelChange =
      median(district.map((company) => amount(itemsOf(company, demoShock.yearIndex), "revenue"))) /
        median(district.map((company) => amount(itemsOf(company, demoShock.yearIndex - 1), "revenue"))) -
      1;
    if (isShocked) {
      expect(medianChange).toBeLessThanOrEqual(-0.15);
      expect(medianLevelChange).toBeLessThanOrEqual(-0.15);
      expect(
        median(district.map((company) => revenueChange(company, demoShock.yearIndex + 1))),
      ).toBeGreaterThan(0.05);
    } else {
      expect(medianChange).toBeGreaterThan(-0.05);
      expect(medianLevelChange).toBeGreaterThan(-0.15);
    }
  });

  it("erodes every declining company's equity, some to below zero with tax and social-security arrears", () => {
    const declining = companies.filter((company) => company.trajectory === "declining");
    for (const company of declining) {
      expect(amount(itemsOf(company, lastYearIndex), "equity")).toBeLessThan(
        amount(itemsOf(company, 0), "equity"),
      );
      expect(amount(itemsOf(company, lastYearIndex), "revenue")).toBeLessThan(
        amount(itemsOf(company, 0), "revenue"),
      );
    }
    const negative = declining.filter((company) => amount(itemsOf(company, lastYearIndex), "equity") < 0);
    expect(negative.length / declining.length).toBeGreaterThan(0.15);
    expect(negative.length / declining.length).toBeLessThan(0.8);
    const withArrears = negative.filter((company) => {
      const first = itemsOf(company, 0);
      const last = itemsOf(company, lastYearIndex);
      if (last.taxDebts === undefined) return false;
      return (
        amount(last, "taxDebts") / amount(last, "revenue") >
        2 * (amount(first, "taxDebts") / amount(first, "revenue"))
      );
    });
    expect(withArrears.length).toBeGreaterThan(0);
  });

  it("turns recovering companies' losses of the first years into profits", () => {
    const recovering = companies.filter((company) => company.trajectory === "recovering");
    const netMargin = (company: DemoCompany, yearIndex: number) =>
      amount(itemsOf(company, yearIndex), "netResult") / amount(itemsOf(company, yearIndex), "revenue");
    expect(median(recovering.map((company) => netMargin(company, 0)))).toBeLessThan(0);
    expect(median(recovering.map((company) => netMargin(company, lastYearIndex)))).toBeGreaterThan(0);
  });
});

describe("demo economics", () => {
  it("keeps most stable companies' EBITDA margins between 4 % and 12 %", () => {
    const margins = companies
      .filter((company) => company.trajectory === "stable")
      .flatMap((company) => company.statements.map((statement) => ebitdaMargin(statement.items)));
    expect(shareOf(margins, (margin) => margin >= 0.04 && margin <= 0.12)).toBeGreaterThan(0.8);
  });

  it.each([
    ["prato-tessile", 100_000, 250_000],
    ["lumezzane-metalli", 130_000, 250_000],
    ["ave-texteis", 40_000, 100_000],
  ])("gives %s a median revenue per employee between €%i and €%i", (districtId, minimum, maximum) => {
    const perEmployee = companiesOf(districtId).map(
      (company) => amount(itemsOf(company, 0), "revenue") / 100 / (company.headcountByYear[0] ?? 1),
    );
    expect(median(perEmployee)).toBeGreaterThan(minimum);
    expect(median(perEmployee)).toBeLessThan(maximum);
  });
});

describe("generateDemo input", () => {
  it.each([
    ["no years", { years: 0 }, /years/],
    ["a two-digit year", { firstYear: 99 }, /firstYear/],
    ["an Italian district without municipalities", { municipalities: [] }, /No municipalities/],
    [
      "an industry without a profile",
      { districts: [{ id: "x", country: "IT", nuts3: "ITI15", mainIndustryNace: "10" }] },
      /No demo industry profile/,
    ],
  ])("rejects %s", (_case, overrides, message) => {
    expect(() => generateDemo({ ...demoTestInput, ...overrides })).toThrow(message);
  });
});

describe(allocateByShares, () => {
  it.each([
    [10, { a: 0.5, b: 0.5 }, { a: 5, b: 5 }],
    [
      650,
      { micro: 0.8, small: 0.16, medium: 0.035, large: 0.005 },
      { micro: 520, small: 104, medium: 23, large: 3 },
    ],
    [3, { a: 1, b: 1, c: 1 }, { a: 1, b: 1, c: 1 }],
    [7, { hit: 0, spared: 1 }, { hit: 0, spared: 7 }],
    [0, { a: 1 }, { a: 0 }],
  ])("splits %i by %j into %j", (count, shares, expected) => {
    const allocated = allocateByShares(count, shares as Record<string, number>);
    expect(allocated).toHaveLength(count);
    for (const [key, expectedCount] of Object.entries(expected)) {
      expect(allocated.filter((entry) => entry === key)).toHaveLength(expectedCount);
    }
  });
});
