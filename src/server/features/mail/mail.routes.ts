import { createRoute, z } from "@hono/zod-openapi";
import { OutboxSchema } from "../../../contracts/mail.ts";
import type { AppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { requireRole } from "../../http/session.ts";
import { findOutboxPage } from "./find-outbox-page.ts";

const outboxRoute = createRoute({
  method: "get",
  path: "/admin/outbox",
  tags: ["Administration"],
  security: [{ session: [] }],
  summary: "Emails kept in the outbox (only when no SMTP server is configured, e.g. in development)",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(25),
      before: z.string().max(200).optional().openapi({ description: "nextBefore of the previous page" }),
    }),
  },
  responses: {
    200: { description: "Newest first", content: { "application/json": { schema: OutboxSchema } } },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

export function createMailRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use("/admin/outbox", requireRole("administrator"));
  return router.openapi(outboxRoute, async (c) => {
    // With real SMTP the bodies hold live links (password resets): they are not shown.
    if (deps.mailer.kind !== "outbox")
      throw new AppError("not_found", "Emails are delivered over SMTP; there is no outbox to read.");
    return c.json(await findOutboxPage({ db: deps.database.db }, c.req.valid("query")), 200);
  });
}
