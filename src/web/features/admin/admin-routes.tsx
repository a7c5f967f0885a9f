import type { RouteObject } from "react-router";
import "./admin.css";

// The administration screens serve a few users: they are split from the main bundle and load on the
// first visit to /admin.
const page = (load: () => Promise<RouteObject["element"]>) => async () => ({ element: await load() });

/** The administration screens, mounted under /admin behind the administrator role. */
export const adminRoutes: RouteObject[] = [
  {
    index: true,
    lazy: page(async () => {
      const { AdminHomePage } = await import("./admin-home-page.tsx");
      return <AdminHomePage />;
    }),
  },
  {
    path: "users",
    lazy: page(async () => {
      const { UserListPage } = await import("./user-list-page.tsx");
      return <UserListPage />;
    }),
  },
  {
    path: "users/:userId",
    lazy: page(async () => {
      const { UserDetailPage } = await import("./user-detail-page.tsx");
      return <UserDetailPage />;
    }),
  },
  {
    path: "territories",
    lazy: page(async () => {
      const { TerritoryListPage } = await import("./territory-list-page.tsx");
      return <TerritoryListPage />;
    }),
  },
  {
    path: "audit",
    lazy: page(async () => {
      const { AuditLogPage } = await import("./audit-log-page.tsx");
      return <AuditLogPage />;
    }),
  },
  {
    path: "outbox",
    lazy: page(async () => {
      const { OutboxPage } = await import("./outbox-page.tsx");
      return <OutboxPage />;
    }),
  },
  {
    path: "partners",
    lazy: page(async () => {
      const { PartnerListPage } = await import("./partner-list-page.tsx");
      return <PartnerListPage />;
    }),
  },
  {
    path: "jobs",
    lazy: page(async () => {
      const { JobListPage } = await import("./job-list-page.tsx");
      return <JobListPage />;
    }),
  },
];
