import { type CompanyListQuery, CompanySortSchema, SizeClassSchema } from "../../../contracts/registry.ts";

export type SizeClass = NonNullable<CompanyListQuery["sizeClass"]>;
export type CompanySort = CompanyListQuery["sort"];

/** The register's filters as kept in the address bar, so that a view can be bookmarked. */
export type CompanyFilters = {
  search: string;
  territory: string;
  /** ATECO section letter (A–U). */
  section: string;
  /** ATECO division (two digits) inside the section. */
  division: string;
  sizeClass: SizeClass | undefined;
  isNotPlacedOnly: boolean;
  sort: CompanySort;
};

export type FilterName = "search" | "territory" | "sector" | "sizeClass" | "placement";

export const defaultSort: CompanySort = "name";

const sectionPattern = /^[A-U]$/;
const divisionPattern = /^\d{2}$/;
const territoryPattern = /^[A-Za-z0-9-]{2,40}$/;

/** Reads the filters from the query string; values that cannot be right are dropped, not sent. */
export function readCompanyFilters(parameters: URLSearchParams): CompanyFilters {
  const section = parameters.get("section")?.toUpperCase() ?? "";
  const division = parameters.get("division") ?? "";
  const territory = parameters.get("territory") ?? "";
  return {
    search: (parameters.get("q") ?? "").trim().slice(0, 120),
    territory: territoryPattern.test(territory) ? territory : "",
    section: sectionPattern.test(section) ? section : "",
    division: sectionPattern.test(section) && divisionPattern.test(division) ? division : "",
    sizeClass: SizeClassSchema.safeParse(parameters.get("size")).data,
    isNotPlacedOnly: parameters.get("placement") === "not_placed",
    sort: CompanySortSchema.safeParse(parameters.get("sort")).data ?? defaultSort,
  };
}

/** The query string of the filters, leaving out empty values and the default sort. */
export function writeCompanyFilters(filters: CompanyFilters): URLSearchParams {
  const parameters = new URLSearchParams();
  if (filters.search) parameters.set("q", filters.search);
  if (filters.territory) parameters.set("territory", filters.territory);
  if (filters.section) parameters.set("section", filters.section);
  if (filters.section && filters.division) parameters.set("division", filters.division);
  if (filters.sizeClass) parameters.set("size", filters.sizeClass);
  if (filters.isNotPlacedOnly) parameters.set("placement", "not_placed");
  if (filters.sort !== defaultSort) parameters.set("sort", filters.sort);
  return parameters;
}

/** The API address of one page of the register for these filters. */
export function buildCompanyListPath(
  filters: CompanyFilters,
  page: { after?: string | undefined; limit: number },
): string {
  const parameters = new URLSearchParams();
  if (filters.search) parameters.set("q", filters.search);
  if (filters.territory) parameters.set("territory", filters.territory);
  const sector = filters.division || filters.section;
  if (sector) parameters.set("sector", sector);
  if (filters.sizeClass) parameters.set("sizeClass", filters.sizeClass);
  if (filters.isNotPlacedOnly) parameters.set("placement", "not_placed");
  // A search is ordered by likeness; the sort applies to browsing only.
  if (!filters.search) parameters.set("sort", filters.sort);
  if (page.after) parameters.set("after", page.after);
  parameters.set("limit", String(page.limit));
  return `/api/companies?${parameters.toString()}`;
}

/** The filters that narrow the list, in the order the toolbar shows them. */
export function findActiveFilters(filters: CompanyFilters): FilterName[] {
  const active: FilterName[] = [];
  if (filters.search) active.push("search");
  if (filters.territory) active.push("territory");
  if (filters.section) active.push("sector");
  if (filters.sizeClass) active.push("sizeClass");
  if (filters.isNotPlacedOnly) active.push("placement");
  return active;
}

/** The filters without one of them (the sort is kept). */
export function withoutFilter(filters: CompanyFilters, name: FilterName): CompanyFilters {
  switch (name) {
    case "search":
      return { ...filters, search: "" };
    case "territory":
      return { ...filters, territory: "" };
    case "sector":
      return { ...filters, section: "", division: "" };
    case "sizeClass":
      return { ...filters, sizeClass: undefined };
    case "placement":
      return { ...filters, isNotPlacedOnly: false };
  }
}

/** No filter at all, keeping the chosen sort. */
export function clearFilters(filters: CompanyFilters): CompanyFilters {
  return { ...readCompanyFilters(new URLSearchParams()), sort: filters.sort };
}
