import type { LineItemId, LineItemValues } from "../statements/line-items.ts";
import type { DemoDistrictInput, DemoMunicipalityInput, GenerateDemoInput } from "./generate-demo.ts";

// The rows of reference/demo-districts.csv and, from it-comuni.csv, Prato's seven municipalities and a few of
// Brescia's (Val Trompia and the city).
export const districts: DemoDistrictInput[] = [
  { id: "prato-tessile", country: "IT", nuts3: "ITI15", mainIndustryNace: "13", mainTown: "Prato" },
  { id: "lumezzane-metalli", country: "IT", nuts3: "ITC47", mainIndustryNace: "25", mainTown: "Lumezzane" },
  { id: "ave-texteis", country: "PT", nuts3: "PT119", mainIndustryNace: "13", mainTown: "Guimarães" },
];
export const municipalities: DemoMunicipalityInput[] = [
  ...[
    ["100001", "Cantagallo"],
    ["100002", "Carmignano"],
    ["100003", "Montemurlo"],
    ["100004", "Poggio a Caiano"],
    ["100005", "Prato"],
    ["100006", "Vaiano"],
    ["100007", "Vernio"],
  ].map(([istatCode = "", name = ""]) => ({ istatCode, name, nuts3: "ITI15" })),
  ...[
    ["017096", "Lumezzane"],
    ["017174", "Sarezzo"],
    ["017075", "Gardone Val Trompia"],
    ["017061", "Concesio"],
    ["017199", "Villa Carcina"],
    ["017003", "Agnosine"],
    ["017121", "Odolo"],
    ["017029", "Brescia"],
  ].map(([istatCode = "", name = ""]) => ({ istatCode, name, nuts3: "ITC47" })),
  { istatCode: "013075", name: "Como", nuts3: "ITC42" },
];
export const demoTestInput: GenerateDemoInput = {
  seed: 20_240_601,
  firstYear: 2020,
  years: 5,
  districts,
  municipalities,
};

export function sumOf(items: LineItemValues, itemIds: readonly LineItemId[]): number {
  return itemIds.reduce((sum, itemId) => sum + (items[itemId] ?? 0), 0);
}
export function amount(items: LineItemValues, itemId: LineItemId): number {
  const value = items[itemId];
  if (value === undefined) throw new Error(`${itemId} missing`);
  return value;
}
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((first, second) => first - second);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
