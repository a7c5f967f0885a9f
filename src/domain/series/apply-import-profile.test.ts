import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the fixtures as text; biome.json bars node:fs everywhere in src/domain.
import bankruptcyCsv from "../../../../shared/fixtures/district-series/eurostat-sts_rb_q-bkrt-index.csv?raw";
import inpsCsv from "../../../../shared/fixtures/district-series/inps-cig-fondi-solidarieta-2023-2024.csv?raw";
import {
  applyImportProfile,
  checkImportProfileMapping,
  type ImportProfileMapping,
} from "./apply-import-profile.ts";
import { knownImportProfiles } from "./known-import-profiles.ts";
import type { ParsedSeries, SeriesParseResult } from "./parsed-series.ts";

function parsed(result: SeriesParseResult): ParsedSeries[] {
  if (result.status !== "parsed") throw new Error(JSON.stringify(result.problems));
  return result.series;
}
function profile(name: string): ImportProfileMapping {
  const found = knownImportProfiles.find((item) => item.name === name);
  if (!found) throw new Error(name);
  return found.mapping;
}

const base: ImportProfileMapping = {
  source: "TEST",
  dataset: "EXPORTS",
  delimiter: ";",
  decimalSeparator: ",",
  thousandsSeparator: ".",
  time: { kind: "column", column: "periodo" },
  valueColumn: "valore",
  keyColumns: [{ column: "settore", dimension: "sector" }],
  territory: { column: "territorio", dimension: "geo", matchBy: "name" },
  constants: { unit: "EUR_THS" },
  releasedOn: "2025-03-10",
};

