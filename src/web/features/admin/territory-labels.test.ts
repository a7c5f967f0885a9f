import { describe, expect, it } from "vitest";
import { groupTerritoriesByKind, territoryLabel } from "./territory-labels.ts";

const territory = (code: string, kind: "country" | "nuts3" | "district") => ({
  code,
  kind,
  nameIt: `${code} it`,
  nameEn: `${code} en`,
});

describe("territory labels", () => {
  it("label a territory with its code and its name in the interface language", () => {
    expect(territoryLabel(territory("IT", "country"), "it")).toBe("IT — IT it");
    expect(territoryLabel(territory("IT", "country"), "en")).toBe("IT — IT en");
  });

  it("group countries, then regions, then districts, each sorted by code, leaving out empty kinds", () => {
    const groups = groupTerritoriesByKind([
      territory("prato-tessile", "district"),
      territory("ITI15", "nuts3"),
      territory("PT", "country"),
      territory("IT", "country"),
    ]);
    expect(groups.map((group) => [group.kind, group.territories.map((item) => item.code)])).toEqual([
      ["country", ["IT", "PT"]],
      ["nuts3", ["ITI15"]],
      ["district", ["prato-tessile"]],
    ]);
  });
});
