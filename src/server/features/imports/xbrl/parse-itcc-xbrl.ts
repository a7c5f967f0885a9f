import { checkStatement, type StatementFinding } from "../../../../domain/statements/check-statement.ts";
import type { LineItemValues, StatementFormat } from "../../../../domain/statements/line-items.ts";
import { detectXbrlFormat, findTaxonomyDate, type XbrlFormatSource } from "./detect-xbrl-format.ts";
import {
  type ConflictingFact,
  isReadLocalName,
  mapFactsToItems,
  type WithinOneYearItemId,
  type WithinOneYearSource,
} from "./map-facts-to-items.ts";
import { defaultMaximumXbrlBytes, type XbrlInput } from "./read-xbrl-chunks.ts";
import { readXbrlInstance } from "./read-xbrl-instance.ts";
import { type ResolvedPeriod, resolvePeriods } from "./xbrl-contexts.ts";
import type { XbrlFact } from "./xbrl-facts.ts";
import { readIdentity, type XbrlIdentity } from "./xbrl-identity.ts";

export type { XbrlIdentity } from "./xbrl-identity.ts";
export { XbrlRejectedError } from "./xbrl-rejected-error.ts";

/** One financial year of the filing: its own period or the previous year's comparative. */
export interface XbrlPeriod {
  periodStartOn: string;
  periodEndOn: string;
  /** The filing's own (latest) period; false for the comparative, which a later filing may restate. */
  isOwnPeriod: boolean;
  lengthDays: number;
  isShortPeriod: boolean;
  /** Catalogue items in euro cents (headcount in persons); an item the filing omits is absent. */
  items: LineItemValues;
  withinOneYearSources: Partial<Record<WithinOneYearItemId, WithinOneYearSource>>;
  /** Facts of this period in the itcc-ci namespaces that the catalogue does not use (notes, details, text). */
  unknownElementCount: number;
}

export interface XbrlPeriodReport {
  periodEndOn: string;
  isOwnPeriod: boolean;
  isShortPeriod: boolean;
  lengthDays: number;
  /** Total assets present and equal to equity + provisions + TFR + debts + accrued liabilities. */
  isBalanced: boolean;
  findings: StatementFinding[];
  unknownElementCount: number;
}

/** What a reviewer checks before accepting the import. */
export interface XbrlValidationReport {
  identity: {
    hasTaxCode: boolean;
    isTaxCodeValid: boolean;
    hasName: boolean;
    hasLegalForm: boolean;
    hasAteco: boolean;
  };
  periods: XbrlPeriodReport[];
  /** itcc-ci facts of the whole file the catalogue does not use, including those outside both periods. */
  unknownElementCount: number;
  unknownLocalNames: string[];
  /** Facts whose context belongs to neither period (other dates, breakdown dimensions). */
  factsOutsidePeriodsCount: number;
  conflictingFacts: ConflictingFact[];
  hasErrors: boolean;
}

export interface XbrlParseResult {
  format: StatementFormat;
  formatSource: XbrlFormatSource;
  schemaRef: string | undefined;
  taxonomyDate: string | undefined;
  currency: "EUR";
  identity: XbrlIdentity;
  /** The own period first, then the comparative when the filing has one. */
  periods: XbrlPeriod[];
  report: XbrlValidationReport;
  byteCount: number;
}

/**
 * Reads one itcc-ci XBRL instance (Italian financial statement) as a stream, without a DOM, into the line-item
 * catalogue: company identity from the DatiAnagrafici… facts, the own period and the comparative from the
 * contexts' dates, amounts in cents, and a validation report. Throws XbrlRejectedError for unsafe or unreadable
 * input (DTD, entities, malformed XML, over `maximumBytes`, non-euro units).
 */
