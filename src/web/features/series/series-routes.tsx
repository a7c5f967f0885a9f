import type { RouteObject } from "react-router";
import { SeriesListPage } from "./series-list-page.tsx";
import "./series.css";

/** The district-series screens, mounted under /series for signed-in users. */
export const seriesRoutes: RouteObject[] = [
  { index: true, element: <SeriesListPage /> },
  // The detail page draws its chart with ECharts: it is split from the main bundle.
  {
    path: ":seriesId",
    lazy: async () => {
      const { SeriesDetailPage } = await import("./series-detail-page.tsx");
      return { element: <SeriesDetailPage /> };
    },
  },
];
