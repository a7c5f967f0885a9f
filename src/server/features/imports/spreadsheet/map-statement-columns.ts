import { type LineItemId, lineItems } from "../../../../domain/statements/line-items.ts";
import { type IdentityColumn, identityColumns } from "./statement-template.ts";

export type ColumnTarget =
  | { kind: "identity"; column: IdentityColumn }
  | { kind: "item"; itemId: LineItemId };

export type ColumnMapping = {
  /** One entry per column of the header row, in order; undefined for a column that is ignored. */
  targets: (ColumnTarget | undefined)[];
  unknownHeaders: string[];
  /** Problems that reject the file: required columns missing, a column given twice, an ambiguous label. */
  problems: string[];
};

/** Identity columns a file cannot do without; `currency` may be left out (EUR). */
const requiredColumns: readonly IdentityColumn[] = [
  "country",
  "tax_code",
  "period_start",
  "period_end",
  "format",
];

/**
 * Compares headers as people retype them: case, runs of spaces, typographic apostrophes (spreadsheet
 * autocorrect) and dashes (the catalogue writes "A − B" with a minus sign) do not matter.
 */
export function normaliseHeader(header: string): string {
  return header
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC`]/g, "'")
    .replace(/[\u2212\u2013\u2014]/g, "-")
    .replace(/[\s\u00A0\u202F]+/g, " ")
    .trim()
    .toLowerCase();
}

const itemIdsByNormalisedId = new Map<string, LineItemId>(
  lineItems.map((item) => [item.id.toLowerCase(), item.id]),
);

// A label shared by two items (the Italian "Utile (perdita) dell'esercizio" is both A.IX of equity and the
// net result) is recognised only with its bracketed id.
const itemIdsByLabel = new Map<string, LineItemId[]>();
for (const item of lineItems) {
  for (const label of new Set([normaliseHeader(item.labels.it), normaliseHeader(item.labels.en)])) {
    itemIdsByLabel.set(label, [...(itemIdsByLabel.get(label) ?? []), item.id]);
  }
}

const bracketedIdPattern = /\[\s*([A-Za-z]+)\s*\]$/;

/**
 * Recognises one header: an identity column by its name ("tax_code", "Tax code"), a line item by the id in
 * brackets at its end whatever the label before it, or by its exact Italian or English label alone.
 */
export function recogniseHeader(
  header: string,
): ColumnTarget | { kind: "ambiguous"; itemIds: LineItemId[] } | undefined {
  const normalised = normaliseHeader(header);
  const asColumnName = normalised.replace(/[\s-]+/g, "_");
  const identity = identityColumns.find((column) => column === asColumnName);
  if (identity) return { kind: "identity", column: identity };
  const bracketed = bracketedIdPattern.exec(normalised);
  if (bracketed?.[1]) {
    const itemId = itemIdsByNormalisedId.get(bracketed[1].toLowerCase());
    return itemId ? { kind: "item", itemId } : undefined;
  }
  const byLabel = itemIdsByLabel.get(normalised) ?? [];
  if (byLabel.length > 1) return { kind: "ambiguous", itemIds: byLabel };
  return byLabel[0] ? { kind: "item", itemId: byLabel[0] } : undefined;
}

function targetKey(target: ColumnTarget): string {
  return target.kind === "identity" ? `identity:${target.column}` : `item:${target.itemId}`;
}

/** Maps a header row to identity columns and line items; empty headers are skipped silently. */
export function mapStatementColumns(headers: readonly string[]): ColumnMapping {
  const targets: (ColumnTarget | undefined)[] = [];
  const unknownHeaders: string[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const header of headers) {
    const recognised = header.trim() === "" ? undefined : recogniseHeader(header);
    if (recognised?.kind === "ambiguous") {
      problems.push(
        `column "${header}" could be any of ${recognised.itemIds.join(", ")}: add the id in brackets, e.g. "${header} [${recognised.itemIds[0]}]"`,
      );
      targets.push(undefined);
      continue;
    }
    if (!recognised) {
      if (header.trim() !== "") unknownHeaders.push(header);
      targets.push(undefined);
      continue;
    }
    const key = targetKey(recognised);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.push(`columns "${earlier}" and "${header}" give the same ${describeTarget(recognised)}`);
      targets.push(undefined);
      continue;
    }
    seen.set(key, header);
    targets.push(recognised);
  }
  const missing = requiredColumns.filter((column) => !seen.has(`identity:${column}`));
  if (missing.length > 0) {
    problems.unshift(
      `required column${missing.length > 1 ? "s" : ""} missing: ${missing.join(", ")} (see the template's header row)`,
    );
  }
  return { targets, unknownHeaders, problems };
}

function describeTarget(target: ColumnTarget): string {
  return target.kind === "identity" ? `column ${target.column}` : `line item ${target.itemId}`;
}
