import type { RouteObject } from "react-router";
import { SeriesDetailPage } from "./series-detail-page.tsx";
import { SeriesListPage } from "./series-list-page.tsx";
import "./series.css";

/** The district-series screens, mounted under /series for signed-in users. */
export const seriesRoutes: RouteObject[] = [
  { index: true, element: <SeriesListPage /> },
  { path: ":seriesId", element: <SeriesDetailPage /> },
];
