import type { RouteObject } from "react-router";
import { CompanyPage } from "./company-page.tsx";

/** The company screens, mounted under /companies for signed-in users. */
export const companyRoutes: RouteObject[] = [{ path: ":companyId", element: <CompanyPage /> }];
