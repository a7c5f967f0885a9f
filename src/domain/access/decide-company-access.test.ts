import { describe, expect, it } from "vitest";
import { type CompanyPlacement, decideCompanyAccess, isCompanyInTerritory } from "./decide-company-access.ts";
import type { Grant } from "./roles.ts";

const pratoFirm: CompanyPlacement = {
  id: "c-prato",
  countryCode: "IT",
  nuts3Code: "ITI15",
  districtCode: "prato-tessile",
};
const unplacedFirm: CompanyPlacement = {
  id: "c-x",
  countryCode: "IT",
  nuts3Code: undefined,
  districtCode: undefined,
};

describe(isCompanyInTerritory, () => {
  it.each([
    [{ code: "IT", kind: "country" }, pratoFirm, true],
    [{ code: "PT", kind: "country" }, pratoFirm, false],
    [{ code: "ITI", kind: "nuts1" }, pratoFirm, true],
    [{ code: "ITI1", kind: "nuts2" }, pratoFirm, true],
    [{ code: "ITI15", kind: "nuts3" }, pratoFirm, true],
    [{ code: "ITI14", kind: "nuts3" }, pratoFirm, false],
    [{ code: "ITC4", kind: "nuts2" }, pratoFirm, false],
    [{ code: "prato-tessile", kind: "district" }, pratoFirm, true],
    [{ code: "lumezzane-metalli", kind: "district" }, pratoFirm, false],
    [{ code: "IT", kind: "country" }, unplacedFirm, true],
    [{ code: "ITI", kind: "nuts1" }, unplacedFirm, false],
    [{ code: "prato-tessile", kind: "district" }, unplacedFirm, false],
  ] as const)("territory %o covers %o: %s", (territory, company, expected) => {
    expect(isCompanyInTerritory(company, territory)).toBe(expected);
  });
});

const analystOfPrato: Grant = { role: "analyst", territory: { code: "prato-tessile", kind: "district" } };
const analystOfBrescia: Grant = { role: "analyst", territory: { code: "ITC47", kind: "nuts3" } };
const committeeOfItaly: Grant = { role: "committee_member", territory: { code: "IT", kind: "country" } };
const representativeOfPrato: Grant = { role: "company_representative", companyIds: ["c-prato"] };
const representativeOfOther: Grant = { role: "company_representative", companyIds: ["c-other"] };
const expertOfOther: Grant = { role: "expert", companyIds: ["c-other"] };
const workerRepresentativeOfPrato: Grant = { role: "worker_representative", companyIds: ["c-prato"] };
const trainer: Grant = { role: "trainer", territory: { code: "IT", kind: "country" } };

describe(decideCompanyAccess, () => {
  it.each([
    [
      "analyst in scope, confidential",
      [analystOfPrato],
      "confidential",
      false,
      { outcome: "allowed", basis: "territorial_scope" },
    ],
    [
      "analyst out of scope, identity",
      [analystOfBrescia],
      "identity",
      false,
      { outcome: "allowed", basis: "public_register" },
    ],
    [
      "analyst out of scope, confidential",
      [analystOfBrescia],
      "confidential",
      false,
      { outcome: "reason_required" },
    ],
    [
      "analyst out of scope with open access",
      [analystOfBrescia],
      "confidential",
      true,
      { outcome: "allowed", basis: "out_of_scope_access" },
    ],
    [
      "committee member of the country",
      [committeeOfItaly],
      "confidential",
      false,
      { outcome: "allowed", basis: "territorial_scope" },
    ],
    [
      "representative of the company",
      [representativeOfPrato],
      "confidential",
      false,
      { outcome: "allowed", basis: "linked" },
    ],
    [
      "representative of another company, confidential",
      [representativeOfOther],
      "confidential",
      false,
      { outcome: "not_found" },
    ],
    [
      "representative of another company, identity",
      [representativeOfOther],
      "identity",
      false,
      { outcome: "not_found" },
    ],
    [
      "representative of another company even with an access row",
      [representativeOfOther],
      "confidential",
      true,
      { outcome: "not_found" },
    ],
    ["expert not assigned", [expertOfOther], "identity", false, { outcome: "not_found" }],
    [
      "worker representative of the company",
      [workerRepresentativeOfPrato],
      "confidential",
      false,
      { outcome: "allowed", basis: "linked" },
    ],
    ["trainer", [trainer], "identity", false, { outcome: "not_found" }],
    ["no grant at all", [], "identity", false, { outcome: "not_found" }],
    [
      "representative elsewhere who is also an analyst of Brescia",
      [representativeOfOther, analystOfBrescia],
      "confidential",
      false,
      { outcome: "reason_required" },
    ],
  ] as const)("%s", (_name, grants, kind, hasOpenOutOfScopeAccess, expected) => {
    expect(decideCompanyAccess({ grants, company: pratoFirm, kind, hasOpenOutOfScopeAccess })).toEqual(
      expected,
    );
  });
});
