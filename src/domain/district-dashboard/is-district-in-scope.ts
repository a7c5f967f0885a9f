import { type Grant, isTerritorialRole } from "../access/roles.ts";

/** Where a district lies: its country and the NUTS region (usually NUTS 3) it belongs to. */
export type DistrictPlacement = { code: string; countryCode: string; parentCode: string | null };

/**
 * Whether a user's grants cover a district's unsuppressed dashboard: administrators see every
 * district; other territorial roles the districts inside their territory (the district itself, its
 * country, or a NUTS region containing it, NUTS codes nesting by prefix).
 */
export function isDistrictInScope(grants: readonly Grant[], district: DistrictPlacement): boolean {
  return grants.some((grant) => {
    if (grant.role === "administrator") return true;
    if (!isTerritorialRole(grant.role) || !grant.territory) return false;
    const territory = grant.territory;
    if (territory.kind === "district") return territory.code === district.code;
    if (territory.kind === "country") return territory.code === district.countryCode;
    return district.parentCode?.startsWith(territory.code) === true;
  });
}
