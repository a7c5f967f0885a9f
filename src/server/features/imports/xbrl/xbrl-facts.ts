import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

export const xbrlInstanceNamespace = "http://www.xbrl.org/2003/instance";
export const linkbaseNamespace = "http://www.xbrl.org/2003/linkbase";
export const xlinkNamespace = "http://www.w3.org/1999/xlink";
export const xmlSchemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";
export const iso4217Namespace = "http://www.xbrl.org/2003/iso4217";
export const xbrlDimensionsNamespace = "http://xbrl.org/2006/xbrldi";
/** Every itcc-ci namespace starts so: the base one ends with the taxonomy date, entry points add ese/abb/micr/cons. */
export const itccNamespacePrefix = "http://www.infocamere.it/itnn/fr/itcc/ci/";

export function isItccNamespace(uri: string): boolean {
  return uri.startsWith(itccNamespacePrefix);
}

/** One fact of the instance, as read; its context and unit are resolved once the whole file is read. */
export interface XbrlFact {
  localName: string;
  contextId: string;
  unitId: string | undefined;
  isNil: boolean;
  /** Inside a tuple (a notes table row such as a geographic breakdown): never a statement line. */
  isInTuple: boolean;
  /** Kept only for facts the importer reads, so the notes' text blocks cost no memory. */
  value: string | undefined;
  line: number;
}

/** Up to 13 integer digits, cents stay below 10^15: exact as a double, no BigInt needed. */
const maximumDigitsForNumberCents = 13;

/**
 * Converts an amount written in euros (xs:decimal, e.g. "-1234.505") to integer cents, rounding half away from
 * zero on the exact decimal digits (no binary floating point in between). `decimals` only states precision.
 */
export function parseEuroAmountToCents(text: string, where: string): number {
  const digits = parseDecimal(text, where);
  const fraction = digits.fraction.padEnd(3, "0");
  const roundsUp = fraction.charCodeAt(2) >= digitFive;
  if (digits.integer.length <= maximumDigitsForNumberCents) {
    const cents = Number(digits.integer) * 100 + Number(fraction.slice(0, 2)) + (roundsUp ? 1 : 0);
    // -0 would compare unequal in snapshots and means nothing in a statement.
    return digits.isNegative && cents !== 0 ? -cents : cents;
  }
  let cents = BigInt(digits.integer) * 100n + BigInt(fraction.slice(0, 2));
  if (roundsUp) cents += 1n;
  const signed = digits.isNegative ? -cents : cents;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new XbrlRejectedError(
      "value",
      `${where}: the amount "${text.trim()}" is too large to store in cents.`,
    );
  }
  return Number(signed);
}

/** A plain decimal number (headcounts), checked like an amount. */
export function parseDecimalNumber(text: string, where: string): number {
  const digits = parseDecimal(text, where);
  const value = Number(`${digits.integer || "0"}.${digits.fraction || "0"}`);
  return digits.isNegative && value !== 0 ? -value : value;
}

const digitZero = 0x30;
const digitFive = 0x35;
const digitNine = 0x39;
const plusSign = 0x2b;
const minusSign = 0x2d;
const decimalPoint = 0x2e;

/** xs:decimal after trimming: an optional sign, ASCII digits, an optional point and digits; one digit at least. */
function parseDecimal(text: string, where: string) {
  const trimmed = text.trim();
  const firstCode = trimmed.charCodeAt(0);
  const hasSign = firstCode === plusSign || firstCode === minusSign;
  const integerEnd = skipDigits(trimmed, hasSign ? 1 : 0);
  const hasPoint = trimmed.charCodeAt(integerEnd) === decimalPoint;
  const fractionEnd = hasPoint ? skipDigits(trimmed, integerEnd + 1) : integerEnd;
  const integer = trimmed.slice(hasSign ? 1 : 0, integerEnd);
  const fraction = hasPoint ? trimmed.slice(integerEnd + 1, fractionEnd) : "";
  if (fractionEnd !== trimmed.length || (integer === "" && fraction === "")) {
    throw new XbrlRejectedError("value", `${where}: "${trimmed.slice(0, 40)}" is not a decimal number.`);
  }
  return { isNegative: firstCode === minusSign, integer: integer || "0", fraction };
}

function skipDigits(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < digitZero || code > digitNine) break;
    index += 1;
  }
  return index;
}
