import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./context.ts";
import { buildErrorBody, toFieldErrors } from "./errors.ts";

/** Every feature router is made here so that all validation failures share one error shape. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const fields = toFieldErrors(result.target, result.error.issues);
      const summary = fields.map((field) => `${field.path}: ${field.message}`).join("; ");
      return c.json(
        buildErrorBody("validation_failed", `Invalid request — ${summary}`, c.get("requestId"), fields),
        400,
      );
    },
  });
}
