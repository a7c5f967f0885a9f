import type { RouteObject } from "react-router";
import { lazyPage } from "../../lazy-page.ts";
import "./districts.css";

// The district screens load ECharts and the map outlines: they are split from the main bundle.
const listPage = (audience: "scope" | "public") =>
  lazyPage(() => import("./district-list-page.tsx").then((m) => <m.DistrictListPage audience={audience} />));
const dashboardPage = (audience: "scope" | "public") =>
  lazyPage(() =>
    import("./district-dashboard-page.tsx").then((m) => <m.DistrictDashboardPage audience={audience} />),
  );

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
