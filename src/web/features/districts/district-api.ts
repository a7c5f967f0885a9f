import { z } from "zod";
import { FollowListSchema } from "../../../contracts/detection.ts";
import {
  type DistrictDashboard,
  DistrictDashboardSchema,
  type DistrictList,
  DistrictListSchema,
} from "../../../contracts/district-dashboard.ts";
import { apiRequest } from "../../api-client.ts";

/** The signed-in list (`scope`) or the public one with disclosure control. */
export function getDistrictList(audience: "scope" | "public"): Promise<DistrictList> {
  return apiRequest(audience === "public" ? "/api/public/districts" : "/api/districts", DistrictListSchema);
}

export function getDistrictDashboard(
  districtCode: string,
  audience: "scope" | "public",
): Promise<DistrictDashboard> {
  const code = encodeURIComponent(districtCode);
  return apiRequest(
    audience === "public" ? `/api/public/districts/${code}/dashboard` : `/api/districts/${code}/dashboard`,
    DistrictDashboardSchema,
  );
}

export async function isFollowingDistrict(districtCode: string): Promise<boolean> {
  const follows = await apiRequest("/api/me/follows", FollowListSchema);
  return follows.districts.some((district) => district.districtCode === districtCode);
}

export function setDistrictFollowed(districtCode: string, isFollowed: boolean): Promise<unknown> {
  return apiRequest(`/api/me/follows/districts/${encodeURIComponent(districtCode)}`, z.unknown(), {
    method: isFollowed ? "PUT" : "DELETE",
  });
}

export function districtReportUrl(districtCode: string, language: "it" | "en"): string {
  return `/api/districts/${encodeURIComponent(districtCode)}/report.pdf?lang=${language}`;
}