export async function parseItccXbrl(
  input: XbrlInput,
  options: { maximumBytes?: number } = {},
): Promise<XbrlParseResult> {
  const instance = await readXbrlInstance(input, {
    maximumBytes: options.maximumBytes ?? defaultMaximumXbrlBytes,
    shouldKeepValue: isReadLocalName,
  });
  const { format, formatSource } = detectXbrlFormat(
    instance.schemaRefHrefs,
    instance.rootNamespaceUris,
    instance.facts,
  );
  const resolvedPeriods = resolvePeriods(instance.contexts, instance.facts);
  const ownContextId: string | undefined = resolvedPeriods[0]?.contextIds.values().next().value;
  const identity = readIdentity(
    instance.facts,
    ownContextId === undefined ? undefined : instance.contexts.get(ownContextId)?.entityIdentifier,
  );

  const periods: XbrlPeriod[] = [];
  const periodReports: XbrlPeriodReport[] = [];
  const conflictingFacts: ConflictingFact[] = [];
  const unknownLocalNames = new Set<string>();
  const { factsByPeriod, outsideFacts } = groupFactsByPeriod(instance.facts, resolvedPeriods);
  for (const [index, period] of resolvedPeriods.entries()) {
    const facts = factsByPeriod[index] ?? [];
    const mapped = mapFactsToItems(facts, instance.units, period.periodEndOn);
    for (const localName of mapped.unknownLocalNames) unknownLocalNames.add(localName);
    conflictingFacts.push(...mapped.conflictingFacts);
    const { contextIds: _contextIds, ...dates } = period;
    periods.push({
      ...dates,
      items: mapped.items,
      withinOneYearSources: mapped.withinOneYearSources,
      unknownElementCount: mapped.unknownElementCount,
    });
    const findings = checkStatement(mapped.items, format);
    periodReports.push({
      periodEndOn: period.periodEndOn,
      isOwnPeriod: period.isOwnPeriod,
      isShortPeriod: period.isShortPeriod,
      lengthDays: period.lengthDays,
      isBalanced:
        mapped.items.totalAssets !== undefined &&
        !findings.some((finding) => finding.code === "balance_sheet_unbalanced"),
      findings,
      unknownElementCount: mapped.unknownElementCount,
    });
  }

  const unknownOutside = outsideFacts.filter((fact) => !isReadLocalName(fact.localName) || fact.isInTuple);
  for (const fact of unknownOutside) unknownLocalNames.add(fact.localName);
  const report: XbrlValidationReport = {
    identity: {
      hasTaxCode: identity.taxCode !== undefined,
      isTaxCodeValid: identity.isTaxCodeValid,
      hasName: identity.name !== undefined,
      hasLegalForm: identity.legalFormCode !== undefined,
      hasAteco: identity.atecoCode !== undefined,
    },
    periods: periodReports,
    unknownElementCount:
      periods.reduce((sum, period) => sum + period.unknownElementCount, 0) + unknownOutside.length,
    unknownLocalNames: [...unknownLocalNames].sort(),
    factsOutsidePeriodsCount: outsideFacts.length,
    conflictingFacts,
    hasErrors:
      conflictingFacts.length > 0 ||
      periodReports.some((period) => period.findings.some((finding) => finding.severity === "error")),
  };
  return {
    format,
    formatSource,
    schemaRef: instance.schemaRefHrefs[0],
    taxonomyDate: findTaxonomyDate(instance.rootNamespaceUris),
    currency: "EUR",
    identity,
    periods,
    report,
    byteCount: instance.byteCount,
  };
}

/** Each period's facts in file order (a fact can belong to more than one), and those of neither. */
function groupFactsByPeriod(
  facts: readonly XbrlFact[],
  periods: readonly ResolvedPeriod[],
): { factsByPeriod: XbrlFact[][]; outsideFacts: XbrlFact[] } {
  const factsByPeriod = periods.map((): XbrlFact[] => []);
  const outsideFacts: XbrlFact[] = [];
  for (const fact of facts) {
    let isClaimed = false;
    for (let index = 0; index < periods.length; index += 1) {
      if (!periods[index]?.contextIds.has(fact.contextId)) continue;
      factsByPeriod[index]?.push(fact);
      isClaimed = true;
    }
    if (!isClaimed) outsideFacts.push(fact);
  }
  return { factsByPeriod, outsideFacts };
}
