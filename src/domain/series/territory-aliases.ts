/**
 * A territory as statistics producers name it. `code` is what the series key and the territory
 * link use: the NUTS 2021 code, or "ISTAT:<region code>" for a region NUTS does not have as one unit.
 */
export type TerritoryAlias = {
  code: string;
  nutsCode: string | null;
  istatCode: string | null;
  names: string[];
  noteIt: string;
  noteEn: string;
};

const regionNote = {
  noteIt: "Regione; codice NUTS 2 2021 (Eurostat) e codice Istat della regione.",
  noteEn: "Region; NUTS 2 2021 code (Eurostat) and Istat region code.",
};

/**
 * Names of Italian regions and autonomous provinces, countries and demo provinces as Istat,
 * Eurostat and INPS write them (INPS open data: "Valle d'Aosta/Vallee d'Aoste", "Trentino-Alto-Adige").
 * Sources: Istat "Codici statistici delle unità amministrative territoriali" (1 January 2023) and
 * Eurostat NUTS 2021, both in reference-data/; the INPS spellings are read from INPS open-data files.
 */
export const territoryAliases: readonly TerritoryAlias[] = [
  {
    code: "IT",
    nutsCode: "IT",
    istatCode: null,
    names: ["Italia", "Italy", "Italie"],
    noteIt: "Paese.",
    noteEn: "Country.",
  },
  {
    code: "PT",
    nutsCode: "PT",
    istatCode: null,
    names: ["Portugal", "Portogallo"],
    noteIt: "Paese.",
    noteEn: "Country.",
  },
  {
    code: "ES",
    nutsCode: "ES",
    istatCode: null,
    names: ["España", "Spain", "Spagna"],
    noteIt: "Paese.",
    noteEn: "Country.",
  },
  { code: "ITC1", nutsCode: "ITC1", istatCode: "01", names: ["Piemonte", "Piedmont"], ...regionNote },
  {
    code: "ITC2",
    nutsCode: "ITC2",
    istatCode: "02",
    names: ["Valle d'Aosta/Vallée d'Aoste", "Valle d'Aosta", "Vallée d'Aoste", "Aosta Valley"],
    noteIt: "Regione; INPS scrive \"Valle d'Aosta/Vallee d'Aoste\" senza accento. NUTS 2 ITC2, Istat 02.",
    noteEn: "Region; INPS writes \"Valle d'Aosta/Vallee d'Aoste\" without the accent. NUTS 2 ITC2, Istat 02.",
  },
  { code: "ITC3", nutsCode: "ITC3", istatCode: "07", names: ["Liguria"], ...regionNote },
  { code: "ITC4", nutsCode: "ITC4", istatCode: "03", names: ["Lombardia", "Lombardy"], ...regionNote },
  {
    code: "ISTAT:04",
    nutsCode: null,
    istatCode: "04",
    names: [
      "Trentino-Alto Adige/Südtirol",
      "Trentino-Alto Adige",
      "Trentino-South Tyrol",
      "Trentino Alto Adige Südtirol",
    ],
    noteIt:
      'Regione che NUTS 2021 divide in due unità di livello 2 (ITH1 Bolzano, ITH2 Trento): le serie della regione intera hanno il codice Istat 04. INPS scrive "Trentino-Alto-Adige".',
    noteEn:
      'A region NUTS 2021 splits into two level-2 units (ITH1 Bolzano, ITH2 Trento): series of the whole region carry Istat code 04. INPS writes "Trentino-Alto-Adige".',
  },
  {
    code: "ITH1",
    nutsCode: "ITH1",
    istatCode: "021",
    names: [
      "Provincia Autonoma di Bolzano/Bozen",
      "Bolzano/Bozen",
      "Bolzano",
      "Bozen",
      "Alto Adige",
      "Südtirol",
      "South Tyrol",
    ],
    noteIt: "Provincia autonoma; unità NUTS 2 (ITH1) e NUTS 3 (ITH10). Istat 021.",
    noteEn: "Autonomous province; a NUTS 2 (ITH1) and NUTS 3 (ITH10) unit. Istat 021.",
  },
  {
    code: "ITH2",
    nutsCode: "ITH2",
    istatCode: "022",
    names: ["Provincia Autonoma di Trento", "Trento", "Trentino"],
    noteIt: "Provincia autonoma; unità NUTS 2 (ITH2) e NUTS 3 (ITH20). Istat 022.",
    noteEn: "Autonomous province; a NUTS 2 (ITH2) and NUTS 3 (ITH20) unit. Istat 022.",
  },
  { code: "ITH3", nutsCode: "ITH3", istatCode: "05", names: ["Veneto"], ...regionNote },
  {
    code: "ITH4",
    nutsCode: "ITH4",
    istatCode: "06",
    names: ["Friuli-Venezia Giulia", "Friuli Venezia Giulia"],
    ...regionNote,
  },
  {
    code: "ITH5",
    nutsCode: "ITH5",
    istatCode: "08",
    names: ["Emilia-Romagna", "Emilia Romagna"],
    ...regionNote,
  },
  { code: "ITI1", nutsCode: "ITI1", istatCode: "09", names: ["Toscana", "Tuscany"], ...regionNote },
  { code: "ITI2", nutsCode: "ITI2", istatCode: "10", names: ["Umbria"], ...regionNote },
  { code: "ITI3", nutsCode: "ITI3", istatCode: "11", names: ["Marche", "The Marches"], ...regionNote },
  { code: "ITI4", nutsCode: "ITI4", istatCode: "12", names: ["Lazio", "Latium"], ...regionNote },
  { code: "ITF1", nutsCode: "ITF1", istatCode: "13", names: ["Abruzzo"], ...regionNote },
  { code: "ITF2", nutsCode: "ITF2", istatCode: "14", names: ["Molise"], ...regionNote },
  { code: "ITF3", nutsCode: "ITF3", istatCode: "15", names: ["Campania"], ...regionNote },
  { code: "ITF4", nutsCode: "ITF4", istatCode: "16", names: ["Puglia", "Apulia"], ...regionNote },
  { code: "ITF5", nutsCode: "ITF5", istatCode: "17", names: ["Basilicata"], ...regionNote },
  { code: "ITF6", nutsCode: "ITF6", istatCode: "18", names: ["Calabria"], ...regionNote },
  { code: "ITG1", nutsCode: "ITG1", istatCode: "19", names: ["Sicilia", "Sicily"], ...regionNote },
  { code: "ITG2", nutsCode: "ITG2", istatCode: "20", names: ["Sardegna", "Sardinia"], ...regionNote },
  {
    code: "ITI15",
    nutsCode: "ITI15",
    istatCode: "100",
    names: ["Prato", "Provincia di Prato"],
    noteIt: "Provincia (NUTS 3), sede del distretto tessile della demo.",
    noteEn: "Province (NUTS 3), home of the demo's textile district.",
  },
  {
    code: "ITC47",
    nutsCode: "ITC47",
    istatCode: "017",
    names: ["Brescia", "Provincia di Brescia"],
    noteIt: "Provincia (NUTS 3), sede del distretto metalmeccanico della demo.",
    noteEn: "Province (NUTS 3), home of the demo's metal-products district.",
  },
];
