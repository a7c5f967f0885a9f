import { describe, expect, it } from "vitest";
import type { CompanyIdentity } from "../../../contracts/companies.ts";
import { ApiError } from "../../api-client.ts";
import {
  checkCompanyForm,
  companyFormValuesFrom,
  emptyCompanyFormValues,
  problemsFromServer,
  toCompanyInput,
} from "./company-form-values.ts";

const company: CompanyIdentity = {
  id: "7b0c1f0e-3c36-4b8e-9f39-2b9f7b6f0c11",
  countryCode: "IT",
  taxCode: "01234567897",
  name: "Lanificio Esempio S.r.l.",
  legalForm: "srl",
  atecoCode: "13.20.00",
  address: "Via Roma 1",
  municipalityCode: "100005",
  nuts3Code: "ITI15",
  districtCode: "prato-tessile",
  districtSource: "municipality",
  districtNameIt: "Distretto tessile di Prato",
  districtNameEn: "Prato textile district",
  municipalityName: "Prato",
  sectorTitleIt: "Tessitura",
  sectorTitleEn: null,
  headcount: 12,
  sizeClass: "small",
  access: "territorial_scope",
};

describe(toCompanyInput, () => {
  it("sends the municipality, not the region it decides, and no district it decides", () => {
    expect(toCompanyInput(companyFormValuesFrom(company))).toEqual({
      countryCode: "IT",
      taxCode: "01234567897",
      name: "Lanificio Esempio S.r.l.",
      legalForm: "srl",
      atecoCode: "13.20.00",
      address: "Via Roma 1",
      municipalityCode: "100005",
      headcount: 12,
    });
  });

  it("keeps a district chosen by hand, and sends the region outside Italy", () => {
    const values = companyFormValuesFrom({
      ...company,
      countryCode: "PT",
      municipalityCode: null,
      municipalityName: null,
      nuts3Code: "PT119",
      districtCode: "ave-texteis",
      districtSource: "manual",
    });
    expect(toCompanyInput(values)).toMatchObject({ nuts3Code: "PT119", districtCode: "ave-texteis" });
    expect(toCompanyInput(values)).not.toHaveProperty("municipalityCode");
  });

  it("leaves empty values out", () => {
    const values = { ...emptyCompanyFormValues(), taxCode: " 01234567897 ", name: "Rossi", legalForm: "spa" };
    expect(toCompanyInput(values)).toEqual({
      countryCode: "IT",
      taxCode: "01234567897",
      name: "Rossi",
      legalForm: "spa",
    });
  });
});

describe(checkCompanyForm, () => {
  it("tells a mistyped partita IVA, a missing name and legal form, and a headcount that is no number", () => {
    const values = { ...emptyCompanyFormValues(), taxCode: "01234567890", headcount: "12,5" };
    expect(checkCompanyForm(values)).toEqual({
      taxCode: "bad_check_digit",
      name: "required",
      legalForm: "required",
      headcount: "invalid",
    });
  });

  it("asks to choose the municipality from the suggestions when it was only typed", () => {
    const values = { ...companyFormValuesFrom(company), municipality: undefined, municipalityText: "Prat" };
    expect(checkCompanyForm(values)).toEqual({ municipalityCode: "notChosen" });
  });

  it("accepts a complete company", () => {
    expect(checkCompanyForm(companyFormValuesFrom(company))).toEqual({});
  });
});

describe(problemsFromServer, () => {
  it("turns the server's fields into the form's messages, a taken tax code into a conflict", () => {
    const conflict = new ApiError("http", "IT 01234567897 is already registered", 409, "conflict", [
      { path: "body.taxCode", message: "already registered" },
    ]);
    expect(problemsFromServer(conflict, companyFormValuesFrom(company))).toEqual({ taxCode: "conflict" });
    const invalid = new ApiError("http", "invalid", 400, "validation_failed", [
      { path: "body.atecoCode", message: "99.99 is not in ATECO 2007" },
      { path: "body.name", message: "is required" },
    ]);
    expect(problemsFromServer(invalid, companyFormValuesFrom(company))).toEqual({
      atecoCode: "invalid",
      name: "required",
    });
  });
});
