import { type TerritoryAlias, territoryAliases } from "./territory-aliases.ts";

/** A territory name reduced for comparison: accents, case, spaces and punctuation removed. */
export function normaliseTerritoryName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/** Builds a name → alias lookup; names shared by two entries are an error in the list. */
export function buildTerritoryLookup(
  aliases: readonly TerritoryAlias[] = territoryAliases,
): Map<string, TerritoryAlias> {
  const lookup = new Map<string, TerritoryAlias>();
  for (const alias of aliases) {
    for (const name of [alias.code, ...alias.names]) {
      const key = normaliseTerritoryName(name);
      const existing = lookup.get(key);
      if (existing && existing.code !== alias.code) {
        throw new Error(`The territory name "${name}" is listed for both ${existing.code} and ${alias.code}`);
      }
      lookup.set(key, alias);
    }
  }
  return lookup;
}

/**
 * The alias entry a territory name (or code) stands for, ignoring case, accents and punctuation
 * ("Trentino-Alto-Adige" = "Trentino Alto Adige"); undefined when the list does not know it.
 */
export function matchTerritory(
  name: string,
  lookup: ReadonlyMap<string, TerritoryAlias>,
): TerritoryAlias | undefined {
  const key = normaliseTerritoryName(name);
  return key === "" ? undefined : lookup.get(key);
}
