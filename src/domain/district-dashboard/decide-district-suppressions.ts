import { type DisclosureRuleSet, disclosureRuleSet2026 } from "../disclosure/rule-sets/disclosure-2026.ts";
import { type DisclosureCell, suppressSmallCells } from "../disclosure/suppress-small-cells.ts";
import {
  type AggregatedMedianId,
  aggregatedIndexIds,
  allCode,
  type DistressShareCompanyCounts,
  type WeightedShareCompanies,
} from "./compute-district-risk-aggregates.ts";

/** One sector row (or the all-sectors row `*`) of a district's fiscal year, as disclosure control needs it. */
export type DistrictYearRow = {
  sectorCode: string;
  companyCount: number;
  levelCounts: { red: number; orange: number; green: number; grey: number };
  revenueCents: number;
  employees: number;
  /** Companies behind each median (and behind the revenue and employee sums). */
  medianCompanyCounts: Record<AggregatedMedianId, number>;
  /** Companies whose weights are behind the shares weighted by employees and by revenue. */
  distressShareCompanyCounts: DistressShareCompanyCounts;
};

const levels = ["red", "orange", "green", "grey"] as const;

const isShown = (status: string) => status === "shown";

function add(suppressions: Map<string, Set<string>>, sectorCode: string, figure: string) {
  const figures = suppressions.get(sectorCode) ?? new Set<string>();
  figures.add(figure);
  suppressions.set(sectorCode, figures);
}

/** A weighted share reveals one side's weight unless each side sums the weights of enough companies. */
function hasEnoughWeights(companies: WeightedShareCompanies, minimum: number): boolean {
  return companies.inDistress >= minimum && companies.notInDistress >= minimum;
}

/** Revenue or employees by sector, with the all-sectors sum published beside them. */
function protectSums(
  sectorRows: readonly DistrictYearRow[],
  total: DistrictYearRow,
  figure: "revenueCents" | "employees",
  ruleSet: DisclosureRuleSet,
  suppressions: Map<string, Set<string>>,
) {
  const countId = figure === "revenueCents" ? "revenue" : "employees";
  const cells: DisclosureCell[] = sectorRows.map((row) => ({
    companyCount: row.medianCompanyCounts[countId],
    value: row[figure],
  }));
  // Companies without a sector count in the total only: an unpublished remainder row.
  const remainder = {
    companyCount:
      total.medianCompanyCounts[countId] - cells.reduce((sum, cell) => sum + cell.companyCount, 0),
    value: total[figure] - cells.reduce((sum, cell) => sum + cell.value, 0),
  };
  const hasRemainder = remainder.companyCount > 0;
  const table = suppressSmallCells(
    {
      cells: [...cells, ...(hasRemainder ? [remainder] : [])].map((cell) => [cell]),
      isRowTotalPublished: [...cells, ...(hasRemainder ? [remainder] : [])].map(() => false),
      isColumnTotalPublished: [true],
    },
    ruleSet,
  );
  sectorRows.forEach((row, index) => {
    if (!isShown(table.cells[index]?.[0]?.status ?? "")) add(suppressions, row.sectorCode, figure);
  });
  if (!isShown(table.columnTotals[0]?.status ?? "")) add(suppressions, allCode, figure);
}

/**
 * Which figures of a district's fiscal year to withhold in public (early-warning.md §5): the table of
 * companies by sector × alert level with its sector and level totals, and the revenue and employee sums
 * by sector with their total, go through `suppressSmallCells` (fewer than 5 companies; a total with one
 * hidden cell hides the next-smallest too). A median is withheld when fewer than 5 companies are behind
 * it; shares in distress are shown only where every count of the row is shown, so they reveal nothing
 * hidden, and a weighted share only when at least 5 red companies carry the weight and 5 others the rest
 * of it (else with the sum beside it it would give away a firm's headcount or revenue). Returns, per sector code (`*` for all sectors), the names of the withheld figures.
 */
export function decideDistrictSuppressions(
  rows: readonly DistrictYearRow[],
  ruleSet: DisclosureRuleSet = disclosureRuleSet2026,
): Map<string, Set<string>> {
  const suppressions = new Map<string, Set<string>>();
  const total = rows.find((row) => row.sectorCode === allCode);
  if (!total) return suppressions;
  const minimum = ruleSet.minimumCompanyCount.value;
  const sectorRows = rows.filter((row) => row.sectorCode !== allCode);
  const remainder = levels.map(
    (level) => total.levelCounts[level] - sectorRows.reduce((sum, row) => sum + row.levelCounts[level], 0),
  );
  const hasRemainder = remainder.some((count) => count > 0);
  const levelTable = suppressSmallCells(
    {
      cells: [
        ...sectorRows.map((row) =>
          levels.map((level) => ({ companyCount: row.levelCounts[level], value: row.levelCounts[level] })),
        ),
        ...(hasRemainder ? [remainder.map((count) => ({ companyCount: count, value: count }))] : []),
      ],
      isRowTotalPublished: [...sectorRows.map(() => true), ...(hasRemainder ? [false] : [])],
      isColumnTotalPublished: levels.map(() => true),
    },
    ruleSet,
  );
  sectorRows.forEach((row, index) => {
    levels.forEach((level, column) => {
      if (!isShown(levelTable.cells[index]?.[column]?.status ?? ""))
        add(suppressions, row.sectorCode, `levelCounts.${level}`);
    });
    if (!isShown(levelTable.rowTotals[index]?.status ?? ""))
      add(suppressions, row.sectorCode, "companyCount");
  });
  levels.forEach((level, column) => {
    if (!isShown(levelTable.columnTotals[column]?.status ?? ""))
      add(suppressions, allCode, `levelCounts.${level}`);
  });
  // The grand total is shown only with every level total shown, else it would reveal the hidden one.
  if (total.companyCount < minimum || (suppressions.get(allCode)?.size ?? 0) > 0)
    add(suppressions, allCode, "companyCount");

  protectSums(sectorRows, total, "revenueCents", ruleSet, suppressions);
  protectSums(sectorRows, total, "employees", ruleSet, suppressions);

  for (const row of rows) {
    for (const id of aggregatedIndexIds) {
      if (row.medianCompanyCounts[id] < minimum) add(suppressions, row.sectorCode, `medians.${id}`);
    }
    const hidden = suppressions.get(row.sectorCode) ?? new Set<string>();
    const isEveryCountShown =
      !hidden.has("companyCount") && levels.every((level) => !hidden.has(`levelCounts.${level}`));
    if (!isEveryCountShown) add(suppressions, row.sectorCode, "distressShare.byCount");
    const counts = row.distressShareCompanyCounts;
    if (
      !isEveryCountShown ||
      row.medianCompanyCounts.employees < minimum ||
      !hasEnoughWeights(counts.byEmployees, minimum)
    )
      add(suppressions, row.sectorCode, "distressShare.byEmployees");
    if (
      !isEveryCountShown ||
      row.medianCompanyCounts.revenue < minimum ||
      !hasEnoughWeights(counts.byRevenue, minimum)
    )
      add(suppressions, row.sectorCode, "distressShare.byRevenue");
  }
  return suppressions;
}
