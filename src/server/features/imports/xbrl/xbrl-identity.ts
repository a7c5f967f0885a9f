import {
  decodeXmlEntities,
  type LegalFormCode,
  normaliseLegalForm,
} from "../../../../domain/companies/normalise-legal-form.ts";
import { validateTaxCode } from "../../../../domain/companies/validate-tax-code.ts";
import { normaliseAtecoCode } from "../../../../domain/sectors/normalise-ateco.ts";
import type { XbrlFact } from "./xbrl-facts.ts";

/** The company as the statement names it (the DatiAnagrafici… facts), never the contexts' entity identifier. */
export interface XbrlIdentity {
  /** DatiAnagraficiCodiceFiscale as filed, spaces removed. */
  taxCode: string | undefined;
  /** Whether the tax code passes the Italian check (partita IVA or codice fiscale). */
  isTaxCodeValid: boolean;
  vatNumber: string | undefined;
  name: string | undefined;
  /** DatiAnagraficiFormaGiuridica as the XML parser gives it: still entity-escaped once, e.g. "Societ&#224; …". */
  legalFormRaw: string | undefined;
  /** The same text decoded again: "Società a responsabilità limitata". */
  legalFormText: string | undefined;
  legalFormCode: LegalFormCode | undefined;
  atecoRaw: string | undefined;
  /** ATECO 2007 in dotted form ("103900" → "10.39.00"); undefined when the text is no ATECO code. */
  atecoCode: string | undefined;
  /** DatiAnagraficiSede: the registered office, a municipality or a full address depending on the tool. */
  registeredOffice: string | undefined;
  /** DatiAnagraficiCodiceCciaa: the chamber of commerce (province code). */
  chamberOfCommerce: string | undefined;
  reaNumber: string | undefined;
  isInLiquidation: boolean | undefined;
  /** What the contexts name as the entity; in some tools the filing software's own code. Shown, never used. */
  contextEntityIdentifier: string | undefined;
}

const identityNames = {
  taxCode: "DatiAnagraficiCodiceFiscale",
  vatNumber: "DatiAnagraficiPartitaIva",
  name: "DatiAnagraficiDenominazione",
  legalForm: "DatiAnagraficiFormaGiuridica",
  ateco: "DatiAnagraficiSettoreAttivitaPrevalenteAteco",
  registeredOffice: "DatiAnagraficiSede",
  chamberOfCommerce: "DatiAnagraficiCodiceCciaa",
  reaNumber: "DatiAnagraficiNumeroRea",
  isInLiquidation: "DatiAnagraficiSocietaLiquidazione",
} as const;

/** Local names of the facts the identity is read from. */
export const identityLocalNames: ReadonlySet<string> = new Set(Object.values(identityNames));

/** Reads the identity facts (the first non-empty value of each, whatever its context). */
export function readIdentity(
  facts: readonly XbrlFact[],
  contextEntityIdentifier: string | undefined,
): XbrlIdentity {
  const texts = new Map<string, string>();
  for (const fact of facts) {
    if (fact.isNil || fact.value === undefined || texts.has(fact.localName)) continue;
    if (!identityLocalNames.has(fact.localName)) continue;
    // Some tools escape these texts twice (Societ&amp;#224;): decode what the XML parser left.
    const text = decodeXmlEntities(fact.value).replace(/\s+/g, " ").trim();
    if (text !== "") texts.set(fact.localName, text);
  }
  const taxCode = texts.get(identityNames.taxCode)?.replace(/\s/g, "");
  const legalFormRaw = facts
    .find((fact) => fact.localName === identityNames.legalForm && fact.value)
    ?.value?.trim();
  const legalFormText = texts.get(identityNames.legalForm);
  const atecoRaw = texts.get(identityNames.ateco);
  const liquidation = texts.get(identityNames.isInLiquidation);
  return {
    taxCode,
    isTaxCodeValid: taxCode !== undefined && validateTaxCode("IT", taxCode).isValid,
    vatNumber: texts.get(identityNames.vatNumber)?.replace(/\s/g, ""),
    name: texts.get(identityNames.name),
    legalFormRaw,
    legalFormText,
    legalFormCode: legalFormText === undefined ? undefined : normaliseLegalForm(legalFormText),
    atecoRaw,
    atecoCode: atecoRaw === undefined ? undefined : normaliseAtecoCode(atecoRaw),
    registeredOffice: texts.get(identityNames.registeredOffice),
    chamberOfCommerce: texts.get(identityNames.chamberOfCommerce),
    reaNumber: texts.get(identityNames.reaNumber),
    isInLiquidation: liquidation === undefined ? undefined : liquidation === "true" || liquidation === "1",
    contextEntityIdentifier,
  };
}
