import { describe, expect, it } from "vitest";
import type { SeriesExport } from "../../contracts/district-series.ts";
import { formatSeriesExportCsv } from "./series.ts";

// Keys, units and status flags come from imported files: a spreadsheet must not run them as formulas.
const hostile: SeriesExport = {
  exportedAt: "2025-01-01T00:00:00.000Z",
  series: [
    {
      key: '=HYPERLINK("http://x")',
      source: "ESTAT",
      dataset: "d",
      indicator: "i",
      dimensions: {},
      unit: "+cmd",
      frequency: "A",
      territoryCode: null,
      titleEn: "t",
      observations: [
        { period: "2024", value: -3.5, statusFlag: "@SUM(1)", releasedOn: null },
        { period: "2023", value: 1, statusFlag: "p", releasedOn: "2024-02-01" },
      ],
    },
  ],
};

describe(formatSeriesExportCsv, () => {
  it("neutralises text cells that start like a formula, and leaves numbers and plain text as they are", () => {
    const lines = formatSeriesExportCsv(hostile).split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://x"")",'+cmd,A,2024,-3.5,'@SUM(1),`);
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://x"")",'+cmd,A,2023,1,p,2024-02-01`);
  });
});
