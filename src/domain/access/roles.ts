/** The roles of product.md. A user holds any number of grants, each one role with its scope. */
export const roles = [
  "administrator",
  "analyst",
  "committee_member",
  "expert",
  "company_representative",
  "worker_representative",
  "trainer",
] as const;
export type Role = (typeof roles)[number];

/** Roles scoped to a territory; they see company identities anywhere and may ask for out-of-scope access. */
export const territorialRoles = [
  "administrator",
  "analyst",
  "committee_member",
] as const satisfies readonly Role[];

/** Roles scoped to listed companies (or cases); anything else does not exist for them. */
export const linkedRoles = [
  "expert",
  "company_representative",
  "worker_representative",
] as const satisfies readonly Role[];

export function isTerritorialRole(role: Role): boolean {
  return (territorialRoles as readonly Role[]).includes(role);
}

export function isLinkedRole(role: Role): boolean {
  return (linkedRoles as readonly Role[]).includes(role);
}

/** Where a territory sits: a country (NUTS 0), a NUTS 1–3 region or an industrial district. */
export type TerritoryKind = "country" | "nuts1" | "nuts2" | "nuts3" | "district";

export type Grant = {
  role: Role;
  /** Set for territorial roles (and optionally trainers). */
  territory?: { code: string; kind: TerritoryKind };
  /** Set for linked roles: the companies the grant is about. */
  companyIds?: readonly string[];
};
