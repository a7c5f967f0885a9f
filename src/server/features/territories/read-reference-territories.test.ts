import { describe, expect, it } from "vitest";
import { readReferenceTerritories } from "./read-reference-territories.ts";

describe(readReferenceTerritories, () => {
  const territories = readReferenceTerritories();
  const byCode = new Map(territories.map((territory) => [territory.code, territory]));

  it("has the three partner countries with Italian and English names", () => {
    expect(
      territories
        .filter((territory) => territory.kind === "country")
        .map((territory) => [territory.code, territory.nameIt, territory.nameEn]),
    ).toEqual([
      ["ES", "Spagna", "Spain"],
      ["IT", "Italia", "Italy"],
      ["PT", "Portogallo", "Portugal"],
    ]);
  });

  it("keeps every real NUTS 3 region (IT 107, ES 59, PT 25) and leaves Extra-Regio out", () => {
    const nuts3 = territories.filter((territory) => territory.kind === "nuts3");
    expect(nuts3.filter((territory) => territory.countryCode === "IT")).toHaveLength(107);
    expect(nuts3.filter((territory) => territory.countryCode === "ES")).toHaveLength(59);
    expect(nuts3.filter((territory) => territory.countryCode === "PT")).toHaveLength(25);
    expect(territories.some((territory) => territory.code.endsWith("ZZZ") || territory.code === "ITZ")).toBe(
      false,
    );
  });

  it("nests regions by code and places the demo districts in their NUTS 3 areas", () => {
    expect(byCode.get("ITI15")).toMatchObject({ nameLocal: "Prato", parentCode: "ITI1", kind: "nuts3" });
    expect(byCode.get("prato-tessile")).toMatchObject({
      kind: "district",
      parentCode: "ITI15",
      countryCode: "IT",
      nameEn: "Prato textile district",
    });
    expect(byCode.get("ave-texteis")).toMatchObject({
      parentCode: "PT119",
      countryCode: "PT",
      centroidLatitude: 41.4425,
    });
    for (const territory of territories) {
      if (territory.parentCode) expect(byCode.has(territory.parentCode), territory.code).toBe(true);
    }
  });
});
