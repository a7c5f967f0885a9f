import { describe, expect, it } from "vitest";
import { placeCompany } from "./place-company.ts";

describe(placeCompany, () => {
  it.each([
    [["prato-tessile"], undefined, { districtCode: "prato-tessile", districtSource: "municipality" }],
    [["prato-tessile"], "como-seta", { districtCode: "como-seta", districtSource: "manual" }],
    [[], "como-seta", { districtCode: "como-seta", districtSource: "manual" }],
    [[], undefined, { districtCode: undefined, districtSource: undefined }],
    [["a", "b"], undefined, { districtCode: undefined, districtSource: undefined }],
  ] as const)(
    "municipality districts %j, manual %s → %o",
    (municipalityDistrictCodes, manualDistrictCode, expected) => {
      expect(placeCompany({ municipalityDistrictCodes, manualDistrictCode })).toEqual(expected);
    },
  );
});
