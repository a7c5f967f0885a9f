import { z } from "zod";

/** The closed set of error codes every API error carries; mapped to HTTP status in one place. */
export const ErrorCodeSchema = z
  .enum([
    "validation_failed",
    "malformed_request",
    "unauthenticated",
    "forbidden",
    "reason_required",
    "not_found",
    "method_not_allowed",
    "conflict",
    "payload_too_large",
    "unsupported_media_type",
    "rate_limited",
    "internal_error",
    "service_unavailable",
  ])
  .meta({ id: "ErrorCode", description: "Stable, machine-readable error code." });
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FieldErrorSchema = z
  .object({
    path: z.string().meta({ description: "Where the problem is, e.g. `body.email` or `query.limit`." }),
    message: z.string(),
  })
  .meta({ id: "FieldError" });
export type FieldError = z.infer<typeof FieldErrorSchema>;

export const ErrorResponseSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string().meta({ description: "A sentence for people, in English." }),
      requestId: z.string().meta({ description: "Quote it when reporting a problem; it is in the logs." }),
      fields: z.array(FieldErrorSchema).optional(),
    }),
  })
  .meta({ id: "ErrorResponse", description: "The one shape of every error the API returns." });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
