import { z } from "zod";
import { MunicipalitySchema, SectorSchema } from "../../../contracts/registry.ts";
import { type Territory, TerritoryListSchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";
import { useApi } from "../../use-api.ts";
import { interfaceLanguage } from "./company-labels.ts";

export const SectorListSchema = z.object({ items: z.array(SectorSchema) });
export type Sector = z.infer<typeof SectorSchema>;
export const MunicipalityListSchema = z.object({ items: z.array(MunicipalitySchema) });
export type Municipality = z.infer<typeof MunicipalitySchema>;

/** Every territory (a few hundred: countries, NUTS regions, districts), read once per screen. */
export function useTerritories() {
  return useApi(() => apiRequest("/api/territories", TerritoryListSchema));
}

/** The ATECO sections (A–U). */
export function useSections() {
  return useApi(() => apiRequest("/api/sectors?level=section", SectorListSchema));
}

/** The divisions of one section; mount it with `key={section}` to read another section's. */
export function useDivisions(section: string) {
  return useApi(() =>
    apiRequest(`/api/sectors?level=division&parentCode=${encodeURIComponent(section)}`, SectorListSchema),
  );
}

export function territoryName(territory: Pick<Territory, "nameIt" | "nameEn">, language: string): string {
  return interfaceLanguage(language) === "en" ? territory.nameEn : territory.nameIt;
}

/** The territories of one kind (and country), sorted by name in the interface language. */
export function selectTerritories(
  territories: readonly Territory[],
  kind: Territory["kind"],
  language: string,
  countryCode?: string,
): Territory[] {
  return territories
    .filter((territory) => territory.kind === kind && (!countryCode || territory.countryCode === countryCode))
    .sort((first, second) =>
      territoryName(first, language).localeCompare(territoryName(second, language), language),
    );
}

/**
 * The ATECO code one level up, where its title can be read: "13.20.00" → "13.20.0",
 * "13.20.0" → "13.20", "13.20" → "13.2", "13.2" → "13"; a division (or a section) has none here.
 */
export function parentAtecoCode(code: string): string | undefined {
  const parts = code.split(".");
  const last = parts.at(-1) ?? "";
  if (parts.length === 1) return undefined;
  if (last.length === 2) return `${parts.slice(0, -1).join(".")}.${last.charAt(0)}`;
  return parts.slice(0, -1).join(".");
}
