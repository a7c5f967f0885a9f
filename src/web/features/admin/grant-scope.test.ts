import { describe, expect, it } from "vitest";
import { grantScopeKind, isUuid, parseCompanyIds } from "./grant-scope.ts";

describe("grantScopeKind", () => {
  it.each([
    ["administrator", "territory"],
    ["analyst", "territory"],
    ["committee_member", "territory"],
    ["expert", "companies"],
    ["company_representative", "companies"],
    ["worker_representative", "companies"],
    ["trainer", "optionalTerritory"],
  ] as const)("asks %s for %s", (role, scope) => {
    expect(grantScopeKind(role)).toBe(scope);
  });
});

describe("parseCompanyIds", () => {
  it("takes one id per line, tolerating commas, blanks, case and repeats", () => {
    const first = "0b6f1c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f";
    const second = "1c7e2d2f-3b4c-4d6e-9f0a-1b2c3d4e5f6a";
    expect(parseCompanyIds(`${first}\n\n  ${second.toUpperCase()} ,${first}\n`)).toEqual([first, second]);
    expect(parseCompanyIds("  \n")).toEqual([]);
  });

  it("recognises identifiers", () => {
    expect(isUuid("0b6f1c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f")).toBe(true);
    expect(isUuid("prato")).toBe(false);
  });
});
