import { describe, expect, it } from "vitest";
import { CompanyIdentitySchema } from "../../../contracts/companies.ts";
import { CompanySortSchema, ImportRowReportSchema, SizeClassSchema } from "../../../contracts/registry.ts";
import companiesEn from "../../i18n/locales/companies.en.json";
import companiesIt from "../../i18n/locales/companies.it.json";
import { companyFormFields } from "./company-form-values.ts";

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, path: string): unknown {
  return path.split(".").reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree);
}

const screens: [string, Tree][] = [
  ["it", companiesIt],
  ["en", companiesEn],
];

// These labels are looked up from enum values at run time; a new value must not show up as a raw key.
describe.each(screens)("company screen labels (%s)", (_locale, messages) => {
  const expectText = (path: string) => expect(typeof lookup(messages, path), path).toBe("string");

  it("name every size class, sort, access and district source", () => {
    for (const size of SizeClassSchema.options) expectText(`sizeClasses.${size}`);
    for (const sort of CompanySortSchema.options) expectText(`list.sortOptions.${sort}`);
    for (const access of CompanyIdentitySchema.shape.access.options) expectText(`page.access.${access}`);
    for (const source of ["municipality", "manual"]) expectText(`page.districtSource.${source}`);
  });

  it("name every import outcome, count and field of a row message", () => {
    for (const outcome of ImportRowReportSchema.shape.outcome.options) {
      expectText(`import.outcomes.${outcome}`);
      expectText(`import.counts.planned.${outcome}`);
      expectText(`import.counts.done.${outcome}`);
    }
    for (const field of [...companyFormFields, "districtSource"]) expectText(`import.fieldNames.${field}`);
    for (const problem of ["tooLarge", "empty", "spreadsheet", "unreadable"])
      expectText(`import.problems.${problem}`);
  });

  it("have a message for every problem the form can report", () => {
    for (const reason of [
      "empty",
      "wrong_length",
      "bad_characters",
      "bad_check_digit",
      "conflict",
      "invalid",
    ])
      expectText(`form.errors.taxCode.${reason}`);
    for (const field of companyFormFields) {
      if (field === "taxCode") continue;
      const problems = field === "name" || field === "legalForm" ? ["required"] : ["invalid"];
      if (field === "municipalityCode") problems.push("notChosen");
      for (const problem of problems) expectText(`form.errors.${field}.${problem}`);
    }
  });
});
