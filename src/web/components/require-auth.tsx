import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import type { Role } from "../../domain/access/roles.ts";
import { useAuth } from "../auth/auth-context.tsx";
import { NotFoundPage } from "../routes/not-found.tsx";

/**
 * Signed-out visitors go to the sign-in page; users without the role see the not-found page.
 * Without children it guards the nested routes (an <Outlet />).
 */
export function RequireAuth({ roles, children }: { roles?: Role[]; children?: ReactNode }) {
  const auth = useAuth();
  const location = useLocation();
  const { t } = useTranslation();
  if (auth.status === "loading") return <p role="status">{t("common.loading")}</p>;
  if (auth.status === "signed-out") {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (roles && !auth.hasRole(...roles)) return <NotFoundPage />;
  return children ?? <Outlet />;
}
