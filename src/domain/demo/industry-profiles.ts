/** One line of business inside a district: its ATECO 2007 code, how common it is, the words firms use for it. */
export interface DemoActivity {
  atecoCode: string;
  weight: number;
  nameWords: readonly string[];
  /** Multiplies the profile's revenue per employee (wholesalers sell far more per head than weavers). */
  revenuePerEmployeeFactor: number;
  /** Added to the company's EBITDA margin (a fraction: 0.01 is one point). */
  ebitdaMarginShift: number;
}

export interface Range {
  minimum: number;
  maximum: number;
}

/** Economics of an industry in one country, in euros and days; drawn per company within the ranges. */
export interface DemoIndustryProfile {
  id: string;
  activities: readonly DemoActivity[];
  revenuePerEmployeeEuros: Range;
  personnelCostPerEmployeeEuros: Range;
  fixedAssetsToRevenue: Range;
  inventoryDays: Range;
  receivableDays: Range;
  payableDays: Range;
  /** B.6 as a share of B.6 + B.7 (the rest is services, including work given to subcontractors). */
  rawMaterialsShareOfPurchases: Range;
  /** Corporate income tax on a positive result before taxes (IRES 24 %; IRC 21 % + municipal surcharge). */
  incomeTaxRate: number;
  /** Regional tax on a positive operating result, a rough stand-in for IRAP's base (3.9 %); 0 where none. */
  regionalTaxRate: number;
  /** Italian employers set aside the TFR severance indemnity (B.9.c, passivo C); Portuguese ones do not. */
  hasSeveranceIndemnity: boolean;
}

function activity(
  atecoCode: string,
  weight: number,
  nameWords: readonly string[],
  revenuePerEmployeeFactor: number,
  ebitdaMarginShift: number,
): DemoActivity {
  return { atecoCode, weight, nameWords, revenuePerEmployeeFactor, ebitdaMarginShift };
}

// Weights are a plausible mix for each district, not statistics (no firm-level census of the districts is shipped).
const italianTextiles: DemoIndustryProfile = {
  id: "textiles-it",
  activities: [
    activity("13.10.00", 11, ["Filatura", "Filati"], 1.1, 0),
    activity("13.20.00", 20, ["Tessitura", "Lanificio", "Tessuti"], 1.05, 0),
    activity("13.30.00", 12, ["Tintoria", "Rifinizione", "Finissaggio"], 0.9, 0.01),
    activity("13.91.00", 5, ["Tessuti a Maglia", "Maglificio"], 1, 0),
    activity("13.92.10", 3, ["Tessili Casa", "Biancheria"], 0.95, 0),
    activity("13.96.20", 3, ["Tessuti Tecnici"], 1.1, 0.015),
    activity("14.13.10", 22, ["Confezioni", "Abbigliamento", "Moda"], 0.75, -0.005),
    activity("14.19.10", 5, ["Accessori Moda", "Confezioni"], 0.75, 0),
    activity("14.39.00", 7, ["Maglieria", "Maglificio"], 0.8, 0),
    activity("46.41.10", 8, ["Tessuti", "Stoffe"], 2.2, -0.03),
    activity("46.41.20", 4, ["Filati", "Merceria"], 2, -0.03),
  ],
  revenuePerEmployeeEuros: { minimum: 120_000, maximum: 220_000 },
  personnelCostPerEmployeeEuros: { minimum: 36_000, maximum: 46_000 },
  fixedAssetsToRevenue: { minimum: 0.16, maximum: 0.34 },
  inventoryDays: { minimum: 50, maximum: 110 },
  receivableDays: { minimum: 80, maximum: 130 },
  payableDays: { minimum: 80, maximum: 120 },
  rawMaterialsShareOfPurchases: { minimum: 0.42, maximum: 0.6 },
  incomeTaxRate: 0.24,
  regionalTaxRate: 0.039,
  hasSeveranceIndemnity: true,
};

