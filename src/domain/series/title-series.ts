import type { ParsedSeries } from "./parsed-series.ts";

/** Names of the datasets SECTOR knows, in Italian and English (Eurostat, INPS and the demo). */
export const datasetTitles: Readonly<Record<string, { it: string; en: string }>> = {
  demo_cig: { it: "Ore di cassa integrazione autorizzate", en: "Authorised wage-support hours" },
  demo_exports: { it: "Esportazioni", en: "Exports" },
  demo_firm_deaths: { it: "Cessazioni di imprese", en: "Firm closures" },
  sts_inpr_m: { it: "Indice della produzione industriale", en: "Industrial production index" },
  sts_rb_q: { it: "Indice delle dichiarazioni di fallimento", en: "Bankruptcy declarations index" },
  ilc_peps01n: {
    it: "Persone a rischio di povertà o esclusione sociale",
    en: "People at risk of poverty or social exclusion",
  },
  bankruptcy_declarations: {
    it: "Indice delle dichiarazioni di fallimento",
    en: "Bankruptcy declarations index",
  },
  wage_support_hours_authorised: {
    it: "Ore autorizzate dai fondi di solidarietà",
    en: "Hours authorised by the solidarity funds",
  },
};

/** Dimensions already shown beside the title (territory, unit, frequency) and left out of it. */
const shownElsewhere = new Set(["geo", "ref_area", "territory", "unit", "freq", "frequency"]);

/**
 * The Italian and English titles of a series: the dataset's name when known, followed by the
 * dimensions that tell its series apart (e.g. "s_adj=SCA"); else the title the file gave.
 */
export function titleSeries(series: ParsedSeries): { it: string; en: string } {
  const known = datasetTitles[series.dataset.toLowerCase()] ?? datasetTitles[series.indicator.toLowerCase()];
  if (!known) return { it: series.title, en: series.title };
  const distinguishing = Object.entries(series.dimensions)
    .filter(([id]) => !shownElsewhere.has(id.toLowerCase()))
    .map(([id, code]) => `${id}=${code}`)
    .join(", ");
  const suffix = distinguishing ? ` (${distinguishing})` : "";
  return { it: `${known.it}${suffix}`, en: `${known.en}${suffix}` };
}
