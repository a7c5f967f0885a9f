import { describe, expect, it } from "vitest";
import {
  type DistrictChain,
  findDistrictTerritoryCodes,
  findLinkedDistricts,
} from "./link-series-to-districts.ts";

const prato: DistrictChain = {
  districtCode: "prato-tessile",
  ancestors: [
    { code: "ITI15", kind: "nuts3" },
    { code: "ITI1", kind: "nuts2" },
    { code: "ITI", kind: "nuts1" },
    { code: "IT", kind: "country" },
  ],
};
const lumezzane: DistrictChain = {
  districtCode: "lumezzane-metalli",
  ancestors: [
    { code: "ITC47", kind: "nuts3" },
    { code: "ITC4", kind: "nuts2" },
  ],
};

describe(findLinkedDistricts, () => {
  it.each([
    { territory: "prato-tessile", districts: ["prato-tessile"] },
    { territory: "ITI15", districts: ["prato-tessile"] },
    { territory: "ITI1", districts: ["prato-tessile"] },
    { territory: "ITI", districts: [] },
    { territory: "IT", districts: [] },
    { territory: "ITC4", districts: ["lumezzane-metalli"] },
    { territory: "DE", districts: [] },
    { territory: null, districts: [] },
  ])("links a series of $territory to $districts", ({ territory, districts }) => {
    expect(findLinkedDistricts(territory, [prato, lumezzane])).toEqual(districts);
  });
});

describe(findDistrictTerritoryCodes, () => {
  it("lists the district, its NUTS 3 and its NUTS 2", () => {
    expect(findDistrictTerritoryCodes(prato)).toEqual(["prato-tessile", "ITI15", "ITI1"]);
  });
});
