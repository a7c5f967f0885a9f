import { decideCompanyAccess } from "../access/decide-company-access.ts";
import type { Grant } from "../access/roles.ts";

/** Where a district lies: its country and the NUTS region (usually NUTS 3) it belongs to. */
export type DistrictPlacement = { code: string; countryCode: string; parentCode: string | null };

/**
 * Where some companies of a district are placed: companies carry their district freely, so those of
 * one district may lie in several countries or NUTS 3 regions.
 */
export type DistrictCompanyPlacement = {
  districtCode: string;
  countryCode: string;
  nuts3Code: string | null;
};

/**
 * Whether a user's territorial grants cover a company placed so, by the rule of company access
 * (`decideCompanyAccess`): administrators, analysts and committee members inside their territory only.
 */
function isPlacementCovered(grants: readonly Grant[], placement: DistrictCompanyPlacement): boolean {
  const decision = decideCompanyAccess({
    grants,
    company: {
      id: "",
      countryCode: placement.countryCode,
      nuts3Code: placement.nuts3Code ?? undefined,
      districtCode: placement.districtCode,
    },
    kind: "confidential",
    hasOpenOutOfScopeAccess: false,
  });
  return decision.outcome === "allowed" && decision.basis === "territorial_scope";
}

/** Whether a user's territorial grants cover every one of the given company placements. */
export function doGrantsCoverPlacements(
  grants: readonly Grant[],
  placements: readonly DistrictCompanyPlacement[],
): boolean {
  return placements.every((placement) => isPlacementCovered(grants, placement));
}

/**
 * Whether a user's grants cover a district's unsuppressed dashboard: their territorial grants
 * (administrators' included, inside their territory like anyone else's) must cover the district's own
 * placement and every company placed in it, else its raw cells would reveal figures of companies
 * outside their scope. `companyPlacements` are the distinct placements of the district's companies.
 */
export function isDistrictInScope(
  grants: readonly Grant[],
  district: DistrictPlacement,
  companyPlacements: readonly DistrictCompanyPlacement[],
): boolean {
  const ownPlacement = {
    districtCode: district.code,
    countryCode: district.countryCode,
    nuts3Code: district.parentCode,
  };
  return doGrantsCoverPlacements(grants, [
    ownPlacement,
    ...companyPlacements.filter((placement) => placement.districtCode === district.code),
  ]);
}
