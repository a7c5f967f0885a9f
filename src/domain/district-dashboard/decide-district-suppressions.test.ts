import { describe, expect, it } from "vitest";
import type { AggregatedMedianId } from "./compute-district-risk-aggregates.ts";
import { type DistrictYearRow, decideDistrictSuppressions } from "./decide-district-suppressions.ts";

const levels = ["red", "orange", "green", "grey"] as const;

function row(
  sectorCode: string,
  [red, orange, green, grey]: [number, number, number, number],
  overrides: Partial<DistrictYearRow> = {},
): DistrictYearRow {
  const companyCount = red + orange + green + grey;
  const counts = Object.fromEntries(
    ["I1", "I2", "I3", "I4", "I5", "altman_z_double_prime", "revenue", "employees"].map((id) => [
      id,
      companyCount,
    ]),
  ) as Record<AggregatedMedianId, number>;
  return {
    sectorCode,
    companyCount,
    levelCounts: { red, orange, green, grey },
    revenueCents: companyCount * 1000,
    employees: companyCount * 10,
    medianCompanyCounts: counts,
    distressShareCompanyCounts: {
      byEmployees: { inDistress: red, notInDistress: orange + green },
      byRevenue: { inDistress: red, notInDistress: orange + green },
    },
    ...overrides,
  };
}

function total(rows: DistrictYearRow[]): DistrictYearRow {
  const sum = (pick: (row: DistrictYearRow) => number) => rows.reduce((acc, item) => acc + pick(item), 0);
  const base = row("*", [
    sum((item) => item.levelCounts.red),
    sum((item) => item.levelCounts.orange),
    sum((item) => item.levelCounts.green),
    sum((item) => item.levelCounts.grey),
  ]);
  return {
    ...base,
    revenueCents: sum((item) => item.revenueCents),
    employees: sum((item) => item.employees),
    medianCompanyCounts: Object.fromEntries(
      Object.keys(base.medianCompanyCounts).map((id) => [
        id,
        sum((item) => item.medianCompanyCounts[id as AggregatedMedianId]),
      ]),
    ) as Record<AggregatedMedianId, number>,
    distressShareCompanyCounts: {
      byEmployees: {
        inDistress: sum((item) => item.distressShareCompanyCounts.byEmployees.inDistress),
        notInDistress: sum((item) => item.distressShareCompanyCounts.byEmployees.notInDistress),
      },
      byRevenue: {
        inDistress: sum((item) => item.distressShareCompanyCounts.byRevenue.inDistress),
        notInDistress: sum((item) => item.distressShareCompanyCounts.byRevenue.notInDistress),
      },
    },
  };
}

const isHidden = (suppressions: Map<string, Set<string>>, sector: string, figure: string) =>
  suppressions.get(sector)?.has(figure) === true;

/** Every figure shown is from at least 5 companies, and no published sum has exactly one hidden term. */
function expectSafe(rows: DistrictYearRow[], suppressions: Map<string, Set<string>>) {
  const all = rows.find((item) => item.sectorCode === "*") as DistrictYearRow;
  const sectors = rows.filter((item) => item.sectorCode !== "*");
  for (const item of rows) {
    for (const level of levels) {
      if (!isHidden(suppressions, item.sectorCode, `levelCounts.${level}`))
        expect(item.levelCounts[level], `${item.sectorCode} ${level}`).toBeGreaterThanOrEqual(5);
    }
    if (!isHidden(suppressions, item.sectorCode, "companyCount"))
      expect(item.companyCount).toBeGreaterThanOrEqual(5);
    if (!isHidden(suppressions, item.sectorCode, "revenueCents"))
      expect(item.medianCompanyCounts.revenue).toBeGreaterThanOrEqual(5);
    // Row: companyCount = Σ levels.
    const terms = ["companyCount", ...levels.map((level) => `levelCounts.${level}`)].filter((figure) =>
      isHidden(suppressions, item.sectorCode, figure),
    );
    expect(terms.length, `${item.sectorCode} row hides exactly one term`).not.toBe(1);
    if (isHidden(suppressions, item.sectorCode, "levelCounts.red"))
      expect(isHidden(suppressions, item.sectorCode, "distressShare.byCount")).toBe(true);
  }
  // Columns: '*' figure = Σ sectors (the crafted data has no company without a sector).
  for (const figure of [
    ...levels.map((level) => `levelCounts.${level}`),
    "companyCount",
    "revenueCents",
    "employees",
  ]) {
    const hidden = [...sectors, all].filter((item) => isHidden(suppressions, item.sectorCode, figure));
    expect(hidden.length, `${figure} column hides exactly one term`).not.toBe(1);
  }
}

