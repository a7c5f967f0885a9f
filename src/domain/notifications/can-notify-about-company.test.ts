import { describe, expect, it } from "vitest";
import type { CompanyPlacement } from "../access/decide-company-access.ts";
import type { Grant } from "../access/roles.ts";
import { canNotifyAboutCompany } from "./can-notify-about-company.ts";

const pratoCompany: CompanyPlacement = {
  id: "company-1",
  countryCode: "IT",
  nuts3Code: "ITI15",
  districtCode: "prato-textiles",
};

describe(canNotifyAboutCompany, () => {
  it.each<[string, Grant[], boolean]>([
    [
      "an analyst of the company's province",
      [{ role: "analyst", territory: { code: "ITI15", kind: "nuts3" } }],
      true,
    ],
    [
      "an analyst of its region (NUTS prefix)",
      [{ role: "analyst", territory: { code: "ITI1", kind: "nuts1" } }],
      true,
    ],
    [
      "an administrator of the country",
      [{ role: "administrator", territory: { code: "IT", kind: "country" } }],
      true,
    ],
    [
      "a committee member of its district",
      [{ role: "committee_member", territory: { code: "prato-textiles", kind: "district" } }],
      true,
    ],
    ["a representative linked to it", [{ role: "company_representative", companyIds: ["company-1"] }], true],
    [
      "an analyst of another province",
      [{ role: "analyst", territory: { code: "ITC47", kind: "nuts3" } }],
      false,
    ],
    [
      "a representative of another company",
      [{ role: "company_representative", companyIds: ["company-2"] }],
      false,
    ],
    ["a trainer", [{ role: "trainer" }], false],
    ["a user without grants", [], false],
  ])("%s → %s", (_who, grants, expected) => {
    expect(canNotifyAboutCompany(grants, pratoCompany)).toBe(expected);
  });
});
