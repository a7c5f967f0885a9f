import type { SeriesFrequencyCode } from "./parsed-series.ts";

export type NormalisedPeriod = { period: string; frequency: SeriesFrequencyCode };

const monthNumbers: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ["gennaio", "gen", "january", "jan"]],
  [2, ["febbraio", "feb", "february"]],
  [3, ["marzo", "mar", "march"]],
  [4, ["aprile", "apr", "april"]],
  [5, ["maggio", "mag", "may"]],
  [6, ["giugno", "giu", "june", "jun"]],
  [7, ["luglio", "lug", "july", "jul"]],
  [8, ["agosto", "ago", "august", "aug"]],
  [9, ["settembre", "set", "september", "sep", "sept"]],
  [10, ["ottobre", "ott", "october", "oct"]],
  [11, ["novembre", "nov", "november"]],
  [12, ["dicembre", "dic", "december", "dec"]],
];
for (const [month, names] of monthNames) for (const name of names) monthNumbers[name] = month;

/**
 * The month number of an Italian or English month name, full or abbreviated ("Gennaio", "gen.",
 * "January", "Jan"), or of a number 1–12 ("1", "01"); undefined otherwise. Case and accents ignored.
 */
export function readMonth(text: string): number | undefined {
  const cleaned = text.normalize("NFD").replace(/\p{M}/gu, "").trim().toLowerCase().replace(/\.$/, "");
  if (/^\d{1,2}$/.test(cleaned)) {
    const month = Number(cleaned);
    return month >= 1 && month <= 12 ? month : undefined;
  }
  return monthNumbers[cleaned];
}

const pad = (month: number) => String(month).padStart(2, "0");

function fromDate(year: string, month: number, frequency: SeriesFrequencyCode | undefined): NormalisedPeriod {
  if (frequency === "A") return { period: year, frequency: "A" };
  if (frequency === "Q") return { period: `${year}-Q${Math.ceil(month / 3)}`, frequency: "Q" };
  return { period: `${year}-${pad(month)}`, frequency: "M" };
}

/**
 * A period label normalised to `2024` (annual), `2024-Q1` (quarterly) or `2024-01` (monthly).
 * Reads `2024`, `2024-Q1`/`2024Q1`/`2024-q1`, `2024-01`/`2024M01`/`2024-1`, and a date
 * `2024-01-15`, which falls in its month (or quarter or year when `frequency` says so).
 * Undefined when the text is none of these.
 */
export function normalisePeriod(text: string, frequency?: SeriesFrequencyCode): NormalisedPeriod | undefined {
  const cleaned = text.trim().toUpperCase();
  let match = /^(\d{4})$/.exec(cleaned);
  if (match?.[1]) return { period: match[1], frequency: "A" };
  match = /^(\d{4})-?Q([1-4])$/.exec(cleaned);
  if (match?.[1] && match[2]) return { period: `${match[1]}-Q${match[2]}`, frequency: "Q" };
  match = /^(\d{4})(?:-|M)(\d{1,2})$/.exec(cleaned);
  if (match?.[1] && match[2]) {
    const month = Number(match[2]);
    if (month < 1 || month > 12) return undefined;
    return { period: `${match[1]}-${pad(month)}`, frequency: "M" };
  }
  match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(cleaned);
  if (match?.[1] && match[2] && match[3]) {
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    return fromDate(match[1], month, frequency);
  }
  return undefined;
}

/** The period of a year and a month given apart (the month as a name in Italian or English, or a number). */
export function normaliseYearMonth(yearText: string, monthText: string): NormalisedPeriod | undefined {
  const year = yearText.trim();
  if (!/^\d{4}$/.test(year)) return undefined;
  const month = readMonth(monthText);
  return month === undefined ? undefined : { period: `${year}-${pad(month)}`, frequency: "M" };
}

/** The first day of a normalised period, yyyy-mm-dd. */
export function computePeriodStartOn(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter?.[1] && quarter[2]) return `${quarter[1]}-${pad((Number(quarter[2]) - 1) * 3 + 1)}-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  throw new RangeError(`"${period}" is not a normalised period`);
}

/** The one frequency all these normalised periods share, or undefined when they mix frequencies or are none. */
export function detectFrequency(periods: readonly NormalisedPeriod[]): SeriesFrequencyCode | undefined {
  const frequencies = new Set(periods.map((period) => period.frequency));
  return frequencies.size === 1 ? [...frequencies][0] : undefined;
}

/** Orders period labels of one frequency in time (the labels sort as text). */
export function comparePeriods(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}
