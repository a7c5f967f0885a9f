/** A district and the territories above it, nearest first (its NUTS 3, NUTS 2, NUTS 1, country). */
export type DistrictChain = {
  districtCode: string;
  ancestors: readonly { code: string; kind: string }[];
};

/** Territory kinds whose series speak for a district inside them. */
const linkedKinds = new Set(["nuts3", "nuts2"]);

/**
 * The territories whose series are signals of a district: the district itself, its NUTS 3 province
 * and its NUTS 2 region. Wider areas (NUTS 1, the country) are left out: a national series is not a
 * sign of one district's crisis, and linking it would put every district in alarm at once.
 */
export function findDistrictTerritoryCodes(chain: DistrictChain): string[] {
  return [
    chain.districtCode,
    ...chain.ancestors.filter((ancestor) => linkedKinds.has(ancestor.kind)).map((ancestor) => ancestor.code),
  ];
}

/** The districts a series of this territory is a signal of (the rule of findDistrictTerritoryCodes). */
export function findLinkedDistricts(
  territoryCode: string | null,
  chains: readonly DistrictChain[],
): string[] {
  if (territoryCode === null) return [];
  return chains
    .filter((chain) => findDistrictTerritoryCodes(chain).includes(territoryCode))
    .map((chain) => chain.districtCode);
}
