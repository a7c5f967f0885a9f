import {
  alertLevels,
  type DetectionAlertLevel,
  type DetectionFilters,
  type DetectionFiltersInput,
  DetectionFiltersSchema,
  type DetectionSort,
  type DistressModelId,
} from "../../../contracts/detection.ts";
import type { CompanyListQuery } from "../../../contracts/registry.ts";

type SizeClass = NonNullable<CompanyListQuery["sizeClass"]>;

/** The detection list's filters as the screen keeps them (and the address bar carries them). */
export type DetectionFilterState = {
  year: number | undefined;
  territory: string;
  district: string;
  sector: string;
  sizeClass: SizeClass | undefined;
  alertLevels: DetectionAlertLevel[];
  model: DistressModelId | undefined;
  isFirstAlertOnly: boolean;
  isDeterioratingOnly: boolean;
  isFollowedOnly: boolean;
  sort: DetectionSort;
};

export const defaultDetectionSort: DetectionSort = "severity";

const fields = DetectionFiltersSchema.shape;

/** The screen's state from filters in the contract's shape (a saved view, or the address parsed). */
export function fromDetectionFilters(filters: DetectionFilters): DetectionFilterState {
  return {
    year: filters.year,
    territory: filters.territory ?? "",
    district: filters.district ?? "",
    sector: filters.sector ?? "",
    sizeClass: filters.sizeClass,
    alertLevels: alertLevels.filter((level) => filters.alertLevel?.includes(level)),
    model: filters.model,
    isFirstAlertOnly: filters.firstAlert === true,
    isDeterioratingOnly: filters.deteriorating === true,
    isFollowedOnly: filters.followedByMe === true,
    sort: filters.sort,
  };
}

/**
 * Reads the filters from a query string with the list's own contract; a value that cannot be right
 * is dropped rather than sent (a bookmark from an older version still opens).
 */
export function readDetectionFilters(parameters: URLSearchParams): DetectionFilterState {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(fields)) {
    const values = parameters.getAll(key);
    if (values.length > 0) raw[key] = values.length === 1 ? values[0] : values;
  }
  // Each failed field is dropped and the rest parsed again: one bad value does not empty the others.
  for (let attempt = 0; attempt <= Object.keys(fields).length; attempt++) {
    const parsed = DetectionFiltersSchema.safeParse(raw);
    if (parsed.success) return fromDetectionFilters(parsed.data);
    for (const issue of parsed.error.issues) delete raw[String(issue.path[0])];
  }
  return fromDetectionFilters(DetectionFiltersSchema.parse({}));
}

/** The filters in the contract's input shape: for saving a view, or as query parameters. */
export function toDetectionFilters(state: DetectionFilterState): DetectionFiltersInput {
  const filters: DetectionFiltersInput = {};
  if (state.year !== undefined) filters.year = state.year;
  if (state.territory) filters.territory = state.territory;
  if (state.district) filters.district = state.district;
  if (state.sector) filters.sector = state.sector;
  if (state.sizeClass) filters.sizeClass = state.sizeClass;
  if (state.alertLevels.length > 0) filters.alertLevel = [...state.alertLevels];
  if (state.model) filters.model = state.model;
  if (state.isFirstAlertOnly) filters.firstAlert = true;
  if (state.isDeterioratingOnly) filters.deteriorating = true;
  if (state.isFollowedOnly) filters.followedByMe = true;
  if (state.sort !== defaultDetectionSort) filters.sort = state.sort;
  return filters;
}

/** The query string of the filters, leaving out empty values and the default order. */
export function writeDetectionFilters(state: DetectionFilterState): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(toDetectionFilters(state))) {
    parameters.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  return parameters;
}

/** The API address of one page of the list. */
export function buildDetectionListPath(
  state: DetectionFilterState,
  page: { after?: string | undefined; limit: number },
): string {
  const parameters = writeDetectionFilters(state);
  if (page.after) parameters.set("after", page.after);
  parameters.set("limit", String(page.limit));
  return `/api/early-warning/companies?${parameters.toString()}`;
}

/** The download address of the whole filtered list. */
export function buildDetectionExportPath(
  state: DetectionFilterState,
  format: "csv" | "xlsx",
  language: "it" | "en",
): string {
  const parameters = writeDetectionFilters(state);
  parameters.set("format", format);
  parameters.set("lang", language);
  return `/api/early-warning/companies/export?${parameters.toString()}`;
}

/** The address of the exact count of the companies the filters match. */
export function buildDetectionCountPath(state: DetectionFilterState): string {
  return `/api/early-warning/companies/count?${writeDetectionFilters(state).toString()}`;
}

export type ExportAvailability = "available" | "counting" | "too_many" | "unavailable";

/**
 * Whether the filtered list may be downloaded: it has rows and at most `cap` of them. The list counts up
 * to a bound; past it the exact count (asked separately, undefined while it is on its way, null when it
 * could not be had) decides — without one the download is offered and the server has the last word.
 */
export function decideExportAvailability(
  list: { status: "loading" | "ready" | "error"; total: number; isTotalExact: boolean },
  exactTotal: number | null | undefined,
  cap: number,
): ExportAvailability {
  if (list.status !== "ready" || list.total === 0) return "unavailable";
  if (list.isTotalExact) return list.total > cap ? "too_many" : "available";
  if (exactTotal === undefined) return "counting";
  return exactTotal !== null && exactTotal > cap ? "too_many" : "available";
}

/** Whether any filter narrows the list (the order does not). */
export function hasDetectionFilters(state: DetectionFilterState): boolean {
  const { sort: _sort, ...filters } = toDetectionFilters(state);
  return Object.keys(filters).length > 0;
}

/** No filter at all, keeping the chosen order. */
export function clearDetectionFilters(state: DetectionFilterState): DetectionFilterState {
  return { ...readDetectionFilters(new URLSearchParams()), sort: state.sort };
}
