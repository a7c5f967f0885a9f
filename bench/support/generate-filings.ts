import { computePartitaIvaCheckDigit } from "../../src/domain/companies/validate-tax-code.ts";
import { createRandom, deriveSeed } from "../../src/domain/demo/prng.ts";

export type GeneratedFiling = { fileName: string; bytes: Uint8Array };

// Every euro amount of the filing: the start tag (with its context) and the integer inside.
const euroFactPattern = /(<[^<>]*\bcontextRef="([^"]+)"[^<>]*\bunitRef="EUR"[^<>]*>)(-?\d+)</g;
const contextYearPattern = /(\d{4})\d{4}$/;
const identityPattern = (localName: string) => new RegExp(`(<itcc-ci:${localName}\\b[^<>]*>)[^<]*<`, "g");

/** An 11-digit partita IVA with a valid check digit: company number (7 digits), office 039 (Ravenna). */
export function makePartitaIva(companyNumber: number): string {
  const firstTenDigits = `${String(companyNumber % 10_000_000).padStart(7, "0")}039`;
  return `${firstTenDigits}${computePartitaIvaCheckDigit(firstTenDigits)}`;
}

/**
 * `count` variants of one real filing, each a different company: a new partita IVA (codice fiscale and
 * VAT number) and name, and every euro amount scaled by a factor per period (the company's size, and a
 * growth between the two years), so each period keeps its proportions. Seeded: the same arguments give the same bytes.
 */
export function generateFilings(
  template: string,
  options: { count: number; firstCompanyNumber: number; seed: number },
): GeneratedFiling[] {
  const encoder = new TextEncoder();
  const filings: GeneratedFiling[] = [];
  const ownYear = Math.max(
    ...[...template.matchAll(euroFactPattern)].map((match) =>
      Number(contextYearPattern.exec(match[2] ?? "")?.[1] ?? 0),
    ),
  );
  for (let index = 0; index < options.count; index += 1) {
    const companyNumber = options.firstCompanyNumber + index;
    const random = createRandom(deriveSeed(options.seed, companyNumber));
    const sizeFactor = random.between(0.3, 3);
    const previousFactor = sizeFactor * random.between(0.7, 1.3);
    const taxCode = makePartitaIva(companyNumber);
    const text = template
      .replace(euroFactPattern, (_match, startTag: string, contextId: string, amount: string) => {
        const year = Number(contextYearPattern.exec(contextId)?.[1] ?? ownYear);
        const factor = year === ownYear ? sizeFactor : previousFactor;
        return `${startTag}${Math.round(Number(amount) * factor)}<`;
      })
      .replace(identityPattern("DatiAnagraficiCodiceFiscale"), `$1${taxCode}<`)
      .replace(identityPattern("DatiAnagraficiPartitaIva"), `$1${taxCode}<`)
      .replace(identityPattern("DatiAnagraficiDenominazione"), `$1BENCH ${companyNumber} S.R.L.<`);
    filings.push({ fileName: `bench-${taxCode}.xbrl`, bytes: encoder.encode(text) });
  }
  return filings;
}
