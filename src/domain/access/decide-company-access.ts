import { type Grant, isLinkedRole, isTerritorialRole } from "./roles.ts";

/** Where a company is placed: its country, its NUTS 3 region and its district, when known. */
export type CompanyPlacement = {
  id: string;
  countryCode: string;
  nuts3Code: string | undefined;
  districtCode: string | undefined;
};

export type DataKind = "identity" | "confidential";

export type CompanyAccessDecision =
  | { outcome: "allowed"; basis: "territorial_scope" | "linked" | "public_register" | "out_of_scope_access" }
  | { outcome: "reason_required" }
  | { outcome: "not_found" };

/**
 * Whether a grant's territory covers a company. NUTS codes nest by prefix (ITI15 ⊂ ITI1 ⊂ ITI ⊂ IT),
 * and a country's code is its NUTS 0 code; a district covers the companies placed in it.
 */
export function isCompanyInTerritory(
  company: CompanyPlacement,
  territory: NonNullable<Grant["territory"]>,
): boolean {
  if (territory.kind === "district") return company.districtCode === territory.code;
  if (territory.kind === "country") return company.countryCode === territory.code;
  return company.nuts3Code?.startsWith(territory.code) === true;
}

/**
 * The confidentiality rule of the accounts issue: identities are public register information for
 * territorial roles; confidential data only inside their scope, or outside it under an open
 * out-of-scope access (else a reason is required); linked roles see only their companies, and for
 * everyone else the company does not exist.
 */
export function decideCompanyAccess(input: {
  grants: readonly Grant[];
  company: CompanyPlacement;
  kind: DataKind;
  hasOpenOutOfScopeAccess: boolean;
}): CompanyAccessDecision {
  const { grants, company, kind } = input;
  const territorialGrants = grants.filter((grant) => isTerritorialRole(grant.role) && grant.territory);
  if (territorialGrants.some((grant) => grant.territory && isCompanyInTerritory(company, grant.territory))) {
    return { outcome: "allowed", basis: "territorial_scope" };
  }
  const isLinked = grants.some((grant) => isLinkedRole(grant.role) && grant.companyIds?.includes(company.id));
  if (isLinked) return { outcome: "allowed", basis: "linked" };
  if (territorialGrants.length === 0) return { outcome: "not_found" };
  if (kind === "identity") return { outcome: "allowed", basis: "public_register" };
  if (input.hasOpenOutOfScopeAccess) return { outcome: "allowed", basis: "out_of_scope_access" };
  return { outcome: "reason_required" };
}
