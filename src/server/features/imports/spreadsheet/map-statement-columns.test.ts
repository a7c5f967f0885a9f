import { describe, expect, it } from "vitest";
import { lineItems } from "../../../../domain/statements/line-items.ts";
import { mapStatementColumns, recogniseHeader } from "./map-statement-columns.ts";
import { buildStatementTemplateHeaders, identityColumns } from "./statement-template.ts";

describe(recogniseHeader, () => {
  it.each([
    ["Totale attivo [totalAssets]", "totalAssets"],
    ["Total assets [totalAssets]", "totalAssets"],
    ["Totale attivo", "totalAssets"],
    ["Total assets", "totalAssets"],
    ["  TOTAL   ASSETS ", "totalAssets"],
    ["whatever the label says [totalAssets]", "totalAssets"],
    ["Total assets [ TOTALASSETS ]", "totalAssets"],
    ["Crediti esigibili entro l\u2019esercizio successivo", "receivablesDueWithinOneYear"],
    ["Differenza tra valore e costi della produzione (A - B)", "operatingResult"],
    ["Utile (perdita) dell'esercizio [netResult]", "netResult"],
    ["Utile (perdita) dell'esercizio [resultOfTheYear]", "resultOfTheYear"],
    ["Numero medio dei dipendenti", "averageEmployees"],
  ])("recognises %j as the line item %s", (header, itemId) => {
    expect(recogniseHeader(header)).toEqual({ kind: "item", itemId });
  });

  it.each([
    ["tax_code", "tax_code"],
    ["Tax code", "tax_code"],
    ["PERIOD-END", "period_end"],
    [" country ", "country"],
  ])("recognises %j as the identity column %s", (header, column) => {
    expect(recogniseHeader(header)).toEqual({ kind: "identity", column });
  });

  it.each(["Totale attivo [totalAsset]", "Fatturato", "notes", "Total assets (2023)"])(
    "does not recognise %j",
    (header) => {
      expect(recogniseHeader(header)).toBeUndefined();
    },
  );

  it("asks for the id when an Italian label names two items", () => {
    expect(recogniseHeader("Utile (perdita) dell'esercizio")).toEqual({
      kind: "ambiguous",
      itemIds: ["resultOfTheYear", "netResult"],
    });
  });

  it("recognises every template header of both languages, and every label alone but the shared one", () => {
    for (const locale of ["it", "en"] as const) {
      const targets = buildStatementTemplateHeaders(locale).map(recogniseHeader);
      expect(targets).toEqual([
        ...identityColumns.map((column) => ({ kind: "identity", column })),
        ...lineItems.map((item) => ({ kind: "item", itemId: item.id })),
      ]);
    }
    const ambiguous = lineItems.filter((item) => recogniseHeader(item.labels.it)?.kind === "ambiguous");
    expect(ambiguous.map((item) => item.id)).toEqual(["resultOfTheYear", "netResult"]);
    for (const item of lineItems) {
      expect(recogniseHeader(item.labels.en)).toEqual({ kind: "item", itemId: item.id });
    }
  });
});

describe(mapStatementColumns, () => {
  it("maps a header row, reporting unknown headers and skipping empty ones", () => {
    const mapping = mapStatementColumns([
      "country",
      "tax_code",
      "period_start",
      "period_end",
      "format",
      "Notes",
      "",
      "Totale attivo [totalAssets]",
    ]);
    expect(mapping.problems).toEqual([]);
    expect(mapping.unknownHeaders).toEqual(["Notes"]);
    expect(mapping.targets[5]).toBeUndefined();
    expect(mapping.targets[7]).toEqual({ kind: "item", itemId: "totalAssets" });
  });

  it("names the required columns that are missing (currency may be left out)", () => {
    const mapping = mapStatementColumns(["country", "period_start", "Total assets"]);
    expect(mapping.problems).toEqual([
      "required columns missing: tax_code, period_end, format (see the template's header row)",
    ]);
  });

  it("refuses two columns giving the same item, and an ambiguous label", () => {
    const mapping = mapStatementColumns([
      ...identityColumns,
      "Totale attivo [totalAssets]",
      "Total assets",
      "Utile (perdita) dell'esercizio",
    ]);
    expect(mapping.problems).toEqual([
      'columns "Totale attivo [totalAssets]" and "Total assets" give the same line item totalAssets',
      'column "Utile (perdita) dell\'esercizio" could be any of resultOfTheYear, netResult: add the id in brackets, e.g. "Utile (perdita) dell\'esercizio [resultOfTheYear]"',
    ]);
  });
});
