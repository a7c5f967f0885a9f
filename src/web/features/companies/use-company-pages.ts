import { type CompanyListItem, CompanyPageSchema } from "../../../contracts/registry.ts";
import { apiRequest } from "../../api-client.ts";
import { useKeysetPages } from "../../use-keyset-pages.ts";
import { buildCompanyListPath, type CompanyFilters, writeCompanyFilters } from "./company-filters.ts";

/**
 * The register read page by page with the server's keyset cursor ("Load more"). It starts over
 * whenever the filters change, and ignores answers that arrive for older filters.
 */
export function useCompanyPages(filters: CompanyFilters, pageSize: number) {
  return useKeysetPages<CompanyListItem>(
    writeCompanyFilters(filters).toString(),
    (page) => apiRequest(buildCompanyListPath(filters, page), CompanyPageSchema),
    pageSize,
  );
}
