export type TaxCodeValidation =
  | { isValid: true; normalised: string; kind: "partita_iva" | "codice_fiscale" | "foreign" }
  | { isValid: false; reason: "empty" | "wrong_length" | "bad_characters" | "bad_check_digit" };

// Spaces, dots and hyphens are how people group the characters; they are never part of the code.
const separatorPattern = /[\s.-]/g;
const alphanumericPattern = /^[A-Z0-9]*$/;
const digitsPattern = /^\d*$/;

/**
 * Partita IVA check digit: digits in odd positions (1st, 3rd…) are summed, digits in even positions are
 * doubled (minus 9 when above 9) and summed; check = (10 − sum mod 10) mod 10. Source: DM 23-12-1976, art. 2.
 */
export function computePartitaIvaCheckDigit(firstTenDigits: string): number {
  assertDigits(firstTenDigits, 10);
  let sum = 0;
  for (const [index, character] of [...firstTenDigits].entries()) {
    const digit = Number(character);
    const isEvenPosition = index % 2 === 1;
    const doubled = digit * 2;
    sum += isEvenPosition ? (doubled > 9 ? doubled - 9 : doubled) : digit;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * Portuguese NIF check digit (mod 11): the first eight digits are weighted 9, 8 … 2 and summed;
 * check = 11 − sum mod 11, and 0 when that is 10 or 11.
 */
export function computeNifCheckDigit(firstEightDigits: string): number {
  assertDigits(firstEightDigits, 8);
  let sum = 0;
  for (const [index, character] of [...firstEightDigits].entries()) {
    sum += Number(character) * (9 - index);
  }
  const check = 11 - (sum % 11);
  return check >= 10 ? 0 : check;
}

/**
 * Validates a company or person tax identifier for a country (NUTS-0 code). IT: 11-digit partita IVA
 * (optional "IT" prefix) or 16-character codice fiscale, both with their official check character;
 * PT: 9-digit NIF with its mod-11 check digit; elsewhere 2–20 letters or digits, not checked further.
 */
export function validateTaxCode(country: string, raw: string): TaxCodeValidation {
  const compact = raw.replace(separatorPattern, "").toUpperCase();
  if (compact === "") return { isValid: false, reason: "empty" };
  switch (country.trim().toUpperCase()) {
    case "IT":
      return validateItalianCode(compact);
    case "PT":
      return validatePortugueseNif(compact);
    default:
      return validateForeignCode(compact);
  }
}

function validateItalianCode(compact: string): TaxCodeValidation {
  const code = compact.startsWith("IT") && compact.length === 13 ? compact.slice(2) : compact;
  if (!alphanumericPattern.test(code)) return { isValid: false, reason: "bad_characters" };
  if (code.length === 11) {
    if (!digitsPattern.test(code)) return { isValid: false, reason: "bad_characters" };
    const isCheckValid = computePartitaIvaCheckDigit(code.slice(0, 10)) === Number(code.slice(10));
    return isCheckValid
      ? { isValid: true, normalised: code, kind: "partita_iva" }
      : { isValid: false, reason: "bad_check_digit" };
  }
  if (code.length === 16) {
    if (!codiceFiscalePattern.test(code)) return { isValid: false, reason: "bad_characters" };
    return computeCodiceFiscaleCheckCharacter(code.slice(0, 15)) === code.slice(15)
      ? { isValid: true, normalised: code, kind: "codice_fiscale" }
      : { isValid: false, reason: "bad_check_digit" };
  }
  return { isValid: false, reason: "wrong_length" };
}

function validatePortugueseNif(compact: string): TaxCodeValidation {
  const code = compact.startsWith("PT") && compact.length === 11 ? compact.slice(2) : compact;
  if (!digitsPattern.test(code)) return { isValid: false, reason: "bad_characters" };
  if (code.length !== 9) return { isValid: false, reason: "wrong_length" };
  return computeNifCheckDigit(code.slice(0, 8)) === Number(code.slice(8))
    ? { isValid: true, normalised: code, kind: "foreign" }
    : { isValid: false, reason: "bad_check_digit" };
}

function validateForeignCode(compact: string): TaxCodeValidation {
  if (!alphanumericPattern.test(compact)) return { isValid: false, reason: "bad_characters" };
  if (compact.length < 2 || compact.length > 20) return { isValid: false, reason: "wrong_length" };
  return { isValid: true, normalised: compact, kind: "foreign" };
}

// Surname (3) · name (3) · year (2) · month letter · day and sex (2) · municipality (letter + 3) · check.
// Digit positions may hold the omocodia letters L M N P Q R S T U V (standing for 0–9).
const omocodiaDigit = "[0-9LMNPQRSTUV]";
const codiceFiscalePattern = new RegExp(
  `^[A-Z]{6}${omocodiaDigit}{2}[ABCDEHLMPRST]${omocodiaDigit}{2}[A-Z]${omocodiaDigit}{3}[A-Z]$`,
);

// Values of characters in odd positions (1st, 3rd…), DM 23-12-1976 annex; digits 0–9 share the values of A–J.
const oddPositionValues = [
  1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

function computeCodiceFiscaleCheckCharacter(firstFifteenCharacters: string): string {
  let sum = 0;
  for (const [index, character] of [...firstFifteenCharacters].entries()) {
    // Even-position value: digits 0–9 and letters A–Z both count 0–9 and 0–25 from their start.
    const ordinal = /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 65;
    const isOddPosition = index % 2 === 0;
    sum += isOddPosition ? (oddPositionValues[ordinal] ?? 0) : ordinal;
  }
  return String.fromCharCode(65 + (sum % 26));
}

function assertDigits(value: string, length: number): void {
  if (value.length !== length || !digitsPattern.test(value)) {
    throw new Error(`expected exactly ${length} digits, got "${value}"`);
  }
}
