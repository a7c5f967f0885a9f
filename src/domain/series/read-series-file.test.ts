import { describe, expect, it } from "vitest";
import { readSeriesFile } from "./read-series-file.ts";

describe(readSeriesFile, () => {
  it.each([
    { content: '{"class":"dataset"}', format: "json-stat" },
    { content: "DATAFLOW,TIME_PERIOD,OBS_VALUE\n", format: "sdmx-csv" },
    { content: "REF_AREA,TIME_PERIOD,OBS_VALUE\nIT,2024,1\n", format: null },
  ])("recognises $format from the content", ({ content, format }) => {
    expect(readSeriesFile(content).format).toBe(format);
  });

  it("asks for an import profile when the file is neither JSON-stat nor SDMX-CSV", () => {
    const result = readSeriesFile("Anno,Mese,ore\n2024,Gennaio,1\n");
    expect(result.status === "rejected" && result.problems[0]?.message).toMatch(/choose an import profile/);
  });
});
