import { describe, expect, it } from "vitest";
import type { Grant } from "../access/roles.ts";
import {
  type DistrictCompanyPlacement,
  doGrantsCoverPlacements,
  isDistrictInScope,
} from "./is-district-in-scope.ts";

const prato = { code: "prato-tessile", countryCode: "IT", parentCode: "ITI15" };
const pratoCompanies: DistrictCompanyPlacement[] = [
  { districtCode: "prato-tessile", countryCode: "IT", nuts3Code: "ITI15" },
];
/** A Prato district whose companies include one placed in Pistoia (ITI13). */
const pratoWithPistoia: DistrictCompanyPlacement[] = [
  ...pratoCompanies,
  { districtCode: "prato-tessile", countryCode: "IT", nuts3Code: "ITI13" },
];
const aveTexteis = { code: "ave-texteis", countryCode: "PT", parentCode: "PT119" };
const aveCompanies: DistrictCompanyPlacement[] = [
  { districtCode: "ave-texteis", countryCode: "PT", nuts3Code: "PT119" },
];

describe(isDistrictInScope, () => {
  it.each<[string, Grant[], boolean]>([
    [
      "an administrator of another country",
      [{ role: "administrator", territory: { code: "PT", kind: "country" } }],
      false,
    ],
    [
      "an administrator of the country",
      [{ role: "administrator", territory: { code: "IT", kind: "country" } }],
      true,
    ],
    ["an administrator without a territory", [{ role: "administrator" }], false],
    [
      "an analyst of the district",
      [{ role: "analyst", territory: { code: "prato-tessile", kind: "district" } }],
      true,
    ],
    [
      "an analyst of another district",
      [{ role: "analyst", territory: { code: "ave-texteis", kind: "district" } }],
      false,
    ],
    ["an analyst of the country", [{ role: "analyst", territory: { code: "IT", kind: "country" } }], true],
    [
      "an analyst of another country",
      [{ role: "analyst", territory: { code: "PT", kind: "country" } }],
      false,
    ],
    [
      "a committee member of the NUTS 2 region",
      [{ role: "committee_member", territory: { code: "ITI1", kind: "nuts2" } }],
      true,
    ],
    [
      "an analyst of another NUTS 3 region",
      [{ role: "analyst", territory: { code: "ITC47", kind: "nuts3" } }],
      false,
    ],
    ["an expert linked to companies", [{ role: "expert", companyIds: ["x"] }], false],
    ["a trainer", [{ role: "trainer" }], false],
    ["nobody", [], false],
  ])("%s → %s", (_who, grants, expected) => {
    expect(isDistrictInScope(grants, prato, pratoCompanies)).toBe(expected);
  });

  it("gives an administrator of Italy no Portuguese district", () => {
    const grants: Grant[] = [{ role: "administrator", territory: { code: "IT", kind: "country" } }];
    expect(isDistrictInScope(grants, aveTexteis, aveCompanies)).toBe(false);
    expect(
      isDistrictInScope(
        [{ role: "administrator", territory: { code: "PT", kind: "country" } }],
        aveTexteis,
        aveCompanies,
      ),
    ).toBe(true);
  });

  it.each<[string, Grant[], boolean]>([
    [
      "an analyst of Prato's NUTS 3 region",
      [{ role: "analyst", territory: { code: "ITI15", kind: "nuts3" } }],
      false,
    ],
    [
      "an analyst of the district itself",
      [{ role: "analyst", territory: { code: "prato-tessile", kind: "district" } }],
      true,
    ],
    [
      "an analyst of both NUTS 3 regions",
      [
        { role: "analyst", territory: { code: "ITI15", kind: "nuts3" } },
        { role: "analyst", territory: { code: "ITI13", kind: "nuts3" } },
      ],
      true,
    ],
    [
      "an analyst of the NUTS 2 region",
      [{ role: "analyst", territory: { code: "ITI1", kind: "nuts2" } }],
      true,
    ],
  ])("with a company outside the district's region: %s → %s", (_who, grants, expected) => {
    expect(isDistrictInScope(grants, prato, pratoWithPistoia)).toBe(expected);
  });

  it("judges a district by its own companies only", () => {
    const grants: Grant[] = [{ role: "analyst", territory: { code: "ITI15", kind: "nuts3" } }];
    expect(isDistrictInScope(grants, prato, [...pratoCompanies, ...aveCompanies])).toBe(true);
  });

  it("does not place a district without a region in a NUTS region", () => {
    expect(
      isDistrictInScope(
        [{ role: "analyst", territory: { code: "ITI", kind: "nuts1" } }],
        { ...prato, parentCode: null },
        [],
      ),
    ).toBe(false);
  });
});

describe(doGrantsCoverPlacements, () => {
  it("covers every company only when each placement is inside a territorial grant", () => {
    const italy: Grant[] = [{ role: "administrator", territory: { code: "IT", kind: "country" } }];
    expect(doGrantsCoverPlacements(italy, pratoWithPistoia)).toBe(true);
    expect(doGrantsCoverPlacements(italy, [...pratoWithPistoia, ...aveCompanies])).toBe(false);
    expect(
      doGrantsCoverPlacements(
        [...italy, { role: "analyst", territory: { code: "PT", kind: "country" } }],
        [...pratoWithPistoia, ...aveCompanies],
      ),
    ).toBe(true);
  });
});
