import type { RouteObject } from "react-router";
import { lazyPage } from "../../lazy-page.ts";
import { SeriesListPage } from "./series-list-page.tsx";
import "./series.css";

/** The district-series screens, mounted under /series for signed-in users. */
export const seriesRoutes: RouteObject[] = [
  { index: true, element: <SeriesListPage /> },
  // The detail page draws its chart with ECharts: it is split from the main bundle.
  {
    path: ":seriesId",
    lazy: lazyPage(() => import("./series-detail-page.tsx").then((m) => <m.SeriesDetailPage />)),
  },
];
