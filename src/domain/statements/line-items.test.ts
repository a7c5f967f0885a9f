import { describe, expect, it } from "vitest";
import { findItemsInFormat, getLineItem, isItemInFormat, type LineItemId, lineItems } from "./line-items.ts";
import type { StatementFormat } from "./statement-formats.ts";

describe("lineItems", () => {
  it("gives every item a unique camelCase id", () => {
    const ids = lineItems.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it("lets no XBRL local name feed two items", () => {
    const names = lineItems.flatMap((item) => [...item.xbrlLocalNames]);
    expect(new Set(names).size).toBe(names.length);
  });

  it("counts only the headcount in persons", () => {
    expect(lineItems.filter((item) => item.unit === "persons").map((item) => item.id)).toEqual([
      "averageEmployees",
    ]);
  });

  it.each([
    ["totalAssets", "TotaleAttivo"],
    ["equity", "TotalePatrimonioNetto"],
    ["receivablesDueWithinOneYear", "TotaleCreditiIscrittiAttivoCircolanteQuotaScadenteEntroEsercizio"],
    ["debtsDueWithinOneYear", "TotaleDebitiQuotaScadenteEntroEsercizio"],
    ["operatingResult", "DifferenzaValoreCostiProduzione"],
    ["resultBeforeTaxes", "RisultatoPrimaImposte"],
    ["averageEmployees", "TotaleDipendentiNumeroMedio"],
  ] as const)("reads %s first from %s", (id, localName) => {
    expect(getLineItem(id).xbrlLocalNames[0]).toBe(localName);
  });

  it("falls back to the abridged aggregate lines for the within-one-year splits", () => {
    expect(getLineItem("receivablesDueWithinOneYear").xbrlLocalNames).toContain(
      "CreditiEsigibiliEntroEsercizioSuccessivo",
    );
    expect(getLineItem("debtsDueWithinOneYear").xbrlLocalNames).toContain(
      "DebitiEsigibiliEntroEsercizioSuccessivo",
    );
  });
});

describe(isItemInFormat, () => {
  it.each<[LineItemId, StatementFormat, boolean]>([
    ["totalAssets", "micro", true],
    ["taxDebts", "ordinary", true],
    ["taxDebts", "consolidated", true],
    ["taxDebts", "abridged", false],
    ["socialSecurityDebts", "micro", false],
    ["debtsDueWithinOneYear", "micro", true],
    ["receivablesDueWithinOneYear", "abridged", true],
    ["nonMonetaryAdjustments", "ordinary", true],
    ["nonMonetaryAdjustments", "abridged", false],
    ["severanceIndemnityAccrual", "abridged", false],
    ["amortisationOfIntangibleAssets", "micro", false],
    ["depreciationAndWriteDowns", "micro", true],
    ["averageEmployees", "abridged", true],
    ["averageEmployees", "micro", false],
  ])("%s in %s → %s", (id, format, expected) => {
    expect(isItemInFormat(id, format)).toBe(expected);
  });
});

describe(findItemsInFormat, () => {
  it("gives abridged and micro the same schema apart from the notes' headcount", () => {
    const abridged = findItemsInFormat("abridged");
    const micro = findItemsInFormat("micro");
    expect(abridged.filter((id) => !micro.includes(id))).toEqual(["averageEmployees"]);
    expect(micro.every((id) => abridged.includes(id))).toBe(true);
  });

  it("gives consolidated statements every item an ordinary one has", () => {
    expect(findItemsInFormat("consolidated")).toEqual(findItemsInFormat("ordinary"));
    expect(findItemsInFormat("ordinary")).toHaveLength(lineItems.length);
  });
});
