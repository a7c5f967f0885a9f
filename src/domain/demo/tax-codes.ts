import { computeNifCheckDigit, computePartitaIvaCheckDigit } from "../companies/validate-tax-code.ts";
import type { Random } from "./prng.ts";

const maximumAttempts = 1_000;

/**
 * A partita IVA not yet in `usedCodes`: a 7-digit serial, the 3-digit office code (the Istat province code,
 * e.g. "100" Prato, "017" Brescia) and the check digit. Adds the code to `usedCodes`.
 */
export function createPartitaIva(random: Random, officeCode: string, usedCodes: Set<string>): string {
  if (!/^\d{3}$/.test(officeCode)) throw new Error(`Office code must be 3 digits: ${officeCode}`);
  return createUnique(usedCodes, () => {
    const firstTenDigits = String(random.integer(1, 9_999_999)).padStart(7, "0") + officeCode;
    return firstTenDigits + String(computePartitaIvaCheckDigit(firstTenDigits));
  });
}

/** A Portuguese company NIF (NIPC) not yet in `usedCodes`: "5", seven digits, the mod-11 check digit. */
export function createCompanyNif(random: Random, usedCodes: Set<string>): string {
  return createUnique(usedCodes, () => {
    const firstEightDigits = `5${String(random.integer(0, 9_999_999)).padStart(7, "0")}`;
    return firstEightDigits + String(computeNifCheckDigit(firstEightDigits));
  });
}

function createUnique(usedCodes: Set<string>, createCode: () => string): string {
  for (let attempt = 0; attempt < maximumAttempts; attempt += 1) {
    const code = createCode();
    if (!usedCodes.has(code)) {
      usedCodes.add(code);
      return code;
    }
  }
  throw new Error("No unused tax code found: too many companies for the code space");
}