describe(decideDistrictSuppressions, () => {
  it("hides nothing when every figure comes from at least 5 companies", () => {
    const sectors = [row("13", [6, 7, 8, 9]), row("14", [5, 6, 7, 8])];
    const rows = [...sectors, total(sectors)];
    const suppressions = decideDistrictSuppressions(rows);
    expect([...suppressions.values()].flatMap((figures) => [...figures])).toEqual([]);
  });

  it("hides a count from fewer than 5 companies, and a second one in its row and its column", () => {
    const sectors = [row("13", [2, 7, 8, 9]), row("14", [6, 6, 7, 8]), row("25", [9, 10, 11, 12])];
    const rows = [...sectors, total(sectors)];
    const suppressions = decideDistrictSuppressions(rows);
    expect(isHidden(suppressions, "13", "levelCounts.red")).toBe(true);
    // Row 13: the next-smallest is orange (7); column red: the next-smallest is sector 14 (6).
    expect(isHidden(suppressions, "13", "levelCounts.orange")).toBe(true);
    expect(isHidden(suppressions, "14", "levelCounts.red")).toBe(true);
    expect(isHidden(suppressions, "13", "distressShare.byCount")).toBe(true);
    expect(isHidden(suppressions, "25", "distressShare.byCount")).toBe(false);
    expectSafe(rows, suppressions);
  });

  it("hides a whole small sector, and the revenue of the next-smallest so the total cannot give it away", () => {
    const sectors = [row("13", [1, 1, 1, 0]), row("14", [10, 10, 10, 10]), row("25", [20, 20, 20, 20])];
    const rows = [...sectors, total(sectors)];
    const suppressions = decideDistrictSuppressions(rows);
    expect(isHidden(suppressions, "13", "companyCount")).toBe(true);
    expect(isHidden(suppressions, "13", "revenueCents")).toBe(true);
    expect(isHidden(suppressions, "14", "revenueCents")).toBe(true);
    expect(isHidden(suppressions, "25", "revenueCents")).toBe(false);
    expect(isHidden(suppressions, "13", "medians.I1")).toBe(true);
    expectSafe(rows, suppressions);
  });

  it("hides every figure of a district with fewer than 5 companies", () => {
    const sectors = [row("13", [1, 1, 1, 1])];
    const rows = [...sectors, total(sectors)];
    const suppressions = decideDistrictSuppressions(rows);
    for (const figure of ["companyCount", "levelCounts.red", "revenueCents", "employees", "medians.I1"]) {
      expect(isHidden(suppressions, "*", figure), figure).toBe(true);
    }
    expectSafe(rows, suppressions);
  });

  it("hides a median with fewer than 5 companies behind it, and the weighted share without 5 known weights", () => {
    const sector = row("13", [6, 7, 8, 9]);
    const sparse = {
      ...sector,
      medianCompanyCounts: { ...sector.medianCompanyCounts, I3: 4, employees: 3 },
    };
    const rows = [sparse, { ...total([sparse]), sectorCode: "*" }];
    const suppressions = decideDistrictSuppressions(rows);
    expect(isHidden(suppressions, "13", "medians.I3")).toBe(true);
    expect(isHidden(suppressions, "13", "medians.I1")).toBe(false);
    expect(isHidden(suppressions, "13", "distressShare.byEmployees")).toBe(true);
    expect(isHidden(suppressions, "13", "distressShare.byRevenue")).toBe(false);
  });

  it("hides the share by employees when only one of 5 red companies reports its headcount", () => {
    // Employees total × share would give that one company's headcount.
    const sector = row("13", [5, 6, 7, 8]);
    const sparse: DistrictYearRow = {
      ...sector,
      medianCompanyCounts: { ...sector.medianCompanyCounts, employees: 1 + 6 + 7 + 8 },
      distressShareCompanyCounts: {
        ...sector.distressShareCompanyCounts,
        byEmployees: { inDistress: 1, notInDistress: 6 + 7 },
      },
    };
    const rows = [sparse, total([sparse])];
    const suppressions = decideDistrictSuppressions(rows);
    for (const sectorCode of ["13", "*"]) {
      expect(isHidden(suppressions, sectorCode, "distressShare.byEmployees")).toBe(true);
      expect(isHidden(suppressions, sectorCode, "distressShare.byRevenue")).toBe(false);
      expect(isHidden(suppressions, sectorCode, "distressShare.byCount")).toBe(false);
    }
  });

  it.each([
    ["red", { inDistress: 4, notInDistress: 20 }, true],
    ["the rest", { inDistress: 6, notInDistress: 4 }, true],
    ["neither", { inDistress: 5, notInDistress: 5 }, false],
  ] as const)(
    "hides the share by revenue when too few companies' revenue is on the side of %s",
    (_side, byRevenue, hidden) => {
      const sector = row("13", [6, 7, 8, 9]);
      const weighted: DistrictYearRow = {
        ...sector,
        distressShareCompanyCounts: { ...sector.distressShareCompanyCounts, byRevenue },
      };
      const suppressions = decideDistrictSuppressions([weighted, total([weighted])]);
      expect(isHidden(suppressions, "13", "distressShare.byRevenue")).toBe(hidden);
      expect(isHidden(suppressions, "13", "distressShare.byEmployees")).toBe(false);
    },
  );

  it.each([
    [[row("13", [3, 9, 9, 9]), row("14", [9, 9, 9, 9]), row("15", [9, 9, 9, 9]), row("16", [4, 5, 5, 6])]],
    [[row("13", [0, 20, 20, 20]), row("14", [30, 0, 30, 30])]],
    [[row("13", [5, 5, 5, 5]), row("14", [4, 4, 4, 4]), row("15", [50, 1, 50, 50])]],
    [[row("13", [12, 2, 15, 3]), row("14", [7, 6, 5, 4]), row("15", [1, 1, 1, 1]), row("16", [8, 8, 8, 8])]],
  ])("leaves no figure recoverable by subtraction (case %#)", (sectors) => {
    const rows = [...sectors, total(sectors)];
    expectSafe(rows, decideDistrictSuppressions(rows));
  });

  it("stays on the safe side when the sector rows do not add up to the total", () => {
    const sectors = [row("13", [6, 7, 8, 9])];
    const all = total([...sectors, row("", [3, 0, 0, 0])]);
    const suppressions = decideDistrictSuppressions([...sectors, all]);
    // The remainder is a hidden cell of each column, so the sector's cell beside it is hidden as well.
    expect(isHidden(suppressions, "13", "levelCounts.red")).toBe(true);
    expect(isHidden(suppressions, "*", "levelCounts.red")).toBe(false);
  });
});
