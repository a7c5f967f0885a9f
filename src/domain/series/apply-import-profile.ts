import { parseCsv } from "../shared/parse-csv.ts";
import {
  assembleSeries,
  findDimension,
  type ObservationRecord,
  unitDimensionNames,
} from "./assemble-series.ts";
import { buildTerritoryLookup, matchTerritory } from "./match-territory.ts";
import { type NormalisedPeriod, normalisePeriod, normaliseYearMonth } from "./normalise-period.ts";
import { type DecimalSeparators, parseDecimal } from "./parse-decimal.ts";
import {
  capProblems,
  type SeriesFileProblem,
  type SeriesFrequencyCode,
  type SeriesParseResult,
} from "./parsed-series.ts";
import type { TerritoryAlias } from "./territory-aliases.ts";

/**
 * How to read a CSV file that is neither JSON-stat nor SDMX-CSV: which columns hold the time, the
 * value and the key, and the key values the file leaves out (unit, adjustment, sector…).
 */
export type ImportProfileMapping = {
  source: string;
  dataset: string;
  /** What is measured; the dataset when absent. */
  indicator?: string | undefined;
  delimiter: "," | ";" | "\t" | "|";
  decimalSeparator: DecimalSeparators["decimalSeparator"];
  thousandsSeparator: DecimalSeparators["thousandsSeparator"];
  time:
    | { kind: "column"; column: string; frequency?: SeriesFrequencyCode | undefined }
    | { kind: "year_month"; yearColumn: string; monthColumn: string };
  valueColumn: string;
  statusColumn?: string | undefined;
  /** Columns that are dimensions of the key, each under the dimension id it gets. */
  keyColumns: { column: string; dimension: string }[];
  /** A column naming the territory: by code as written, or by name matched through the alias list. */
  territory?: { column: string; dimension: string; matchBy: "code" | "name" } | undefined;
  /** Dimension id → code for dimensions the file does not carry (e.g. unit: "I15"). */
  constants: Record<string, string>;
  /** Release date of every observation, when the file carries none (yyyy-mm-dd). */
  releasedOn?: string | undefined;
};

const sameName = (first: string, second: string) =>
  first.trim().toLowerCase() === second.trim().toLowerCase();

/** The mapping's own mistakes, before any file is read: repeated dimensions, a missing unit. */
export function checkImportProfileMapping(mapping: ImportProfileMapping): string[] {
  const problems: string[] = [];
  const dimensions = [
    ...mapping.keyColumns.map((key) => key.dimension),
    ...(mapping.territory ? [mapping.territory.dimension] : []),
    ...Object.keys(mapping.constants),
  ];
  const seen = new Set<string>();
  for (const dimension of dimensions) {
    if (seen.has(dimension.toLowerCase())) problems.push(`The dimension "${dimension}" is given twice.`);
    seen.add(dimension.toLowerCase());
  }
  if (!findDimension(dimensions, unitDimensionNames)) {
    problems.push('The profile needs a "unit" dimension: a key column or a constant (e.g. unit = "hours").');
  }
  if (mapping.releasedOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(mapping.releasedOn)) {
    problems.push(`releasedOn "${mapping.releasedOn}" is not a date (yyyy-mm-dd).`);
  }
  return problems;
}

/**
 * Reads a CSV file through an import profile: time from one column (2024, 2024-Q1, 2024-01,
 * 2024-01-31) or from year and month columns (month names in Italian or English), the value with the
 * profile's decimal separator, the key from columns and constants, territory names matched to codes.
 * Any bad line rejects the whole file; each problem names its line and column.
 */
