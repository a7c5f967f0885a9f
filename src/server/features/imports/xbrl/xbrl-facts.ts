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

const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/**
 * Converts an amount written in euros (xs:decimal, e.g. "-1234.505") to integer cents, rounding half away from
 * zero on the exact decimal digits (no binary floating point in between). `decimals` only states precision.
 */
export function parseEuroAmountToCents(text: string, where: string): number {
  const digits = parseDecimal(text, where);
  const fraction = digits.fraction.padEnd(3, "0");
  let cents = BigInt(digits.integer || "0") * 100n + BigInt(fraction.slice(0, 2));
  if (Number(fraction[2]) >= 5) cents += 1n;
  const signed = digits.isNegative ? -cents : cents;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new XbrlRejectedError(
      "value",
      `${where}: the amount "${text.trim()}" is too large to store in cents.`,
    );
  }
  // -0 would compare unequal in snapshots and means nothing in a statement.
  return signed === 0n ? 0 : Number(signed);
}

/** A plain decimal number (headcounts), checked like an amount. */
export function parseDecimalNumber(text: string, where: string): number {
  const digits = parseDecimal(text, where);
  const value = Number(`${digits.integer || "0"}.${digits.fraction || "0"}`);
  return digits.isNegative && value !== 0 ? -value : value;
}

function parseDecimal(text: string, where: string) {
  const trimmed = text.trim();
  const match = decimalPattern.exec(trimmed);
  const integer = match?.[2] ?? "";
  const fraction = match?.[3] ?? "";
  if (!match || (integer === "" && fraction === "")) {
    throw new XbrlRejectedError("value", `${where}: "${trimmed.slice(0, 40)}" is not a decimal number.`);
  }
  return { isNegative: match[1] === "-", integer, fraction };
}
