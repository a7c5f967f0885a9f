import { isLinkedRole, isTerritorialRole, type Role } from "../../../domain/access/roles.ts";

/** What a grant of this role must name: a territory, companies, or optionally a territory (trainers). */
export type GrantScopeKind = "territory" | "companies" | "optionalTerritory";

export function grantScopeKind(role: Role): GrantScopeKind {
  if (isTerritorialRole(role)) return "territory";
  if (isLinkedRole(role)) return "companies";
  return "optionalTerritory";
}

/** Company ids typed one per line (commas and spaces are tolerated), without blanks or repeats. */
export function parseCompanyIds(text: string): string[] {
  const ids = text
    .split(/[\s,;]+/)
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== "");
  return [...new Set(ids)];
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return uuidPattern.test(text);
}
