import { describe, expect, it } from "vitest";
import type { ParsedSeries } from "./parsed-series.ts";
import { titleSeries } from "./title-series.ts";

function series(overrides: Partial<ParsedSeries>): ParsedSeries {
  return {
    source: "ESTAT",
    dataset: "sts_inpr_m",
    indicator: "sts_inpr_m",
    dimensions: { freq: "M", unit: "I21", s_adj: "SCA", nace_r2: "B-D", geo: "IT" },
    territory: "IT",
    unit: "I21",
    frequency: "M",
    title: "sts_inpr_m — freq=M, unit=I21, s_adj=SCA, nace_r2=B-D, geo=IT",
    observations: [],
    ...overrides,
  } as ParsedSeries;
}

describe("titleSeries", () => {
  it.each([
    [
      "a known Eurostat dataset, keeping the dimensions not shown elsewhere",
      series({}),
      {
        it: "Indice della produzione industriale (s_adj=SCA, nace_r2=B-D)",
        en: "Industrial production index (s_adj=SCA, nace_r2=B-D)",
      },
    ],
    [
      "the demo's wage-support hours, whose only dimensions are shown elsewhere",
      series({
        dataset: "DEMO_CIG",
        indicator: "DEMO_CIG",
        dimensions: { freq: "M", unit: "hours", geo: "prato-tessile" },
      }),
      { it: "Ore di cassa integrazione autorizzate", en: "Authorised wage-support hours" },
    ],
    [
      "a profiled CSV known by its indicator",
      series({
        dataset: "inps-fis",
        indicator: "wage_support_hours_authorised",
        dimensions: { territory: "ITI1" },
      }),
      { it: "Ore autorizzate dai fondi di solidarietà", en: "Hours authorised by the solidarity funds" },
    ],
    [
      "an unknown dataset: the file's own title in both languages",
      series({ dataset: "xyz", indicator: "xyz", title: "xyz — a=b" }),
      { it: "xyz — a=b", en: "xyz — a=b" },
    ],
  ])("titles %s", (_case, input, expected) => {
    expect(titleSeries(input)).toEqual(expected);
  });
});
