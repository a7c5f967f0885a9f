import { describe, expect, it } from "vitest";
import { emptyProfileForm, parseAssignments, toMapping } from "./profile-form-values.ts";

describe(parseAssignments, () => {
  it("reads 'left = right' lines, skips blank ones and reports lines without '='", () => {
    expect(parseAssignments("Regione = geo\n\nRamo di attività=sector\nwrong\n")).toEqual({
      pairs: [
        ["Regione", "geo"],
        ["Ramo di attività", "sector"],
      ],
      badLines: [4],
    });
  });
});

describe(toMapping, () => {
  it("builds a year-and-month mapping with territory names and constants", () => {
    expect(
      toMapping({
        ...emptyProfileForm,
        name: "inps",
        source: "INPS",
        dataset: "CIG",
        timeKind: "year_month",
        yearColumn: "Anno",
        monthColumn: "Mese",
        valueColumn: "ore",
        keyColumns: "gestione_fondi = fund",
        territoryColumn: "Regione",
        constants: "unit = hours\nfreq = M",
      }),
    ).toEqual({
      source: "INPS",
      dataset: "CIG",
      delimiter: ",",
      decimalSeparator: ".",
      thousandsSeparator: "",
      time: { kind: "year_month", yearColumn: "Anno", monthColumn: "Mese" },
      valueColumn: "ore",
      keyColumns: [{ column: "gestione_fondi", dimension: "fund" }],
      territory: { column: "Regione", dimension: "geo", matchBy: "name" },
      constants: { unit: "hours", freq: "M" },
    });
  });
});
