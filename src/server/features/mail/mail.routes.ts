import { createRoute, z } from "@hono/zod-openapi";
import { OutboxSchema } from "../../../contracts/mail.ts";
import type { AppDeps } from "../../http/context.ts";
import { AppError } from "../../http/errors.ts";
import { errorResponses } from "../../http/openapi.ts";
import { createRouter } from "../../http/router.ts";
import { requireRole } from "../../http/session.ts";
import { findOutboundEmails, type OutboxCursor } from "./mail.repo.ts";

const outboxRoute = createRoute({
  method: "get",
  path: "/admin/outbox",
  tags: ["Administration"],
  security: [{ session: [] }],
  summary: "Emails kept in the outbox (only when no SMTP server is configured, e.g. in development)",
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(25),
      before: z
        .string()
        .regex(
          /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
          "must be the nextBefore of the previous page",
        )
        .optional(),
    }),
  },
  responses: {
    200: { description: "Newest first", content: { "application/json": { schema: OutboxSchema } } },
    ...errorResponses("validation_failed", "unauthenticated", "forbidden", "not_found"),
  },
});

// A page's cursor: the last email's creation time and id, as one opaque string.
const writeCursor = (email: { createdAt: Date; id: string } | undefined) =>
  email ? `${email.createdAt.toISOString()}_${email.id}` : null;

function readCursor(cursor: string): OutboxCursor {
  const [createdAt = "", id = ""] = cursor.split("_");
  return { createdAt: new Date(createdAt), id };
}

export function createMailRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use("/admin/outbox", requireRole("administrator"));
  return router.openapi(outboxRoute, async (c) => {
    // With real SMTP the bodies hold live links (password resets): they are not shown.
    if (deps.mailer.kind !== "outbox")
      throw new AppError("not_found", "Emails are delivered over SMTP; there is no outbox to read.");
    const { limit, before } = c.req.valid("query");
    const rows = await findOutboundEmails(deps.database.db, {
      limit: limit + 1,
      ...(before ? { before: readCursor(before) } : {}),
    });
    const page = rows.slice(0, limit);
    return c.json(
      {
        items: page.map((email) => ({
          id: email.id,
          toAddress: email.toAddress,
          subject: email.subject,
          bodyText: email.bodyText,
          purpose: email.purpose,
          status: email.status,
          createdAt: email.createdAt.toISOString(),
        })),
        nextBefore: rows.length > limit ? writeCursor(page.at(-1)) : null,
      },
      200,
    );
  });
}
