import { describe, expect, it } from "vitest";
import { smeThresholds2003 } from "./classify-size.ts";
import { type CompanyLookups, normaliseCompany } from "./normalise-company.ts";
import { mapCompanyColumns, planCompanyImport } from "./plan-company-import.ts";

const testLookups: CompanyLookups = {
  isKnownCountry: (code) => ["IT", "PT", "ES"].includes(code),
  isKnownSector: (code) => ["13.20", "13.20.00", "25.73", "13"].includes(code),
  municipality: (code) =>
    ({
      "100005": { nuts3Code: "ITI15", districtCodes: ["prato-tessile"] },
      "017096": { nuts3Code: "ITC47", districtCodes: ["lumezzane-metalli"] },
      "048017": { nuts3Code: "ITI14", districtCodes: [] },
    })[code],
  district: (code) =>
    ({ "prato-tessile": { countryCode: "IT" }, "ave-texteis": { countryCode: "PT" } })[code],
  isKnownNuts3: (code) => ["ITI15", "ITC47", "ITI14", "PT119"].includes(code),
  sizeThresholds: smeThresholds2003,
};

// 02353550391 is the partita IVA of PUCCI S.R.L. (shared/fixtures/xbrl), valid check digit.
const valid = {
  countryCode: "it",
  taxCode: "IT 02353550391",
  name: "  Pucci S.r.l. ",
  legalForm: "SOCIETA' A RESPONSABILITA' LIMITATA",
};

describe(normaliseCompany, () => {
  it("normalises a valid Italian company and places it by its municipality", () => {
    expect(
      normaliseCompany(
        { ...valid, atecoCode: "132000", municipalityCode: "100005", headcount: "12" },
        testLookups,
      ),
    ).toEqual({
      company: {
        countryCode: "IT",
        taxCode: "02353550391",
        name: "Pucci S.r.l.",
        legalForm: "srl",
        atecoCode: "13.20.00",
        address: null,
        municipalityCode: "100005",
        nuts3Code: "ITI15",
        districtCode: "prato-tessile",
        districtSource: "municipality",
        headcount: 12,
        sizeClass: "small",
      },
    });
  });

  it("leaves a company whose municipality is in no district unplaced", () => {
    const result = normaliseCompany({ ...valid, municipalityCode: "048017" }, testLookups);
    expect(result).toMatchObject({
      company: { nuts3Code: "ITI14", districtCode: null, districtSource: null, sizeClass: "unknown" },
    });
  });

  it.each([
    [{ taxCode: "02353550392" }, "taxCode", "fails its check digit"],
    [{ taxCode: "123" }, "taxCode", "wrong length"],
    [{ name: " " }, "name", "is required"],
    [{ countryCode: "FR" }, "countryCode", "not a partner country"],
    [{ atecoCode: "99.99.99" }, "atecoCode", "not in ATECO 2007"],
    [{ atecoCode: "textiles" }, "atecoCode", "not an ATECO 2007 code"],
    [{ municipalityCode: "999999" }, "municipalityCode", "no Italian municipality"],
    [{ municipalityCode: "100005", nuts3Code: "ITC47" }, "nuts3Code", "lies in ITI15"],
    [{ districtCode: "ave-texteis" }, "districtCode", "the district is in PT"],
    [{ districtCode: "nowhere" }, "districtCode", "no district"],
    [{ headcount: "12.5" }, "headcount", "whole number"],
    [{ headcount: -1 }, "headcount", "whole number"],
  ] as const)("reports %o as a problem with %s", (change, field, message) => {
    const result = normaliseCompany({ ...valid, ...change }, testLookups);
    expect(
      "problems" in result && result.problems.find((problem) => problem.field === field)?.message,
    ).toContain(message);
  });
});

describe(planCompanyImport, () => {
  const headers = ["Paese", "Codice fiscale", "Ragione sociale", "Forma giuridica", "Addetti", "Colour"];

  it("maps Italian and English headers and names the ones it does not know", () => {
    const mapping = mapCompanyColumns(headers);
    expect([...mapping.fieldByHeader.values()]).toEqual([
      "countryCode",
      "taxCode",
      "name",
      "legalForm",
      "headcount",
    ]);
    expect(mapping.unknownHeaders).toEqual(["Colour"]);
    expect(mapCompanyColumns(["name"]).missingFields).toEqual(["countryCode", "taxCode"]);
  });

  it("marks rows create, update, unchanged and error, with duplicates refused", () => {
    const { fieldByHeader } = mapCompanyColumns(headers);
    const record = (taxCode: string, name: string, headcount = "3") => ({
      Paese: "IT",
      "Codice fiscale": taxCode,
      "Ragione sociale": name,
      "Forma giuridica": "srl",
      Addetti: headcount,
      Colour: "blue",
    });
    const existing = new Map([
      [
        "IT:02353550391",
        {
          id: "a",
          countryCode: "IT",
          taxCode: "02353550391",
          name: "Pucci S.r.l.",
          legalForm: "srl" as const,
          atecoCode: null,
          address: null,
          municipalityCode: null,
          nuts3Code: null,
          districtCode: null,
          districtSource: null,
          headcount: 3,
        },
      ],
      [
        "IT:03072020211",
        {
          id: "b",
          countryCode: "IT",
          taxCode: "03072020211",
          name: "Animeshon",
          legalForm: "srl" as const,
          atecoCode: null,
          address: null,
          municipalityCode: null,
          nuts3Code: null,
          districtCode: null,
          districtSource: null,
          headcount: 1,
        },
      ],
    ]);
    const plan = planCompanyImport(
      [
        record("02353550391", "Pucci S.r.l."),
        record("03072020211", "Animeshon S.r.l."),
        record("01234567897", "Nuova Tessitura"),
        record("01234567897", "Copia"),
        record("01234567890", "Errata"),
      ],
      fieldByHeader,
      existing,
      testLookups,
    );
    expect(plan.map((row) => [row.row, row.outcome])).toEqual([
      [2, "unchanged"],
      [3, "update"],
      [4, "create"],
      [5, "error"],
      [6, "error"],
    ]);
    expect(plan[1]?.messages).toEqual(["changes: name, headcount"]);
    expect(plan[3]?.messages).toEqual(["taxCode: 01234567897 already appears on line 4"]);
  });
});
