import { describe, expect, it } from "vitest";
import { districtName, sectorTitle, toSentenceCase } from "./company-labels.ts";

describe(toSentenceCase, () => {
  it.each([
    ["ATTIVITÀ MANIFATTURIERE", "Attività manifatturiere"],
    ["MANUFACTURING", "Manufacturing"],
    ["Tessitura", "Tessitura"],
    ["Weaving of textiles", "Weaving of textiles"],
  ])("writes %s as %s", (title, expected) => {
    expect(toSentenceCase(title)).toBe(expected);
  });
});

describe(sectorTitle, () => {
  const weaving = { sectorTitleIt: "Tessitura", sectorTitleEn: "Weaving of textiles" };

  it("uses the interface language", () => {
    expect(sectorTitle(weaving, "en")).toEqual({ text: "Weaving of textiles", lang: "en" });
    expect(sectorTitle(weaving, "it")).toEqual({ text: "Tessitura", lang: "it" });
  });

  it("falls back to the Italian title, marked as Italian, when ATECO has no English one", () => {
    expect(sectorTitle({ sectorTitleIt: "Confezione in serie", sectorTitleEn: null }, "en")).toEqual({
      text: "Confezione in serie",
      lang: "it",
    });
  });

  it("has nothing to say without a sector", () => {
    expect(sectorTitle({ sectorTitleIt: null, sectorTitleEn: null }, "it")).toBeUndefined();
  });
});

describe(districtName, () => {
  const prato = { districtNameIt: "Distretto tessile di Prato", districtNameEn: "Prato textile district" };

  it("names the district in the interface language", () => {
    expect(districtName({ districtCode: "prato-tessile", ...prato }, "en")).toBe("Prato textile district");
    expect(districtName({ districtCode: "prato-tessile", ...prato }, "it")).toBe(
      "Distretto tessile di Prato",
    );
  });

  it("is undefined for a company not placed in a district", () => {
    expect(
      districtName({ districtCode: null, districtNameIt: null, districtNameEn: null }, "it"),
    ).toBeUndefined();
  });
});
