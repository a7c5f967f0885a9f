import { describe, expect, it } from "vitest";
import { DetectionFiltersSchema } from "../../../contracts/detection.ts";
import {
  buildDetectionCountPath,
  buildDetectionExportPath,
  buildDetectionListPath,
  clearDetectionFilters,
  decideExportAvailability,
  fromDetectionFilters,
  hasDetectionFilters,
  readDetectionFilters,
  toDetectionFilters,
  writeDetectionFilters,
} from "./detection-filters.ts";

describe(readDetectionFilters, () => {
  it("reads the dashboard's link", () => {
    const state = readDetectionFilters(
      new URLSearchParams("district=prato-tessile&sector=13&deteriorating=true"),
    );
    expect(state).toMatchObject({
      district: "prato-tessile",
      sector: "13",
      isDeterioratingOnly: true,
      isFirstAlertOnly: false,
      alertLevels: [],
      sort: "severity",
    });
  });

  it.each<[string, Record<string, unknown>]>([
    ["alertLevel=orange,red", { alertLevels: ["red", "orange"] }],
    ["alertLevel=red&alertLevel=grey", { alertLevels: ["red", "grey"] }],
    ["alertLevel=purple", { alertLevels: [] }],
    ["year=2023", { year: 2023 }],
    ["year=soon", { year: undefined }],
    ["sort=-revenue", { sort: "-revenue" }],
    ["sort=random", { sort: "severity" }],
    ["sector=textiles", { sector: "" }],
    ["sizeClass=huge", { sizeClass: undefined }],
    [
      "model=zmijewski&firstAlert=true&followedByMe=true",
      { model: "zmijewski", isFirstAlertOnly: true, isFollowedOnly: true },
    ],
  ])("reads %s, dropping values that cannot be right", (query, expected) => {
    expect(readDetectionFilters(new URLSearchParams(query))).toMatchObject(expected);
  });
});

describe(writeDetectionFilters, () => {
  it.each([
    "district=prato-tessile&sector=13&deteriorating=true",
    "year=2024&territory=ITI15&alertLevel=red%2Corange&model=springate&firstAlert=true&followedByMe=true&sort=name",
    "",
  ])("writes back what it read: %s", (query) => {
    expect(writeDetectionFilters(readDetectionFilters(new URLSearchParams(query))).toString()).toBe(query);
  });
});

describe(toDetectionFilters, () => {
  it("gives filters the contract accepts and that read back the same (saved views)", () => {
    const state = readDetectionFilters(
      new URLSearchParams("alertLevel=red,orange&deteriorating=true&sort=-year"),
    );
    const parsed = DetectionFiltersSchema.parse(toDetectionFilters(state));
    expect(parsed).toEqual({ alertLevel: ["red", "orange"], deteriorating: true, sort: "-year" });
    expect(fromDetectionFilters(parsed)).toEqual(state);
  });
});

describe(buildDetectionListPath, () => {
  it("adds the cursor and the page size", () => {
    const state = readDetectionFilters(new URLSearchParams("alertLevel=red"));
    expect(buildDetectionListPath(state, { after: "abc", limit: 50 })).toBe(
      "/api/early-warning/companies?alertLevel=red&after=abc&limit=50",
    );
    expect(buildDetectionExportPath(state, "xlsx", "it")).toBe(
      "/api/early-warning/companies/export?alertLevel=red&format=xlsx&lang=it",
    );
  });
});

describe(hasDetectionFilters, () => {
  it("ignores the order, and clearing keeps it", () => {
    const sorted = readDetectionFilters(new URLSearchParams("sort=name"));
    expect(hasDetectionFilters(sorted)).toBe(false);
    const filtered = readDetectionFilters(new URLSearchParams("sort=name&deteriorating=true"));
    expect(hasDetectionFilters(filtered)).toBe(true);
    expect(clearDetectionFilters(filtered)).toEqual(sorted);
  });
});

describe(decideExportAvailability, () => {
  const ready = (total: number, isTotalExact = true) => ({ status: "ready" as const, total, isTotalExact });
  it.each([
    [
      "the list is loading",
      { status: "loading" as const, total: 0, isTotalExact: true },
      undefined,
      "unavailable",
    ],
    ["no company matches", ready(0), undefined, "unavailable"],
    ["an exact total within the cap", ready(40), undefined, "available"],
    ["an exact total at the cap", ready(100), undefined, "available"],
    ["an exact total above the cap", ready(101), undefined, "too_many"],
    ["a bounded total, the exact count on its way", ready(50, false), undefined, "counting"],
    ["a bounded total, the exact count within the cap", ready(50, false), 100, "available"],
    ["a bounded total, the exact count above the cap", ready(50, false), 101, "too_many"],
    ["a bounded total, no exact count to be had", ready(50, false), null, "available"],
  ] as const)("%s: %s", (_case, list, exactTotal, expected) => {
    expect(decideExportAvailability(list, exactTotal, 100)).toBe(expected);
  });

  it("asks the count with the list's filters, without paging", () => {
    const state = readDetectionFilters(
      new URLSearchParams("district=prato-tessile&alertLevel=red&sort=name"),
    );
    expect(buildDetectionCountPath(state)).toBe(
      `/api/early-warning/companies/count?${writeDetectionFilters(state).toString()}`,
    );
    expect(buildDetectionCountPath(state)).not.toMatch(/limit=|after=/);
  });
});
