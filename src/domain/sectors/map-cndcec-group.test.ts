import { describe, expect, it } from "vitest";
// Vite's ?raw import reads the shipped files as text; biome.json bars node:fs everywhere in src/domain.
import atecoCsv from "../../../reference-data/ateco-2007.csv?raw";
import cndcecGroupsCsv from "../../../reference-data/cndcec-sector-groups.csv?raw";
import { parseCsvRecords } from "../shared/parse-csv.ts";
import { type CndcecGroupRow, mapCndcecGroup } from "./map-cndcec-group.ts";

const table: CndcecGroupRow[] = parseCsvRecords(cndcecGroupsCsv).map((record) => ({
  atecoPrefix: record.ateco_prefix ?? "",
  group: record.group === "" || record.group === undefined ? undefined : Number(record.group),
}));

const atecoRecords = parseCsvRecords(atecoCsv);
const sectionByDivision = new Map(
  atecoRecords.filter((record) => record.level === "division").map((record) => [record.code, record.section]),
);
const sectionOf = (division: string) => sectionByDivision.get(division);

describe(mapCndcecGroup, () => {
  it.each([
    { atecoCode: "01.11", group: 1, sector: "agriculture (section A)" },
    { atecoCode: "03", group: 1, sector: "fishing (section A)" },
    { atecoCode: "06.10", group: 2, sector: "mining (section B)" },
    { atecoCode: "10.39.00", group: 2, sector: "food manufacturing (section C)" },
    { atecoCode: "13", group: 2, sector: "textiles, division 13" },
    { atecoCode: "13.20", group: 2, sector: "weaving, class 13.20" },
    { atecoCode: "14", group: 2, sector: "wearing apparel, division 14" },
    { atecoCode: "15.20.10", group: 2, sector: "footwear, subcategory 15.20.10" },
    { atecoCode: "24", group: 2, sector: "basic metals, division 24" },
    { atecoCode: "25", group: 2, sector: "metal products, division 25" },
    { atecoCode: "257300", group: 2, sector: "tools, written 257300" },
    { atecoCode: "28.94", group: 2, sector: "textile machinery, class 28.94" },
    { atecoCode: "35.11", group: 2, sector: "electricity production, class 35.11" },
    { atecoCode: "35.11.00", group: 2, sector: "electricity production, subcategory 35.11.00" },
    { atecoCode: "35.21", group: 2, sector: "gas manufacture, class 35.21" },
    { atecoCode: "35.12", group: 3, sector: "electricity transmission, class 35.12" },
    { atecoCode: "35.13", group: 6, sector: "electricity distribution, class 35.13" },
    { atecoCode: "35.14", group: 6, sector: "electricity trade, class 35.14" },
    { atecoCode: "35.22", group: 6, sector: "gas distribution, class 35.22" },
    { atecoCode: "35.23", group: 6, sector: "gas trade, class 35.23" },
    { atecoCode: "38.11", group: 3, sector: "waste collection (section E)" },
    { atecoCode: "41", group: 4, sector: "construction of buildings, division 41" },
    { atecoCode: "41.20.00", group: 4, sector: "construction of buildings, subcategory 41.20.00" },
    { atecoCode: "42", group: 5, sector: "civil engineering, division 42" },
    { atecoCode: "43", group: 5, sector: "specialised construction, division 43" },
    { atecoCode: "45", group: 6, sector: "motor-vehicle trade, division 45" },
    { atecoCode: "46", group: 6, sector: "wholesale, division 46" },
    { atecoCode: "47", group: 7, sector: "retail, division 47" },
    { atecoCode: "56", group: 7, sector: "food and beverage services, division 56" },
    { atecoCode: "56.10.11", group: 7, sector: "restaurants, subcategory 56.10.11" },
    { atecoCode: "49", group: 8, sector: "land transport, division 49 (section H)" },
    { atecoCode: "55", group: 8, sector: "accommodation, division 55" },
    { atecoCode: "J", group: 9, sector: "section letter J" },
    { atecoCode: "62.01", group: 9, sector: "programming, class 62.01 (section J)" },
    { atecoCode: "M", group: 9, sector: "section letter M" },
    { atecoCode: "69.20", group: 9, sector: "accounting, class 69.20 (section M)" },
    { atecoCode: "N", group: 9, sector: "section letter N" },
    { atecoCode: "82", group: 9, sector: "business support, division 82 (section N)" },
    { atecoCode: "P", group: 10, sector: "section letter P" },
    { atecoCode: "Q", group: 10, sector: "section letter Q" },
    { atecoCode: "86.10", group: 10, sector: "hospitals, class 86.10 (section Q)" },
    { atecoCode: "R", group: 10, sector: "section letter R" },
    { atecoCode: "S", group: 10, sector: "section letter S" },
    { atecoCode: "96.02", group: 10, sector: "hairdressing, class 96.02 (section S)" },
  ])("maps $atecoCode to group $group for $sector", ({ atecoCode, group }) => {
    expect(mapCndcecGroup(atecoCode, sectionOf, table)).toEqual({ status: "mapped", group });
  });

  it.each([
    { atecoCode: "35.30", sector: "steam and air conditioning, class 35.30" },
    { atecoCode: "353000", sector: "steam and air conditioning, written 353000" },
    { atecoCode: "K", sector: "section letter K" },
    { atecoCode: "64.19", sector: "banks, class 64.19 (section K)" },
    { atecoCode: "L", sector: "section letter L" },
    { atecoCode: "68.20.01", sector: "letting of own real estate (section L)" },
    { atecoCode: "O", sector: "section letter O" },
    { atecoCode: "84", sector: "public administration, division 84 (section O)" },
    { atecoCode: "T", sector: "section letter T" },
    { atecoCode: "97", sector: "households as employers, division 97 (section T)" },
    { atecoCode: "U", sector: "section letter U" },
    { atecoCode: "99.00.00", sector: "extraterritorial organisations (section U)" },
  ])("reports no benchmark for $atecoCode ($sector)", ({ atecoCode }) => {
    expect(mapCndcecGroup(atecoCode, sectionOf, table)).toEqual({ status: "no_benchmark" });
  });

  it.each([
    { atecoCode: "garbage", reason: '"garbage" is not an ATECO 2007 code' },
    { atecoCode: "", reason: '"" is not an ATECO 2007 code' },
    { atecoCode: "C13", reason: '"C13" is not an ATECO 2007 code' },
    { atecoCode: "04.10", reason: "ATECO 2007 has no division 04" },
    { atecoCode: "35", reason: "no CNDCEC sector group covers ATECO 35 as a whole" },
    { atecoCode: "35.1", reason: "no CNDCEC sector group covers ATECO 35.1 as a whole" },
    { atecoCode: "D", reason: "no CNDCEC sector group covers ATECO D as a whole" },
    { atecoCode: "F", reason: "no CNDCEC sector group covers ATECO F as a whole" },
    { atecoCode: "G", reason: "no CNDCEC sector group covers ATECO G as a whole" },
    { atecoCode: "I", reason: "no CNDCEC sector group covers ATECO I as a whole" },
  ])("reports not mapped for $atecoCode", ({ atecoCode, reason }) => {
    const mapping = mapCndcecGroup(atecoCode, sectionOf, table);
    expect(mapping.status).toBe("not_mapped");
    expect(mapping).toHaveProperty("reason", expect.stringContaining(reason));
  });

  it.each([
    {
      condition: "a class row beats its division row",
      table: [
        { atecoPrefix: "13", group: 2 },
        { atecoPrefix: "13.20", group: 9 },
      ],
      group: 9,
    },
    {
      condition: "a division row beats its section row",
      table: [
        { atecoPrefix: "13", group: 4 },
        { atecoPrefix: "C", group: 2 },
      ],
      group: 4,
    },
    {
      condition: "a group row beats its division row",
      table: [
        { atecoPrefix: "13.2", group: 5 },
        { atecoPrefix: "13", group: 2 },
      ],
      group: 5,
    },
  ])("lets the most specific row win when $condition", ({ table: customTable, group }) => {
    expect(mapCndcecGroup("13.20.00", sectionOf, customTable)).toEqual({ status: "mapped", group });
  });

  it("throws when a table row holds neither a section letter nor a dotted code", () => {
    expect(() => mapCndcecGroup("13", sectionOf, [{ atecoPrefix: "1320", group: 2 }])).toThrow(
      "CNDCEC sector table",
    );
  });

  it("maps every ATECO 2007 class to a group or to no benchmark with the shipped table", () => {
    const classes = atecoRecords
      .filter((record) => record.level === "class")
      .map((record) => record.code ?? "");
    const unmapped = classes.filter((code) => mapCndcecGroup(code, sectionOf, table).status === "not_mapped");
    expect(classes).toHaveLength(615);
    expect(unmapped).toEqual([]);
  });

  it("ships a table without repeated prefixes and with groups 1 to 10 only", () => {
    const prefixes = table.map((row) => row.atecoPrefix);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const groups = new Set(table.flatMap((row) => (row.group === undefined ? [] : [row.group])));
    expect([...groups].sort((left, right) => left - right)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});
