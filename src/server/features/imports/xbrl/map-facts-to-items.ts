import { type LineItemId, type LineItemValues, lineItems } from "../../../../domain/statements/line-items.ts";
import type { XbrlUnit } from "./read-xbrl-instance.ts";
import { iso4217Namespace, parseDecimalNumber, parseEuroAmountToCents, type XbrlFact } from "./xbrl-facts.ts";
import { identityLocalNames } from "./xbrl-identity.ts";
import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

/** Where a within-one-year total came from (early-warning.md §0), in the order the rule tries them. */
export type WithinOneYearSource = "notes_total" | "aggregate_line" | "sum_of_lines";

export type WithinOneYearItemId = "receivablesDueWithinOneYear" | "debtsDueWithinOneYear";

/** Two facts of one period with the same name and different values; the first one is used. */
export interface ConflictingFact {
  localName: string;
  periodEndOn: string;
  values: string[];
}

export interface MappedItems {
  items: LineItemValues;
  withinOneYearSources: Partial<Record<WithinOneYearItemId, WithinOneYearSource>>;
  /** Facts of the period in the itcc-ci namespaces that neither the catalogue nor the identity reads. */
  unknownElementCount: number;
  unknownLocalNames: string[];
  conflictingFacts: ConflictingFact[];
}

const aggregateLineNames = new Set([
  "CreditiEsigibiliEntroEsercizioSuccessivo",
  "DebitiEsigibiliEntroEsercizioSuccessivo",
]);
const withinOneYearSuffix = "EsigibiliEntroEsercizioSuccessivo";
// C.II receivables start "Crediti…" (fixed-asset receivables start "ImmobilizzazioniFinanziarieCrediti…"); D debts "Debiti…".
const perTypeLinePrefixes = {
  receivablesDueWithinOneYear: "Crediti",
  debtsDueWithinOneYear: "Debiti",
} as const;
// The catalogue lists the notes' total first, then the abridged/micro aggregate line (line-items.ts).
const sourceByRank: readonly WithinOneYearSource[] = ["notes_total", "aggregate_line"];

const catalogueAndIdentityNames: ReadonlySet<string> = new Set([
  ...lineItems.flatMap((item) => item.xbrlLocalNames),
  ...identityLocalNames,
]);

/** The per-type within-one-year balance-sheet line the name is, if any (e.g. DebitiDebitiVersoBancheEsigibiliEntro…). */
export function findPerTypeWithinOneYearItem(localName: string): WithinOneYearItemId | undefined {
  if (!localName.endsWith(withinOneYearSuffix) || aggregateLineNames.has(localName)) return undefined;
  if (localName.startsWith(perTypeLinePrefixes.receivablesDueWithinOneYear))
    return "receivablesDueWithinOneYear";
  if (localName.startsWith(perTypeLinePrefixes.debtsDueWithinOneYear)) return "debtsDueWithinOneYear";
  return undefined;
}

/** Whether the importer reads facts of this name (so the reader keeps their text). */
export function isReadLocalName(localName: string): boolean {
  return catalogueAndIdentityNames.has(localName) || findPerTypeWithinOneYearItem(localName) !== undefined;
}

/**
 * Maps one period's facts to the line-item catalogue: each item takes its first preferred local name present;
 * within-one-year totals fall back to summing the per-type lines. Items the filing omits stay absent (the
 * engine reads them as zero when the format has them). Amounts in euro become integer cents.
 */
export function mapFactsToItems(
  facts: readonly XbrlFact[],
  units: ReadonlyMap<string, XbrlUnit>,
  periodEndOn: string,
): MappedItems {
  const values = new Map<string, number>();
  const conflictingFacts: ConflictingFact[] = [];
  const unknownLocalNames = new Set<string>();
  let unknownElementCount = 0;
  for (const fact of facts) {
    if (!isReadLocalName(fact.localName) || fact.isInTuple) {
      unknownElementCount += 1;
      unknownLocalNames.add(fact.localName);
      continue;
    }
    if (fact.isNil || fact.value === undefined || identityLocalNames.has(fact.localName)) continue;
    const value = readValue(fact, units);
    const existing = values.get(fact.localName);
    if (existing === undefined) values.set(fact.localName, value);
    else if (existing !== value) {
      conflictingFacts.push({
        localName: fact.localName,
        periodEndOn,
        values: [String(existing), String(value)],
      });
    }
  }

  const items: LineItemValues = {};
  const withinOneYearSources: MappedItems["withinOneYearSources"] = {};
  for (const item of lineItems) {
    const rank = item.xbrlLocalNames.findIndex((localName) => values.has(localName));
    const localName = item.xbrlLocalNames[rank];
    if (localName === undefined) continue;
    items[item.id] = values.get(localName);
    if (isWithinOneYearItem(item.id)) withinOneYearSources[item.id] = sourceByRank[rank] ?? "notes_total";
  }
  for (const itemId of ["receivablesDueWithinOneYear", "debtsDueWithinOneYear"] as const) {
    if (items[itemId] !== undefined) continue;
    const lines = [...values].filter(([localName]) => findPerTypeWithinOneYearItem(localName) === itemId);
    if (lines.length === 0) continue;
    items[itemId] = lines.reduce((sum, [, cents]) => sum + cents, 0);
    withinOneYearSources[itemId] = "sum_of_lines";
  }
  return {
    items,
    withinOneYearSources,
    unknownElementCount,
    unknownLocalNames: [...unknownLocalNames],
    conflictingFacts,
  };
}

function isWithinOneYearItem(itemId: LineItemId): itemId is WithinOneYearItemId {
  return itemId === "receivablesDueWithinOneYear" || itemId === "debtsDueWithinOneYear";
}

const itemUnitByName = new Map<string, "cents" | "persons">(
  lineItems.flatMap((item) => item.xbrlLocalNames.map((localName) => [localName, item.unit] as const)),
);

function readValue(fact: XbrlFact, units: ReadonlyMap<string, XbrlUnit>): number {
  const where = `${fact.localName} on line ${fact.line}`;
  const value = fact.value ?? "";
  // Headcounts are persons whatever unit the tool wrote (one tool tags them in EUR).
  if (itemUnitByName.get(fact.localName) === "persons") return parseDecimalNumber(value, where);
  const unit = fact.unitId === undefined ? undefined : units.get(fact.unitId);
  const isEuro = unit?.measures.length === 1 && unit.measures[0] === `${iso4217Namespace}#EUR`;
  if (!isEuro) {
    throw new XbrlRejectedError(
      "unit",
      `${where} is an amount in unit "${fact.unitId ?? "none"}", not EUR: SECTOR reads statements in euro only.`,
    );
  }
  return parseEuroAmountToCents(value, where);
}
