import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the fixture as text; biome.json bars node:fs everywhere in src/domain.
import industrialProduction from "../../../../shared/fixtures/district-series/eurostat-sts_inpr_m-8cc-jsonstat.json?raw";
import { parseJsonStat } from "./parse-json-stat.ts";
import type { ParsedSeries, SeriesParseResult } from "./parsed-series.ts";

function parsed(result: SeriesParseResult): ParsedSeries[] {
  if (result.status !== "parsed") throw new Error(JSON.stringify(result.problems));
  return result.series;
}
const observationAt = (series: ParsedSeries[], geo: string, period: string) =>
  series.find((item) => item.dimensions.geo === geo)?.observations.find((item) => item.period === period);

const small = {
  version: "2.0",
  class: "dataset",
  label: "Test",
  source: "TEST",
  updated: "2025-02-03",
  id: ["unit", "geo", "time"],
  size: [1, 2, 3],
  dimension: {
    unit: { category: { label: { NR: "Number" } } },
    geo: { category: { index: ["IT", "PT"], label: { IT: "Italy", PT: "Portugal" } } },
    time: { category: { index: { "2024-Q1": 0, "2024-Q2": 1, "2024-Q3": 2 } } },
  },
};

describe(parseJsonStat, () => {
  it("reads a dense value array in id/size order, an array index and a single-category dimension", () => {
    const series = parsed(
      parseJsonStat(
        JSON.stringify({ ...small, value: [1, 2, null, 4, 5, 6], status: ["", "p", "", "", "", "e"] }),
      ),
    );
    expect(series.map((item) => [item.dimensions, item.unit, item.frequency, item.territory])).toEqual([
      [{ unit: "NR", geo: "IT" }, "NR", "Q", "IT"],
      [{ unit: "NR", geo: "PT" }, "NR", "Q", "PT"],
    ]);
    expect(series[0]?.observations).toEqual([
      { period: "2024-Q1", value: 1, statusFlag: null, releasedOn: "2025-02-03" },
      { period: "2024-Q2", value: 2, statusFlag: "p", releasedOn: "2025-02-03" },
    ]);
    expect(series[1]?.observations.at(-1)).toEqual({
      period: "2024-Q3",
      value: 6,
      statusFlag: "e",
      releasedOn: "2025-02-03",
    });
    expect(series[1]?.title).toBe("Test — Portugal");
  });

  it("reads a sparse value object with keys out of order and a status string for every value", () => {
    const series = parsed(
      parseJsonStat(JSON.stringify({ ...small, value: { "5": 6, "0": 1 }, status: "p" })),
    );
    expect(observationAt(series, "PT", "2024-Q3")).toEqual({
      period: "2024-Q3",
      value: 6,
      statusFlag: "p",
      releasedOn: "2025-02-03",
    });
    expect(observationAt(series, "IT", "2024-Q1")?.value).toBe(1);
  });

  it("finds the time dimension by role when it has another name", () => {
    const document = {
      ...small,
      id: ["unit", "geo", "anno"],
      role: { time: ["anno"], geo: ["geo"] },
      dimension: { ...small.dimension, anno: { category: { index: ["2022", "2023", "2024"] } } },
      value: [1, 2, 3, 4, 5, 6],
    };
    const series = parsed(parseJsonStat(JSON.stringify(document)));
    expect(series[0]?.frequency).toBe("A");
    expect(series[0]?.observations.map((item) => item.period)).toEqual(["2022", "2023", "2024"]);
  });

  it.each([
    { condition: "not JSON", text: "{oops", message: /not valid JSON/ },
    { condition: "a bundle", text: JSON.stringify({ class: "bundle" }), message: /"class" is "bundle"/ },
    {
      condition: "id and size of different lengths",
      text: JSON.stringify({ ...small, size: [1, 2], value: [] }),
      message: /same, non-zero length/,
    },
    {
      condition: "a dense array of the wrong length",
      text: JSON.stringify({ ...small, value: [1, 2] }),
      message: /has 2 entries but the sizes make 6/,
    },
    {
      condition: "a sparse key out of range",
      text: JSON.stringify({ ...small, value: { "9": 1 } }),
      message: /key "9"/,
    },
    {
      condition: "a text value",
      text: JSON.stringify({ ...small, value: { "0": "x" } }),
      message: /position 0 is "x"/,
    },
    {
      condition: "no unit dimension",
      text: JSON.stringify({ ...small, id: ["geo", "time"], size: [2, 3], value: [1, 2, 3, 4, 5, 6] }),
      message: /has no unit/,
    },
  ])("rejects $condition with a clear reason", ({ text, message }) => {
    const result = parseJsonStat(text);
    expect(result.status).toBe("rejected");
    if (result.status === "rejected")
      expect(result.problems.map((problem) => problem.message).join(" ")).toMatch(message);
  });

  describe("on Eurostat's sts_inpr_m file (shared/fixtures/district-series)", () => {
    const series = parsed(parseJsonStat(industrialProduction));

    it("finds one series per country, every dimension but time in the key", () => {
      expect(series).toHaveLength(8);
      expect(series.map((item) => item.dimensions.geo).sort()).toEqual([
        "AT",
        "CZ",
        "DE",
        "HU",
        "PL",
        "RO",
        "SI",
        "SK",
      ]);
      for (const item of series) {
        expect(Object.keys(item.dimensions).sort()).toEqual([
          "freq",
          "geo",
          "indic_bt",
          "nace_r2",
          "s_adj",
          "unit",
        ]);
        expect(item).toMatchObject({ source: "ESTAT", dataset: "STS_INPR_M", unit: "I21", frequency: "M" });
      }
      expect(series.reduce((total, item) => total + item.observations.length, 0)).toBe(2732);
    });

    it("places sparse values by the geo index order of the file (CZ 0, DE 1, HU 2, AT 3…)", () => {
      // "value": {"3165": 43.5, …}: 3165 = 3 (AT) × 883 + 516 → the 517th month from 1953-01.
      expect(observationAt(series, "AT", "1996-01")).toEqual({
        period: "1996-01",
        value: 43.5,
        statusFlag: null,
        releasedOn: "2026-09-17",
      });
      // "3531": 103.6 and "status": {"3531": "p"}: AT at time index 882, the last month, 2026-07.
      expect(observationAt(series, "AT", "2026-07")).toEqual({
        period: "2026-07",
        value: 103.6,
        statusFlag: "p",
        releasedOn: "2026-09-17",
      });
      // "5278": 95.8, status "p": 5 (RO) × 883 + 863 → 2024-12.
      expect(observationAt(series, "RO", "2024-12")).toMatchObject({ value: 95.8, statusFlag: "p" });
    });

    it("takes the release date from `updated` and titles from the category labels", () => {
      expect(series.find((item) => item.dimensions.geo === "AT")?.title).toBe(
        "Production in industry - monthly data — Austria",
      );
    });
  });
});
