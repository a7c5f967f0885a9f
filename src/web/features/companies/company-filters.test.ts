import { describe, expect, it } from "vitest";
import {
  buildCompanyListPath,
  clearFilters,
  findActiveFilters,
  readCompanyFilters,
  withoutFilter,
  writeCompanyFilters,
} from "./company-filters.ts";

const read = (query: string) => readCompanyFilters(new URLSearchParams(query));

describe(readCompanyFilters, () => {
  it("reads every filter from the address bar", () => {
    expect(
      read(
        "q=lanifico&territory=prato-tessile&section=C&division=13&size=small&placement=not_placed&sort=-headcount",
      ),
    ).toEqual({
      search: "lanifico",
      territory: "prato-tessile",
      section: "C",
      division: "13",
      sizeClass: "small",
      isNotPlacedOnly: true,
      sort: "-headcount",
    });
  });

  it("drops values that cannot be right instead of sending them", () => {
    expect(read("section=13&division=1&size=huge&sort=revenue&territory=a b")).toEqual(read(""));
  });

  it("ignores a division without its section", () => {
    expect(read("division=13").division).toBe("");
  });
});

describe(writeCompanyFilters, () => {
  it("leaves out empty filters and the default sort", () => {
    expect(writeCompanyFilters(read("section=C&sort=name")).toString()).toBe("section=C");
  });

  it("reads back what it writes", () => {
    const filters = read(
      "q=rossi&territory=IT&section=C&division=14&size=micro&placement=not_placed&sort=-name",
    );
    expect(readCompanyFilters(writeCompanyFilters(filters))).toEqual(filters);
  });
});

describe(buildCompanyListPath, () => {
  it("sends the division as the sector, and the cursor", () => {
    expect(buildCompanyListPath(read("section=C&division=13&size=medium"), { after: "abc", limit: 50 })).toBe(
      "/api/companies?sector=13&sizeClass=medium&sort=name&after=abc&limit=50",
    );
  });

  it("sends the section when no division is chosen", () => {
    expect(buildCompanyListPath(read("section=C&sort=-headcount"), { limit: 25 })).toBe(
      "/api/companies?sector=C&sort=-headcount&limit=25",
    );
  });

  it("leaves the sort to likeness while searching", () => {
    expect(buildCompanyListPath(read("q=lanifico&sort=-name&placement=not_placed"), { limit: 50 })).toBe(
      "/api/companies?q=lanifico&placement=not_placed&limit=50",
    );
  });
});

describe(findActiveFilters, () => {
  it("names the filters that narrow the list, not the sort", () => {
    expect(findActiveFilters(read("q=x&section=C&placement=not_placed&sort=-name"))).toEqual([
      "search",
      "sector",
      "placement",
    ]);
  });

  it("drops one filter, or all of them keeping the sort", () => {
    const filters = read("q=x&section=C&division=13&sort=-name");
    expect(withoutFilter(filters, "sector")).toEqual(read("q=x&sort=-name"));
    expect(clearFilters(filters)).toEqual(read("sort=-name"));
  });
});