export function applyImportProfile(
  text: string,
  mapping: ImportProfileMapping,
  aliases?: readonly TerritoryAlias[],
): SeriesParseResult {
  const mappingProblems = checkImportProfileMapping(mapping);
  if (mappingProblems.length > 0) {
    return {
      status: "rejected",
      format: "csv-profile",
      problems: mappingProblems.map((message) => ({ row: null, column: null, message })),
    };
  }
  let rows: string[][];
  try {
    rows = parseCsv(text, mapping.delimiter);
  } catch (error) {
    return {
      status: "rejected",
      format: "csv-profile",
      problems: [
        { row: null, column: null, message: `The file is not valid CSV: ${(error as Error).message}` },
      ],
    };
  }
  const [header, ...body] = rows;
  const problems: SeriesFileProblem[] = [];
  const columnIndex = (name: string): number => {
    const index = (header ?? []).findIndex((candidate) => sameName(candidate, name));
    if (index < 0) {
      problems.push({
        row: 1,
        column: name,
        message: `The file has no column "${name}" (columns: ${(header ?? []).join(", ")}).`,
      });
    }
    return index;
  };
  const time =
    mapping.time.kind === "column"
      ? {
          kind: "column" as const,
          index: columnIndex(mapping.time.column),
          frequency: mapping.time.frequency,
        }
      : {
          kind: "year_month" as const,
          year: columnIndex(mapping.time.yearColumn),
          month: columnIndex(mapping.time.monthColumn),
        };
  const valueIndex = columnIndex(mapping.valueColumn);
  const statusIndex = mapping.statusColumn ? columnIndex(mapping.statusColumn) : -1;
  const keys = mapping.keyColumns.map((key) => ({ ...key, index: columnIndex(key.column) }));
  const territoryIndex = mapping.territory ? columnIndex(mapping.territory.column) : -1;
  if (problems.length > 0) return { status: "rejected", format: "csv-profile", problems };
  if (body.length === 0) {
    return {
      status: "rejected",
      format: "csv-profile",
      problems: [{ row: 2, column: null, message: "The file has no data line." }],
    };
  }

  const lookup = mapping.territory?.matchBy === "name" ? buildTerritoryLookup(aliases) : undefined;
  const records: ObservationRecord[] = [];
  body.forEach((cells, position) => {
    const row = position + 2;
    const cell = (index: number) => (cells[index] ?? "").trim();
    let period: NormalisedPeriod | undefined;
    if (time.kind === "column") {
      period = normalisePeriod(cell(time.index), time.frequency);
      if (!period) {
        problems.push({
          row,
          column: header?.[time.index] ?? null,
          message: `"${cell(time.index)}" is not a period (2024, 2024-Q1, 2024-01, 2024-01-31).`,
        });
        return;
      }
    } else {
      period = normaliseYearMonth(cell(time.year), cell(time.month));
      if (!period) {
        problems.push({
          row,
          column: `${header?.[time.year]} / ${header?.[time.month]}`,
          message: `"${cell(time.year)}" and "${cell(time.month)}" are not a year and a month (a number or an Italian or English month name).`,
        });
        return;
      }
    }
    const value = parseDecimal(cell(valueIndex), mapping);
    if (value === undefined) {
      problems.push({
        row,
        column: header?.[valueIndex] ?? null,
        message: `"${cell(valueIndex)}" is not a number with "${mapping.decimalSeparator}" as decimal separator${mapping.thousandsSeparator ? ` and "${mapping.thousandsSeparator}" grouping thousands` : ""}.`,
      });
      return;
    }
    const statusFlag = statusIndex >= 0 && cell(statusIndex) !== "" ? cell(statusIndex) : null;
    if (value === null && statusFlag === null) return;
    const dimensions: Record<string, string> = { ...mapping.constants };
    for (const key of keys) {
      if (cell(key.index) === "") {
        problems.push({ row, column: header?.[key.index] ?? null, message: "The key column is empty." });
        return;
      }
      dimensions[key.dimension] = cell(key.index);
    }
    if (mapping.territory) {
      const written = cell(territoryIndex);
      const matched = lookup ? matchTerritory(written, lookup)?.code : written.toUpperCase();
      if (!matched) {
        problems.push({
          row,
          column: header?.[territoryIndex] ?? null,
          message: `The territory "${written}" is not in the alias list; write its NUTS code or a known name.`,
        });
        return;
      }
      dimensions[mapping.territory.dimension] = matched;
    }
    records.push({ row, dimensions, period, value, statusFlag, releasedOn: mapping.releasedOn ?? null });
  });
  const dimensionIds = [
    ...Object.keys(mapping.constants),
    ...mapping.keyColumns.map((key) => key.dimension),
    ...(mapping.territory ? [mapping.territory.dimension] : []),
  ];
  const varying = [
    ...mapping.keyColumns.map((key) => key.dimension),
    ...(mapping.territory ? [mapping.territory.dimension] : []),
  ];
  const assembled = assembleSeries(records, {
    source: mapping.source,
    dataset: mapping.dataset,
    indicator: mapping.indicator ?? mapping.dataset,
    unitDimension: findDimension(dimensionIds, unitDimensionNames),
    frequencyDimension: findDimension(dimensionIds, ["freq", "frequency"]),
    territoryDimension: mapping.territory?.dimension,
    titleOf: (dimensions) =>
      [
        mapping.indicator ?? mapping.dataset,
        varying
          .map((id) => dimensions[id])
          .filter(Boolean)
          .join(", "),
      ]
        .filter(Boolean)
        .join(" — "),
  });
  problems.push(...assembled.problems);
  if (problems.length > 0)
    return { status: "rejected", format: "csv-profile", problems: capProblems(problems) };
  if (assembled.series.length === 0) {
    return {
      status: "rejected",
      format: "csv-profile",
      problems: [{ row: null, column: null, message: "The file holds no observation with a value." }],
    };
  }
  return { status: "parsed", format: "csv-profile", series: assembled.series };
}
