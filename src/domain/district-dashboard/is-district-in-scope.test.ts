import { describe, expect, it } from "vitest";
import type { Grant } from "../access/roles.ts";
import { isDistrictInScope } from "./is-district-in-scope.ts";

const prato = { code: "prato-tessile", countryCode: "IT", parentCode: "ITI15" };

describe(isDistrictInScope, () => {
  it.each<[string, Grant[], boolean]>([
    [
      "an administrator anywhere",
      [{ role: "administrator", territory: { code: "PT", kind: "country" } }],
      true,
    ],
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
    expect(isDistrictInScope(grants, prato)).toBe(expected);
  });

  it("does not place a district without a region in a NUTS region", () => {
    expect(
      isDistrictInScope([{ role: "analyst", territory: { code: "ITI", kind: "nuts1" } }], {
        ...prato,
        parentCode: null,
      }),
    ).toBe(false);
  });
});
