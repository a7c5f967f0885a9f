import type { ErrorCode, ErrorResponse, FieldError } from "../../contracts/errors.ts";

/** A failure a use case or route reports on purpose; the code decides the HTTP status. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    /** Sent as Retry-After with `rate_limited`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const statusByCode = {
  validation_failed: 400,
  malformed_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  reason_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
} as const satisfies Record<ErrorCode, number>;

export type ErrorStatus = (typeof statusByCode)[ErrorCode];

const codeByStatus: Record<number, ErrorCode> = {
  400: "malformed_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "rate_limited",
  503: "service_unavailable",
};

export function codeForStatus(status: number): ErrorCode {
  return codeByStatus[status] ?? (status >= 500 ? "internal_error" : "malformed_request");
}

export function buildErrorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  fields?: FieldError[],
): ErrorResponse {
  return { error: { code, message, requestId, ...(fields && fields.length > 0 ? { fields } : {}) } };
}

type Issue = { path: PropertyKey[]; message: string };

const targetNames: Record<string, string> = {
  json: "body",
  form: "body",
  query: "query",
  param: "path",
  header: "header",
  cookie: "cookie",
};

/** Turns zod issues into field errors whose path names where the value came from. */
export function toFieldErrors(target: string, issues: readonly Issue[]): FieldError[] {
  const prefix = targetNames[target] ?? target;
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].join("."),
    message: issue.message,
  }));
}
