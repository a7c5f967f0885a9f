import { TerritoryListSchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";
import { useApi } from "../../use-api.ts";

/** The partner countries, for the country filters and the district form. */
export function useCountries() {
  return useApi(() => apiRequest("/api/territories?kind=country", TerritoryListSchema));
}
