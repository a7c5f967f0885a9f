import type { Territory } from "../../../contracts/territories.ts";
import { territoryName } from "./reference-data.ts";

/** One option per territory, named in the interface language, in the order given. */
export function TerritoryOptions({
  territories,
  language,
}: {
  territories: readonly Territory[];
  language: string;
}) {
  return territories.map((territory) => (
    <option key={territory.code} value={territory.code}>
      {territoryName(territory, language)}
    </option>
  ));
}
