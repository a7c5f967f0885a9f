import type { RouteObject } from "react-router";
import "./districts.css";

// The district screens load ECharts and the map outlines: they are split from the main bundle.
const listPage = (audience: "scope" | "public") => async () => {
  const { DistrictListPage } = await import("./district-list-page.tsx");
  return { element: <DistrictListPage audience={audience} /> };
};
const dashboardPage = (audience: "scope" | "public") => async () => {
  const { DistrictDashboardPage } = await import("./district-dashboard-page.tsx");
  return { element: <DistrictDashboardPage audience={audience} /> };
};

/** Mounted under /districts for signed-in users. */
export const districtRoutes: RouteObject[] = [
  { index: true, lazy: listPage("scope") },
  { path: ":districtCode", lazy: dashboardPage("scope") },
];

/** Mounted under /public/districts, without sign-in: aggregates under disclosure control. */
export const publicDistrictRoutes: RouteObject[] = [
  { index: true, lazy: listPage("public") },
  { path: ":districtCode", lazy: dashboardPage("public") },
];
