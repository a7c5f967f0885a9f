import type { RouteObject } from "react-router";
import { lazyPage } from "../../lazy-page.ts";
import "./admin.css";

// The administration screens serve a few users: they load on the first visit to /admin.

/** The administration screens, mounted under /admin behind the administrator role. */
export const adminRoutes: RouteObject[] = [
  { index: true, lazy: lazyPage(() => import("./admin-home-page.tsx").then((m) => <m.AdminHomePage />)) },
  { path: "users", lazy: lazyPage(() => import("./user-list-page.tsx").then((m) => <m.UserListPage />)) },
  {
    path: "users/:userId",
    lazy: lazyPage(() => import("./user-detail-page.tsx").then((m) => <m.UserDetailPage />)),
  },
  {
    path: "territories",
    lazy: lazyPage(() => import("./territory-list-page.tsx").then((m) => <m.TerritoryListPage />)),
  },
  { path: "audit", lazy: lazyPage(() => import("./audit-log-page.tsx").then((m) => <m.AuditLogPage />)) },
  { path: "outbox", lazy: lazyPage(() => import("./outbox-page.tsx").then((m) => <m.OutboxPage />)) },
  {
    path: "partners",
    lazy: lazyPage(() => import("./partner-list-page.tsx").then((m) => <m.PartnerListPage />)),
  },
  { path: "jobs", lazy: lazyPage(() => import("./job-list-page.tsx").then((m) => <m.JobListPage />)) },
];
