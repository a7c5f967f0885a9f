import { createRoute, z } from "@hono/zod-openapi";
import type { AppDeps } from "../../http/context.ts";
import { createRouter } from "../../http/router.ts";
import { findDemoLoadedAt } from "./demo.repo.ts";
import { demoPassword, demoUsers } from "./demo-users.ts";

const DemoCredentialsSchema = z
  .object({
    isDemo: z.boolean(),
    users: z.array(
      z.object({ role: z.string(), email: z.string(), password: z.string(), displayName: z.string() }),
    ),
  })
  .meta({ id: "DemoCredentials" });

const credentialsRoute = createRoute({
  method: "get",
  path: "/demo/credentials",
  tags: ["System"],
  summary: "The demo users and their password — only in demo mode, empty otherwise",
  responses: {
    200: { description: "Demo users", content: { "application/json": { schema: DemoCredentialsSchema } } },
  },
});

export function createDemoRoutes(deps: Pick<AppDeps, "database" | "isDemoEnabled">) {
  return createRouter().openapi(credentialsRoute, async (c) => {
    const isDemo = deps.isDemoEnabled && (await findDemoLoadedAt(deps.database.db)) !== null;
    return c.json(
      {
        isDemo,
        users: isDemo
          ? demoUsers.map((user) => ({
              role: user.role,
              email: user.email,
              displayName: user.displayName,
              password: demoPassword,
            }))
          : [],
      },
      200,
    );
  });
}
