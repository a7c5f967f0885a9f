import type { RouteObject } from "react-router";
import { RequireAuth } from "../../components/require-auth.tsx";
import { lazyPage } from "../../lazy-page.ts";
import { CompanyCreatePage, CompanyEditPage } from "./company-form-page.tsx";
import { CompanyImportPage } from "./company-import-page.tsx";
import { editorRoles } from "./company-labels.ts";
import { CompanyListPage } from "./company-list-page.tsx";
import { CompanyPage } from "./company-page.tsx";
import { StatementImportPage } from "./statement-import-page.tsx";
import "./companies.css";
import "./company-detail.css";
import "./company-import.css";

/** The company screens, mounted under /companies for signed-in users; editing is for editors. */
export const companyRoutes: RouteObject[] = [
  { index: true, element: <CompanyListPage /> },
  {
    element: <RequireAuth roles={[...editorRoles]} />,
    children: [
      { path: "new", element: <CompanyCreatePage /> },
      { path: "import", element: <CompanyImportPage /> },
      { path: "import-statements", element: <StatementImportPage /> },
      { path: ":companyId/edit", element: <CompanyEditPage /> },
    ],
  },
  { path: ":companyId", element: <CompanyPage /> },
  // The risk page draws its charts with ECharts: it is split from the main bundle.
  {
    path: ":companyId/risk",
    lazy: lazyPage(() => import("../risk/risk-page.tsx").then((m) => <m.CompanyRiskPage />)),
  },
];
