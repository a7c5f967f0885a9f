import { describe, expect, it } from "vitest";
import { buildTerritoryLookup, matchTerritory, normaliseTerritoryName } from "./match-territory.ts";
import { territoryAliases } from "./territory-aliases.ts";

describe(normaliseTerritoryName, () => {
  it("drops accents, case, spaces and punctuation", () => {
    expect(normaliseTerritoryName("Valle d'Aosta/Vallée d'Aoste")).toBe("valledaostavalleedaoste");
    expect(normaliseTerritoryName("Trentino-Alto-Adige")).toBe(normaliseTerritoryName("Trentino Alto Adige"));
  });
});

describe(matchTerritory, () => {
  const lookup = buildTerritoryLookup();
  it.each([
    // The INPS spellings (shared/fixtures/district-series/inps-cig-fondi-solidarieta-2023-2024.csv).
    ["Valle d'Aosta/Vallee d'Aoste", "ITC2"],
    ["Trentino-Alto-Adige", "ISTAT:04"],
    ["Friuli-Venezia Giulia", "ITH4"],
    ["Emilia-Romagna", "ITH5"],
    // Istat's spellings (reference-data/it-regioni-province.csv).
    ["Valle d'Aosta/Vallée d'Aoste", "ITC2"],
    ["Trentino-Alto Adige/Südtirol", "ISTAT:04"],
    ["TOSCANA", "ITI1"],
    ["tuscany", "ITI1"],
    ["Sicilia", "ITG1"],
    ["Italia", "IT"],
    ["itc4", "ITC4"],
    ["Prato", "ITI15"],
  ])("matches %j to %s", (name, code) => {
    expect(matchTerritory(name, lookup)?.code).toBe(code);
  });

  it.each(["", "Atlantide", "Toscana Nord"])("finds nothing for %j", (name) => {
    expect(matchTerritory(name, lookup)).toBeUndefined();
  });

  it("knows every Italian region once, each with notes in both languages", () => {
    const regions = territoryAliases.filter(
      (alias) => alias.istatCode !== null && alias.istatCode.length === 2,
    );
    expect(regions).toHaveLength(20);
    for (const alias of territoryAliases) {
      expect(alias.noteIt.trim(), alias.code).not.toBe("");
      expect(alias.noteEn.trim(), alias.code).not.toBe("");
    }
  });

  it("refuses an alias list where one name stands for two territories", () => {
    expect(() =>
      buildTerritoryLookup([
        { code: "A", nutsCode: null, istatCode: null, names: ["Same"], noteIt: "x", noteEn: "x" },
        { code: "B", nutsCode: null, istatCode: null, names: ["same"], noteIt: "x", noteEn: "x" },
      ]),
    ).toThrow(/both A and B/);
  });
});