const italianMetalProducts: DemoIndustryProfile = {
  id: "metal-products-it",
  activities: [
    activity("25.50.00", 8, ["Stampaggio", "Fucine"], 1.1, 0),
    activity("25.61.00", 9, ["Galvanica", "Trattamenti Termici", "Cromatura"], 0.8, 0.01),
    activity("25.62.00", 22, ["Meccanica", "Lavorazioni Meccaniche", "Officina Meccanica"], 0.85, 0.01),
    activity("25.71.00", 6, ["Coltellerie", "Posaterie"], 1, 0),
    activity("25.72.00", 4, ["Serrature", "Ferramenta"], 1, 0),
    activity("25.73.20", 5, ["Stampi", "Utensileria"], 0.9, 0.01),
    activity("25.94.00", 6, ["Bulloneria", "Viterie"], 1.1, 0),
    activity("25.99.19", 7, ["Casalinghi", "Pentolame"], 1.1, 0),
    activity("25.99.99", 10, ["Minuterie Metalliche", "Articoli Metallici"], 1, 0),
    activity("24.54.00", 4, ["Fonderia", "Fonderia Ottone"], 1.3, -0.01),
    activity("24.44.00", 2, ["Trafilerie", "Laminati"], 1.5, -0.01),
    activity("28.14.00", 14, ["Rubinetterie", "Valvole", "Valvolame"], 1.1, 0.01),
    activity("28.41.00", 3, ["Macchine Utensili", "Presse"], 1.05, 0.005),
  ],
  revenuePerEmployeeEuros: { minimum: 140_000, maximum: 230_000 },
  personnelCostPerEmployeeEuros: { minimum: 44_000, maximum: 54_000 },
  fixedAssetsToRevenue: { minimum: 0.28, maximum: 0.5 },
  inventoryDays: { minimum: 45, maximum: 90 },
  receivableDays: { minimum: 80, maximum: 120 },
  payableDays: { minimum: 80, maximum: 120 },
  rawMaterialsShareOfPurchases: { minimum: 0.55, maximum: 0.7 },
  incomeTaxRate: 0.24,
  regionalTaxRate: 0.039,
  hasSeveranceIndemnity: true,
};

const portugueseTextiles: DemoIndustryProfile = {
  id: "textiles-pt",
  activities: [
    activity("13.10.00", 7, ["Fiação"], 1.2, 0),
    activity("13.20.00", 9, ["Tecelagem"], 1.15, 0),
    activity("13.30.00", 11, ["Tinturaria", "Acabamentos Têxteis"], 1, 0.01),
    activity("13.91.00", 8, ["Malhas"], 1.1, 0),
    activity("13.92.10", 12, ["Têxteis Lar", "Atoalhados"], 1, 0),
    activity("13.96.20", 2, ["Têxteis Técnicos"], 1.2, 0.015),
    activity("14.13.10", 20, ["Confecções", "Vestuário"], 0.8, 0),
    activity("14.14.00", 6, ["Confecções", "Roupa Interior"], 0.8, 0),
    activity("14.19.10", 5, ["Confecções", "Acessórios de Moda"], 0.8, 0),
    activity("14.39.00", 12, ["Malhas", "Malharia"], 0.85, 0),
    activity("46.41.90", 8, ["Têxteis", "Comércio de Têxteis"], 2.5, -0.03),
  ],
  revenuePerEmployeeEuros: { minimum: 45_000, maximum: 85_000 },
  personnelCostPerEmployeeEuros: { minimum: 15_000, maximum: 21_000 },
  fixedAssetsToRevenue: { minimum: 0.25, maximum: 0.45 },
  inventoryDays: { minimum: 40, maximum: 90 },
  receivableDays: { minimum: 50, maximum: 90 },
  payableDays: { minimum: 50, maximum: 90 },
  rawMaterialsShareOfPurchases: { minimum: 0.55, maximum: 0.7 },
  incomeTaxRate: 0.225,
  regionalTaxRate: 0,
  hasSeveranceIndemnity: false,
};

const textileDivisions = ["13", "14"];
const metalDivisions = ["24", "25", "28"];

/** The profile for a district's country (ISO 3166 alpha-2) and main NACE division; throws when none fits. */
export function getIndustryProfile(country: string, mainIndustryNace: string): DemoIndustryProfile {
  const division = mainIndustryNace.trim().slice(0, 2);
  if (country === "IT" && textileDivisions.includes(division)) return italianTextiles;
  if (country === "IT" && metalDivisions.includes(division)) return italianMetalProducts;
  if (country === "PT" && textileDivisions.includes(division)) return portugueseTextiles;
  throw new Error(`No demo industry profile for country ${country} and NACE ${mainIndustryNace}`);
}
