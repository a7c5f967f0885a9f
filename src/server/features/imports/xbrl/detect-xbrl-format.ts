import type { StatementFormat } from "../../../../domain/statements/line-items.ts";
import { itccNamespacePrefix, type XbrlFact } from "./xbrl-facts.ts";

/** How the format was told: the schema reference, the entry-point namespace declared, or the facts present. */
export type XbrlFormatSource = "schema_ref" | "namespace" | "facts";

const entryPoints = [
  { code: "ese", format: "ordinary" },
  { code: "abb", format: "abridged" },
  { code: "micr", format: "micro" },
  { code: "cons", format: "consolidated" },
] as const satisfies readonly { code: string; format: StatementFormat }[];

const aggregateLineNames = new Set([
  "CreditiEsigibiliEntroEsercizioSuccessivo",
  "DebitiEsigibiliEntroEsercizioSuccessivo",
]);

/**
 * The statement's format from its entry point (itcc-ci-ese ordinary, -abb abridged, -micr micro, -cons
 * consolidated; early-warning.md §6): the schemaRef href first, else an entry-point namespace on the root,
 * else the facts: micro text blocks ("…Micro"), then abridged/micro aggregate lines, else ordinary.
 */
export function detectXbrlFormat(
  schemaRefHrefs: readonly string[],
  rootNamespaceUris: readonly string[],
  facts: readonly XbrlFact[],
): { format: StatementFormat; formatSource: XbrlFormatSource } {
  for (const href of schemaRefHrefs) {
    const fileName = href.split(/[/\\]/).pop() ?? "";
    const entryPoint = entryPoints.find((candidate) => fileName.startsWith(`itcc-ci-${candidate.code}-`));
    if (entryPoint) return { format: entryPoint.format, formatSource: "schema_ref" };
  }
  for (const uri of rootNamespaceUris) {
    if (!uri.startsWith(itccNamespacePrefix)) continue;
    const segment = uri.slice(itccNamespacePrefix.length).split("/")[0];
    const entryPoint = entryPoints.find((candidate) => candidate.code === segment);
    if (entryPoint) return { format: entryPoint.format, formatSource: "namespace" };
  }
  const isMicroTextBlock = (localName: string) =>
    localName.endsWith("Micro") || localName.includes("BilancioMicro");
  if (facts.some((fact) => isMicroTextBlock(fact.localName)))
    return { format: "micro", formatSource: "facts" };
  if (facts.some((fact) => aggregateLineNames.has(fact.localName))) {
    return { format: "abridged", formatSource: "facts" };
  }
  return { format: "ordinary", formatSource: "facts" };
}

/** The taxonomy date of the base itcc-ci namespace (".../ci/2018-11-04" → "2018-11-04"), if declared. */
export function findTaxonomyDate(rootNamespaceUris: readonly string[]): string | undefined {
  for (const uri of rootNamespaceUris) {
    const match = /^\d{4}-\d{2}-\d{2}$/.exec(uri.slice(itccNamespacePrefix.length));
    if (uri.startsWith(itccNamespacePrefix) && match) return match[0];
  }
  return undefined;
}
