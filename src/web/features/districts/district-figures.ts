import type {
  DistrictCell,
  DistrictDashboard,
  DistrictFigures,
} from "../../../contracts/district-dashboard.ts";

export const alertLevels = ["red", "orange", "green", "grey"] as const;
export type AlertLevelName = (typeof alertLevels)[number];
export const shareKinds = ["byCount", "byEmployees", "byRevenue"] as const;
export type ShareKind = (typeof shareKinds)[number];

/** Colours of the alert levels (also carried by text labels: colour is never the only carrier). */
export const levelColours: Record<AlertLevelName, string> = {
  red: "#b42318",
  orange: "#c4510a",
  green: "#2e7d32",
  grey: "#6b7280",
};

/** What a table cell shows: the formatted figure, or a dash when the figure is withheld or absent. */
export type ShownFigure = { text: string; isSuppressed: boolean };

export const missingFigure = "—";

/** Formats a figure, marking it withheld when disclosure control named it (else a plain dash). */
export function showFigure(
  figures: DistrictFigures,
  name: string,
  value: number | null | undefined,
  format: (value: number) => string,
): ShownFigure {
  if (figures.suppressed.includes(name)) return { text: missingFigure, isSuppressed: true };
  if (value === null || value === undefined) return { text: missingFigure, isSuppressed: false };
  return { text: format(value), isSuppressed: false };
}

/** The cells of one sector (`*` for all), oldest year first. */
export function findSectorSeries(dashboard: DistrictDashboard, sectorCode: string): DistrictCell[] {
  return dashboard.cells
    .filter((cell) => cell.sectorCode === sectorCode)
    .sort((left, right) => left.fiscalYear - right.fiscalYear);
}

/** The cells of one year, all-sectors first and then by sector code. */
export function findYearCells(dashboard: DistrictDashboard, fiscalYear: number): DistrictCell[] {
  return dashboard.cells
    .filter((cell) => cell.fiscalYear === fiscalYear)
    .sort((left, right) =>
      left.sectorCode === "*"
        ? -1
        : right.sectorCode === "*"
          ? 1
          : left.sectorCode.localeCompare(right.sectorCode),
    );
}

/** The early-warning list of the deteriorating companies of a district (and sector) at red or orange. */
export function deterioratingListUrl(districtCode: string, sectorCode: string): string {
  const query = new URLSearchParams({ district: districtCode });
  if (sectorCode !== "*" && sectorCode !== "none") query.set("sector", sectorCode);
  query.set("deteriorating", "true");
  return `/early-warning?${query.toString()}`;
}

/** Bands of the share in distress for the map (lower bounds, as ratios), shown with text labels. */
export const shareBands = [
  { from: 0, to: 0.05, colour: "#2e7d32" },
  { from: 0.05, to: 0.1, colour: "#d9a400" },
  { from: 0.1, to: 0.2, colour: "#c4510a" },
  { from: 0.2, to: 1, colour: "#b42318" },
] as const;

/** The band of a share in distress, or undefined when the share is not known (withheld or none assessable). */
export function findShareBand(share: number | null | undefined): (typeof shareBands)[number] | undefined {
  if (share === null || share === undefined || !Number.isFinite(share)) return undefined;
  return shareBands.find((band) => share >= band.from && share < band.to) ?? shareBands.at(-1);
}

/** ISO 3166-1 numeric codes (the ids of world-atlas) of the countries partners may come from. */
export const isoNumericByAlpha2: Record<string, string> = {
  AT: "040",
  BE: "056",
  BG: "100",
  CY: "196",
  CZ: "203",
  DE: "276",
  DK: "208",
  EE: "233",
  ES: "724",
  FI: "246",
  FR: "250",
  GR: "300",
  HR: "191",
  HU: "348",
  IE: "372",
  IT: "380",
  LT: "440",
  LU: "442",
  LV: "428",
  MT: "470",
  NL: "528",
  PL: "616",
  PT: "620",
  RO: "642",
  SE: "752",
  SI: "705",
  SK: "703",
  CH: "756",
  NO: "578",
  GB: "826",
  AL: "008",
  RS: "688",
  TR: "792",
};

/**
 * The year a dashboard opens on: the latest with at least half the companies of its best-covered
 * year (a newer year with only a few statements in is still coming in), else the latest year.
 */
export function chooseDefaultYear(dashboard: Pick<DistrictDashboard, "years" | "cells">): number | undefined {
  const totals = dashboard.cells.filter(
    (cell) => cell.sectorCode === "*" && cell.figures.companyCount !== null,
  );
  const most = Math.max(0, ...totals.map((cell) => cell.figures.companyCount ?? 0));
  const covered = totals
    .filter((cell) => (cell.figures.companyCount ?? 0) * 2 >= most)
    .map((cell) => cell.fiscalYear);
  return covered.length > 0 ? Math.max(...covered) : dashboard.years.at(-1);
}