describe(applyImportProfile, () => {
  it("reads semicolons, decimal commas, thousands points, territory names and constants", () => {
    const series = parsed(
      applyImportProfile(
        "periodo;territorio;settore;valore\n2024-Q1;Toscana;C13;1.234,5\n2024-Q2;Toscana;C13;2.000\n",
        base,
      ),
    );
    expect(series).toEqual([
      {
        source: "TEST",
        dataset: "EXPORTS",
        indicator: "EXPORTS",
        dimensions: { unit: "EUR_THS", sector: "C13", geo: "ITI1" },
        unit: "EUR_THS",
        frequency: "Q",
        territory: "ITI1",
        title: "EXPORTS — C13, ITI1",
        observations: [
          { period: "2024-Q1", value: 1234.5, statusFlag: null, releasedOn: "2025-03-10" },
          { period: "2024-Q2", value: 2000, statusFlag: null, releasedOn: "2025-03-10" },
        ],
      },
    ]);
  });

  it("reads year and month columns with English month names", () => {
    const mapping: ImportProfileMapping = {
      ...base,
      delimiter: ",",
      decimalSeparator: ".",
      thousandsSeparator: "",
      time: { kind: "year_month", yearColumn: "Year", monthColumn: "Month" },
      territory: undefined,
      keyColumns: [],
      valueColumn: "Hours",
    };
    const series = parsed(applyImportProfile("Year,Month,Hours\n2024,March,10.5\n2024,april,11\n", mapping));
    expect(series[0]?.observations.map((item) => [item.period, item.value])).toEqual([
      ["2024-03", 10.5],
      ["2024-04", 11],
    ]);
    expect(series[0]?.frequency).toBe("M");
  });

  it.each([
    {
      condition: "an unknown territory",
      text: "periodo;territorio;settore;valore\n2024-Q1;Atlantide;C13;1\n",
      row: 2,
      column: "territorio",
      message: /"Atlantide" is not in the alias list/,
    },
    {
      condition: "two decimal commas",
      text: "periodo;territorio;settore;valore\n2024-Q1;Toscana;C13;1,5,0\n",
      row: 2,
      column: "valore",
      message: /not a number/,
    },
    {
      condition: "a bad period",
      text: "periodo;territorio;settore;valore\nQ1-2024;Toscana;C13;1\n",
      row: 2,
      column: "periodo",
      message: /not a period/,
    },
    {
      condition: "an empty key cell",
      text: "periodo;territorio;settore;valore\n2024-Q1;Toscana;;1\n",
      row: 2,
      column: "settore",
      message: /key column is empty/,
    },
    {
      condition: "a missing column",
      text: "periodo;territorio;valore\n2024-Q1;Toscana;1\n",
      row: 1,
      column: "settore",
      message: /no column "settore"/,
    },
    {
      condition: "a line with too few fields",
      text: "periodo;territorio;settore;valore\n2024-Q1;Toscana\n",
      row: null,
      column: null,
      message: /CSV line 2: expected 4 fields/,
    },
  ])("rejects $condition, naming line and column", ({ text, row, column, message }) => {
    const result = applyImportProfile(text, base);
    expect(result.status).toBe("rejected");
    if (result.status !== "rejected") return;
    expect(result.problems[0]).toMatchObject({ row, column });
    expect(result.problems[0]?.message).toMatch(message);
  });

  it("refuses a mapping without a unit or with a dimension twice", () => {
    expect(checkImportProfileMapping({ ...base, constants: {} })).toEqual([
      'The profile needs a "unit" dimension: a key column or a constant (e.g. unit = "hours").',
    ]);
    expect(checkImportProfileMapping({ ...base, constants: { unit: "X", sector: "Y" } })).toEqual([
      'The dimension "sector" is given twice.',
    ]);
  });

  describe("on Eurostat's flattened sts_rb_q file (shared/fixtures/district-series)", () => {
    const series = parsed(applyImportProfile(bankruptcyCsv, profile("eurostat-sts_rb_q-flat")));
    const italy = series.find((item) => item.territory === "IT");

    it("finds 8 quarterly series of 36 quarters, the constants the file leaves out in the key", () => {
      expect(series).toHaveLength(8);
      expect(series.every((item) => item.observations.length === 36 && item.frequency === "Q")).toBe(true);
      expect(italy?.dimensions).toEqual({
        freq: "Q",
        unit: "I15",
        s_adj: "NSA",
        nace_r2: "B-S_X_O_S94",
        indic_bt: "BKRT",
        variable: "eurostat_bankruptcies_index",
        geo: "IT",
      });
    });

    it("keeps the values of the file", () => {
      // Line 146: IT,2015-Q1,103.1,…   line 165: IT,2019-Q4,84.9,…   line 181: IT,2023-Q4,59.3,…
      expect(italy?.observations[0]).toMatchObject({ period: "2015-Q1", value: 103.1 });
      expect(italy?.observations.find((item) => item.period === "2019-Q4")?.value).toBe(84.9);
      expect(italy?.observations.at(-1)).toMatchObject({ period: "2023-Q4", value: 59.3 });
      // Line 2: BE,2015-Q1,116.0,…
      expect(series.find((item) => item.territory === "BE")?.observations[0]?.value).toBe(116);
    });
  });

  describe("on the INPS solidarity-funds file (shared/fixtures/district-series)", () => {
    const series = parsed(applyImportProfile(inpsCsv, profile("inps-cig-fondi-solidarieta")));
    const find = (fund: string, geo: string, sector: string) =>
      series.find(
        (item) =>
          item.dimensions.fund === fund && item.dimensions.geo === geo && item.dimensions.sector === sector,
      );

    it("finds one monthly series per fund, region and sector (79), regions matched to codes", () => {
      expect(series).toHaveLength(79);
      expect(series.every((item) => item.frequency === "M" && item.unit === "hours")).toBe(true);
      expect(series.reduce((total, item) => total + item.observations.length, 0)).toBe(628);
    });

    it("keeps the values of the file, Italian months and INPS region spellings included", () => {
      // Line 2: 2023,FIS,Piemonte,Gennaio,Industria,15785.0
      expect(find("FIS", "ITC1", "Industria")?.observations[0]).toMatchObject({
        period: "2023-01",
        value: 15785,
      });
      // Line 22: 2023,FIS,Valle d'Aosta/Vallee d'Aoste,Giugno,Industria,7260.0
      expect(find("FIS", "ITC2", "Industria")?.observations[0]).toMatchObject({
        period: "2023-06",
        value: 7260,
      });
      // Line 68: 2023,FIS,Trentino-Alto-Adige,Marzo,Commercio,705.0
      expect(find("FIS", "ISTAT:04", "Commercio")?.observations[0]).toMatchObject({
        period: "2023-03",
        value: 705,
      });
      // Line 382: 2023,Altri fondi,Lazio,Ottobre,ex Enti Pubblici,944876.0
      expect(find("Altri fondi", "ITI4", "ex Enti Pubblici")?.observations).toEqual([
        { period: "2023-10", value: 944876, statusFlag: null, releasedOn: null },
      ]);
    });
  });
});
