import type { LineItemUnit } from "../../../../domain/statements/statement-formats.ts";

/**
 * How text in a number column is written. `plain`: digits with an optional decimal point, nothing else (text
 * cells of a workbook, where the workbook's own numbers are the normal case). `point`: comma-separated CSV,
 * decimal point, comma or space as thousands separator ("1,234.56"). `comma`: semicolon-separated CSV, decimal
 * comma with point or space as thousands separator ("1.234,56"); a lone point not grouping thousands
 * ("1234.56") is read as a decimal point.
 */
export type NumberStyle = "plain" | "point" | "comma";

export type SpreadsheetNumberResult = { isValid: true; value: number } | { isValid: false; reason: string };

type Decimal = { isNegative: boolean; integer: string; fraction: string };

const digitsPattern = /^\d+$/;
const minusSigns = /^[-\u2212]/;
// Spaces people (and spreadsheet programs) put between groups of thousands: plain, no-break, narrow no-break, thin.
const spaceCharacters = /[ \u00A0\u202F\u2009]/g;

function isGrouped(text: string, separator: string): boolean {
  const groups = text.split(separator);
  return (
    groups.length > 1 &&
    groups.every((group, index) =>
      index === 0 ? /^\d{1,3}$/.test(group) : group.length === 3 && digitsPattern.test(group),
    )
  );
}

function readInteger(text: string, separators: readonly string[]): string | undefined {
  if (digitsPattern.test(text)) return text;
  const separator = separators.find((candidate) => isGrouped(text, candidate));
  return separator === undefined ? undefined : text.split(separator).join("");
}

function splitAt(text: string, separator: string): { integer: string; fraction: string } | undefined {
  const parts = text.split(separator);
  if (parts.length > 2) return undefined;
  const [integer = "", fraction = ""] = parts;
  if (parts.length === 2 && !digitsPattern.test(fraction)) return undefined;
  return { integer, fraction };
}

function readUnsigned(body: string, style: NumberStyle): { integer: string; fraction: string } | undefined {
  if (style === "comma") {
    if (body.includes(",")) {
      const parts = splitAt(body, ",");
      const integer = parts && readInteger(parts.integer, [".", " "]);
      return parts && integer !== undefined ? { integer, fraction: parts.fraction } : undefined;
    }
    const grouped = readInteger(body, [".", " "]);
    if (grouped !== undefined) return { integer: grouped, fraction: "" };
  }
  const parts = splitAt(body, ".");
  if (!parts) return undefined;
  const integer = readInteger(parts.integer, style === "plain" ? [] : style === "point" ? [",", " "] : [" "]);
  return integer === undefined ? undefined : { integer, fraction: parts.fraction };
}

function readDecimalText(text: string, style: NumberStyle): Decimal | undefined {
  let body = text.trim().replace(spaceCharacters, " ");
  // A leading apostrophe is how spreadsheets (and SECTOR's own CSV export) keep a cell as text.
  if (style !== "plain") body = body.replace(/^'/, "").replace(/^€\s*/, "").replace(/\s*€$/, "");
  let isNegative = false;
  // Accounting notation: (1.234,56) is a negative amount.
  if (style !== "plain" && body.startsWith("(") && body.endsWith(")")) {
    isNegative = true;
    body = body.slice(1, -1).trim();
  } else if (minusSigns.test(body)) {
    isNegative = true;
    body = body.slice(1);
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }
  const unsigned = readUnsigned(body, style);
  return unsigned ? { isNegative, ...unsigned } : undefined;
}

/** The shortest decimal text of a workbook number: what the user typed, not its binary expansion. */
function readDecimalNumber(value: number): Decimal | undefined {
  if (!Number.isFinite(value)) return undefined;
  const magnitude = Math.abs(value);
  if (magnitude >= 1e15)
    return { isNegative: value < 0, integer: BigInt(magnitude).toString(), fraction: "" };
  const text = magnitude < 1e-6 ? magnitude.toFixed(20) : String(magnitude);
  const [integer = "0", fraction = ""] = text.split(".");
  return { isNegative: value < 0, integer, fraction };
}

const maximumCents = BigInt(Number.MAX_SAFE_INTEGER);

/** Euros to integer cents on the exact decimal digits, rounding half away from zero. */
function toCents(decimal: Decimal): SpreadsheetNumberResult {
  const fraction = decimal.fraction.padEnd(3, "0");
  let cents = BigInt(decimal.integer || "0") * 100n + BigInt(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) cents += 1n;
  if (cents > maximumCents) return { isValid: false, reason: "is too large" };
  // -0 means nothing in a statement and compares unequal in tests.
  return { isValid: true, value: cents === 0n ? 0 : Number(decimal.isNegative ? -cents : cents) };
}

function toPersons(decimal: Decimal): SpreadsheetNumberResult {
  if (!/^0*$/.test(decimal.fraction)) return { isValid: false, reason: "is not a whole number of persons" };
  const persons = Number(decimal.integer || "0");
  if (decimal.isNegative && persons !== 0) return { isValid: false, reason: "is a negative headcount" };
  if (!Number.isSafeInteger(persons)) return { isValid: false, reason: "is too large" };
  return { isValid: true, value: persons };
}

/**
 * Reads one cell of a number column: an amount in euros becomes integer cents (half away from zero), a
 * headcount a whole number of persons. Text is read according to `style`; a workbook number as written.
 */
export function parseSpreadsheetNumber(
  cell: string | number,
  unit: LineItemUnit,
  style: NumberStyle,
): SpreadsheetNumberResult {
  const decimal = typeof cell === "number" ? readDecimalNumber(cell) : readDecimalText(cell, style);
  if (!decimal || (decimal.integer === "" && decimal.fraction === "")) {
    return { isValid: false, reason: "is not a number" };
  }
  return unit === "cents" ? toCents(decimal) : toPersons(decimal);
}
