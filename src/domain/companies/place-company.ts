/**
 * Where a company belongs: the district of its municipality when the district table lists that
 * municipality, else the district an operator chose by hand, else nowhere ("not placed", for an
 * administrator to fix). A municipality in two districts is ambiguous and needs a hand choice.
 */
export function placeCompany(input: {
  municipalityDistrictCodes: readonly string[];
  manualDistrictCode: string | undefined;
}): { districtCode: string | undefined; districtSource: "municipality" | "manual" | undefined } {
  if (input.manualDistrictCode) return { districtCode: input.manualDistrictCode, districtSource: "manual" };
  if (input.municipalityDistrictCodes.length === 1) {
    return { districtCode: input.municipalityDistrictCodes[0], districtSource: "municipality" };
  }
  return { districtCode: undefined, districtSource: undefined };
}
