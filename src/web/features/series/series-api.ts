import type { z } from "zod";
import {
  DistrictAlarmListSchema,
  DistrictSeriesDetailSchema,
  DistrictSeriesListSchema,
  ImportProfileListSchema,
  type ImportProfileMappingSchema,
  ImportProfileSchema,
  SeriesImportReportSchema,
  SeriesPreviewSchema,
} from "../../../contracts/district-series.ts";
import { TerritoryListSchema } from "../../../contracts/territories.ts";
import { apiRequest } from "../../api-client.ts";

export type ImportProfileMappingInput = z.input<typeof ImportProfileMappingSchema>;

/** A file read in the browser, ready to send as base64 JSON (as statement imports do). */
export type SeriesFile = { name: string; size: number; contentBase64: string };

export async function readSeriesFile(file: File): Promise<SeriesFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return { name: file.name, size: file.size, contentBase64: btoa(binary) };
}

export const seriesApi = {
  districts: () => apiRequest("/api/territories?kind=district", TerritoryListSchema),
  list: (districtCode: string | undefined, offset = 0) =>
    apiRequest(
      `/api/district-series?limit=100&offset=${offset}${districtCode ? `&district=${encodeURIComponent(districtCode)}` : ""}`,
      DistrictSeriesListSchema,
    ),
  detail: (seriesId: string) =>
    apiRequest(`/api/district-series/${encodeURIComponent(seriesId)}`, DistrictSeriesDetailSchema),
  alarms: (districtCode: string) =>
    apiRequest(`/api/districts/${encodeURIComponent(districtCode)}/alarms`, DistrictAlarmListSchema),
  profiles: () => apiRequest("/api/district-series/profiles", ImportProfileListSchema),
  createProfile: (input: { name: string; mapping: ImportProfileMappingInput }) =>
    apiRequest("/api/district-series/profiles", ImportProfileSchema, { method: "POST", body: input }),
  preview: (file: SeriesFile, choice: { profileName?: string; mapping?: ImportProfileMappingInput }) =>
    apiRequest("/api/district-series/imports/preview", SeriesPreviewSchema, {
      method: "POST",
      body: { fileName: file.name, contentBase64: file.contentBase64, ...choice },
    }),
  importFile: (file: SeriesFile, profileName: string | undefined) =>
    apiRequest("/api/district-series/imports", SeriesImportReportSchema, {
      method: "POST",
      body: {
        fileName: file.name,
        contentBase64: file.contentBase64,
        ...(profileName ? { profileName } : {}),
      },
    }),
};
