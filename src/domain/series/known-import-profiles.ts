import type { ImportProfileMapping } from "./apply-import-profile.ts";

/**
 * Mappings for CSV publications SECTOR has been tried on, offered as starting points for saved
 * import profiles. Constants are the values the files leave out, as their publishers document them.
 */
export const knownImportProfiles: readonly { name: string; mapping: ImportProfileMapping }[] = [
  {
    // Eurostat sts_rb_q flattened to REF_AREA,TIME_PERIOD,OBS_VALUE,indic_bt,variable: the index is
    // 2015 = 100, not adjusted, for the business economy B–S excluding O and S94.
    name: "eurostat-sts_rb_q-flat",
    mapping: {
      source: "ESTAT",
      dataset: "STS_RB_Q",
      indicator: "bankruptcy_declarations",
      delimiter: ",",
      decimalSeparator: ".",
      thousandsSeparator: "",
      time: { kind: "column", column: "TIME_PERIOD" },
      valueColumn: "OBS_VALUE",
      keyColumns: [
        { column: "indic_bt", dimension: "indic_bt" },
        { column: "variable", dimension: "variable" },
      ],
      territory: { column: "REF_AREA", dimension: "geo", matchBy: "code" },
      constants: { freq: "Q", unit: "I15", s_adj: "NSA", nace_r2: "B-S_X_O_S94" },
    },
  },
  {
    // INPS open data "ore autorizzate dai fondi di solidarietà": year and Italian month name apart,
    // regions by name (INPS spellings), hours with a decimal point.
    name: "inps-cig-fondi-solidarieta",
    mapping: {
      source: "INPS",
      dataset: "CIG_FONDI_SOLIDARIETA",
      indicator: "wage_support_hours_authorised",
      delimiter: ",",
      decimalSeparator: ".",
      thousandsSeparator: "",
      time: { kind: "year_month", yearColumn: "Anno", monthColumn: "Mese" },
      valueColumn: "totale_ore_autorizzate",
      keyColumns: [
        { column: "gestione_fondi", dimension: "fund" },
        { column: "Ramo di attività", dimension: "sector" },
      ],
      territory: { column: "Regione", dimension: "geo", matchBy: "name" },
      constants: { freq: "M", unit: "hours", measure: "authorised" },
    },
  },
];
