export type DecimalSeparators = {
  decimalSeparator: "." | ",";
  /** Digit grouping to drop; "" when the file groups no digits. */
  thousandsSeparator: "" | "." | "," | " " | "'";
};

/**
 * A number written with the given separators ("1.234,5" with "," and "."), or undefined when the
 * text is not a number; "" and the usual missing-value marks give null. Spaces around are ignored.
 */
export function parseDecimal(text: string, separators: DecimalSeparators): number | null | undefined {
  const trimmed = text.trim().replace(/\u00a0/g, " ");
  if (trimmed === "" || trimmed === ":" || trimmed === "-" || trimmed === "..") return null;
  let cleaned = trimmed;
  if (separators.thousandsSeparator !== "") cleaned = cleaned.split(separators.thousandsSeparator).join("");
  if (separators.decimalSeparator === ",") {
    if (cleaned.includes(".")) return undefined;
    cleaned = cleaned.replace(",", ".");
  } else if (cleaned.includes(",")) return undefined;
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * A release date as yyyy-mm-dd from ISO text ("2026-09-17T11:00:00+0200" keeps its own calendar day)
 * or the day-first form SDMX-CSV files of Eurostat carry ("17/09/26 23:00:00", "17/09/2026").
 */
export function parseReleaseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(trimmed);
  if (iso) return isCalendarDate(iso[1], iso[2], iso[3]) ? `${iso[1]}-${iso[2]}-${iso[3]}` : undefined;
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?:\s.*)?$/.exec(trimmed);
  if (!dayFirst?.[1] || !dayFirst[2] || !dayFirst[3]) return undefined;
  const year = dayFirst[3].length === 2 ? `20${dayFirst[3]}` : dayFirst[3];
  const month = dayFirst[2].padStart(2, "0");
  const day = dayFirst[1].padStart(2, "0");
  return isCalendarDate(year, month, day) ? `${year}-${month}-${day}` : undefined;
}

function isCalendarDate(year = "", month = "", day = ""): boolean {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1) return false;
  const daysInMonth = [31, isLeapYear(Number(year)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return dayNumber <= (daysInMonth[monthNumber - 1] ?? 0);
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
