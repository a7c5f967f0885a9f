import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter, RouterProvider } from "react-router";
import { AuthProvider } from "./auth/auth-context.tsx";
import { Layout } from "./components/layout.tsx";
import { RequireAuth } from "./components/require-auth.tsx";
import { AccountPage } from "./features/account/account-page.tsx";
import { adminRoutes } from "./features/admin/admin-routes.tsx";
import { ForgotPasswordPage } from "./features/auth/forgot-password-page.tsx";
import { LoginPage } from "./features/auth/login-page.tsx";
import { SetPasswordPage } from "./features/auth/set-password-page.tsx";
import { companyRoutes } from "./features/companies/company-routes.tsx";
import { EarlyWarningPage } from "./features/detection/early-warning-page.tsx";
import { districtRoutes, publicDistrictRoutes } from "./features/districts/district-routes.tsx";
import { NotificationCentrePage } from "./features/notifications/notification-centre-page.tsx";
import { seriesRoutes } from "./features/series/series-routes.tsx";
import { initialiseI18n } from "./i18n/i18n.ts";
import { HomePage } from "./routes/home.tsx";
import { NotFoundPage } from "./routes/not-found.tsx";
import "./styles.css";

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "forgot-password", element: <ForgotPasswordPage /> },
      { path: "reset-password", element: <SetPasswordPage purpose="reset" /> },
      { path: "accept-invitation", element: <SetPasswordPage purpose="invitation" /> },
      {
        path: "account",
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      { path: "companies", element: <RequireAuth />, children: companyRoutes },
      { path: "districts", element: <RequireAuth />, children: districtRoutes },
      { path: "public/districts", children: publicDistrictRoutes },
      { path: "series", element: <RequireAuth />, children: seriesRoutes },
      {
        path: "early-warning",
        element: (
          <RequireAuth>
            <EarlyWarningPage />
          </RequireAuth>
        ),
      },
      {
        path: "notifications",
        element: (
          <RequireAuth>
            <NotificationCentrePage />
          </RequireAuth>
        ),
      },
      {
        path: "admin",
        element: <RequireAuth roles={["administrator"]} />,
        children: adminRoutes,
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("The page has no #root element.");

await initialiseI18n();
createRoot(rootElement).render(
  <StrictMode>
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  </StrictMode>,
);
