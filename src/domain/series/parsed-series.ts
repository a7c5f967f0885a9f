/** Frequency codes of a district series, as SDMX writes them: annual, quarterly, monthly. */
export type SeriesFrequencyCode = "A" | "Q" | "M";

/** The formats a district-series file can be read in. */
export type SeriesFileFormat = "json-stat" | "sdmx-csv" | "csv-profile";

/** One value of a series for one period (`2024`, `2024-Q1`, `2024-01`); null value: not published. */
export type ParsedObservation = {
  period: string;
  value: number | null;
  statusFlag: string | null;
  /** When the producer released the figure (yyyy-mm-dd), when the file says so. */
  releasedOn: string | null;
};

/**
 * A series read from a file: every dimension of the source but time is kept in `dimensions`
 * (dimension id → code); `territory` is the code of its geographic dimension when there is one.
 */
export type ParsedSeries = {
  source: string;
  dataset: string;
  indicator: string;
  dimensions: Record<string, string>;
  unit: string;
  frequency: SeriesFrequencyCode;
  territory: string | null;
  title: string;
  observations: ParsedObservation[];
};

/** A reason a file cannot be imported; row is the 1-based line of a CSV file, column its header. */
export type SeriesFileProblem = { row: number | null; column: string | null; message: string };

export type SeriesParseResult =
  | { status: "parsed"; format: SeriesFileFormat; series: ParsedSeries[] }
  | { status: "rejected"; format: SeriesFileFormat | null; problems: SeriesFileProblem[] };

/** At most this many problems are reported for one file; the rest are counted. */
export const maximumReportedProblems = 50;

/** Caps a problem list, ending it with a line saying how many more there were. */
export function capProblems(problems: SeriesFileProblem[]): SeriesFileProblem[] {
  if (problems.length <= maximumReportedProblems) return problems;
  return [
    ...problems.slice(0, maximumReportedProblems),
    {
      row: null,
      column: null,
      message: `…and ${problems.length - maximumReportedProblems} more problems.`,
    },
  ];
}
