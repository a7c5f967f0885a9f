import type { TerritoryKind } from "../../../domain/access/roles.ts";

type NamedTerritory = { code: string; kind: TerritoryKind; nameIt: string; nameEn: string };

export const territoryKinds: readonly TerritoryKind[] = ["country", "nuts1", "nuts2", "nuts3", "district"];

/** The territory's name in the interface language (NUTS regions carry their national name in both). */
export function territoryName(
  territory: Pick<NamedTerritory, "nameIt" | "nameEn">,
  language: string,
): string {
  return language === "en" ? territory.nameEn : territory.nameIt;
}

/** "IT — Italia", the label used wherever a territory is picked. */
export function territoryLabel(
  territory: Pick<NamedTerritory, "code" | "nameIt" | "nameEn">,
  language: string,
) {
  return `${territory.code} — ${territoryName(territory, language)}`;
}

/** Territories grouped by kind, in the order countries → NUTS 1 → NUTS 2 → NUTS 3 → districts. */
export function groupTerritoriesByKind<Territory extends { kind: TerritoryKind; code: string }>(
  territories: readonly Territory[],
): { kind: TerritoryKind; territories: Territory[] }[] {
  return territoryKinds
    .map((kind) => ({
      kind,
      territories: territories
        .filter((territory) => territory.kind === kind)
        .sort((first, second) => first.code.localeCompare(second.code)),
    }))
    .filter((group) => group.territories.length > 0);
}
