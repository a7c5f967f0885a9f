import type { z } from "zod";
import { ErrorResponseSchema, type FieldError } from "../contracts/errors.ts";

export type ApiErrorKind = "http" | "network" | "unexpected";

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly status?: number,
    readonly code?: string,
    readonly fields: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

/** Calls the API and checks the answer against its contract; failures become ApiErrors. */
export async function apiRequest<Schema extends z.ZodType>(
  path: string,
  schema: Schema,
  init: RequestInit = {},
): Promise<z.infer<Schema>> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      headers: { Accept: "application/json", ...(init.headers ?? {}) },
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError("network", (error as Error).message);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorResponseSchema.safeParse(body);
    if (parsed.success) {
      const { code, message, fields, requestId } = parsed.data.error;
      throw new ApiError("http", message, response.status, code, fields ?? [], requestId);
    }
    throw new ApiError("unexpected", `HTTP ${response.status}`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("unexpected", parsed.error.message, response.status);
  return parsed.data;
}
