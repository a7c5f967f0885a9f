import type { RouteObject } from "react-router";
import { AdminHomePage } from "./admin-home-page.tsx";
import { AuditLogPage } from "./audit-log-page.tsx";
import { JobListPage } from "./job-list-page.tsx";
import { OutboxPage } from "./outbox-page.tsx";
import { PartnerListPage } from "./partner-list-page.tsx";
import { TerritoryListPage } from "./territory-list-page.tsx";
import { UserDetailPage } from "./user-detail-page.tsx";
import { UserListPage } from "./user-list-page.tsx";
import "./admin.css";

/** The administration screens, mounted under /admin behind the administrator role. */
export const adminRoutes: RouteObject[] = [
  { index: true, element: <AdminHomePage /> },
  { path: "users", element: <UserListPage /> },
  { path: "users/:userId", element: <UserDetailPage /> },
  { path: "territories", element: <TerritoryListPage /> },
  { path: "audit", element: <AuditLogPage /> },
  { path: "outbox", element: <OutboxPage /> },
  { path: "partners", element: <PartnerListPage /> },
  { path: "jobs", element: <JobListPage /> },
];
