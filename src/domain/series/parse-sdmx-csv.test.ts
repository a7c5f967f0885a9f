import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the fixture as text; biome.json bars node:fs everywhere in src/domain.
import povertySdmx from "../../../../shared/fixtures/district-series/eurostat-ilc_peps01n-IT-sdmx.csv?raw";
import { isSdmxCsv, parseSdmxCsv } from "./parse-sdmx-csv.ts";
import type { ParsedSeries, SeriesParseResult } from "./parsed-series.ts";

function parsed(result: SeriesParseResult): ParsedSeries[] {
  if (result.status !== "parsed") throw new Error(JSON.stringify(result.problems));
  return result.series;
}

const header = "DATAFLOW,LAST UPDATE,freq,unit,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG";

describe(parseSdmxCsv, () => {
  it("keeps every non-time, non-value column as a dimension and the flag as status", () => {
    const series = parsed(
      parseSdmxCsv(
        `${header}\nESTAT:X(1.0),01/02/25 10:00:00,Q,NR,IT,2024-Q1,5,p\nESTAT:X(1.0),01/02/25 10:00:00,Q,NR,IT,2024-Q2,,c\n`,
      ),
    );
    expect(series).toEqual([
      {
        source: "ESTAT",
        dataset: "X",
        indicator: "X",
        dimensions: { freq: "Q", unit: "NR", geo: "IT" },
        unit: "NR",
        frequency: "Q",
        territory: "IT",
        title: "X — freq=Q, unit=NR, geo=IT",
        observations: [
          { period: "2024-Q1", value: 5, statusFlag: "p", releasedOn: "2025-02-01" },
          { period: "2024-Q2", value: null, statusFlag: "c", releasedOn: "2025-02-01" },
        ],
      },
    ]);
  });

  it.each([
    {
      condition: "a period that is not one",
      line: "ESTAT:X(1.0),,A,NR,IT,last year,1,",
      row: 2,
      column: "TIME_PERIOD",
    },
    {
      condition: "a value with a comma",
      line: 'ESTAT:X(1.0),,A,NR,IT,2024,"1,5",',
      row: 2,
      column: "OBS_VALUE",
    },
    { condition: "a dataflow without agency", line: "X,,A,NR,IT,2024,1,", row: 2, column: "DATAFLOW" },
    {
      condition: "frequency A with quarterly periods",
      line: "ESTAT:X(1.0),,A,NR,IT,2024-Q1,1,",
      row: 2,
      column: "freq",
    },
  ])("rejects $condition naming line $row and column $column", ({ line, row, column }) => {
    const result = parseSdmxCsv(`${header}\n${line}\n`);
    expect(result.status).toBe("rejected");
    if (result.status === "rejected") expect(result.problems[0]).toMatchObject({ row, column });
  });

  it("rejects the same period twice in one series, naming both lines", () => {
    const line = "ESTAT:X(1.0),,A,NR,IT,2024,1,";
    const result = parseSdmxCsv(`${header}\n${line}\n${line}\n`);
    expect(result.status === "rejected" && result.problems[0]?.message).toMatch(
      /period 2024 twice \(also on line 2\)/,
    );
  });

  describe("on Eurostat's ilc_peps01n file (shared/fixtures/district-series)", () => {
    it("is recognised as SDMX-CSV", () => {
      expect(isSdmxCsv(povertySdmx)).toBe(true);
      expect(isSdmxCsv("REF_AREA,TIME_PERIOD,OBS_VALUE\n")).toBe(false);
    });

    const series = parsed(parseSdmxCsv(povertySdmx));
    const byUnit = (unit: string) => series.find((item) => item.unit === unit);

    it("splits the two units into two annual series, CONF_STATUS left out of the key", () => {
      expect(series.map((item) => item.unit)).toEqual(["PC", "THS_PER"]);
      expect(byUnit("PC")?.dimensions).toEqual({ freq: "A", unit: "PC", age: "TOTAL", sex: "T", geo: "IT" });
      expect(byUnit("PC")).toMatchObject({
        source: "ESTAT",
        dataset: "ILC_PEPS01N",
        frequency: "A",
        territory: "IT",
      });
      expect(series.map((item) => item.observations.length)).toEqual([11, 11]);
    });

    it("keeps the values of the file", () => {
      // Line 2: …,PC,TOTAL,T,IT,2015,28.4,,
      expect(byUnit("PC")?.observations[0]).toEqual({
        period: "2015",
        value: 28.4,
        statusFlag: null,
        releasedOn: "2026-09-17",
      });
      // Line 13: …,THS_PER,TOTAL,T,IT,2015,17291,,   line 23: …,THS_PER,…,2025,13265,,
      expect(byUnit("THS_PER")?.observations[0]?.value).toBe(17291);
      expect(byUnit("THS_PER")?.observations.at(-1)).toMatchObject({ period: "2025", value: 13265 });
    });
  });
});
