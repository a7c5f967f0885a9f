import type { RouteConfig, z } from "@hono/zod-openapi";
import { ErrorResponseSchema } from "../../contracts/errors.ts";
import { statusByCode } from "./errors.ts";

type ErrorCodeName = keyof typeof statusByCode;

const descriptions: Record<number, string> = {
  400: "The request is invalid; `fields` says which values and why.",
  401: "No valid session.",
  403: "Signed in, but not allowed.",
  404: "Not found, or not visible to you.",
  409: "Conflicts with the current state.",
  413: "The body is too large.",
  429: "Too many requests; try again later.",
  500: "An unexpected error; quote the request id.",
  503: "A service this request needs is unavailable.",
};

/** The error responses of a route, in the single error shape, keyed by status. */
export function errorResponses(...codes: ErrorCodeName[]): RouteConfig["responses"] {
  const statuses = new Set<number>([...codes.map((code) => statusByCode[code]), 500]);
  return Object.fromEntries(
    [...statuses].map((status) => [
      status,
      {
        description: descriptions[status] ?? "Error",
        content: { "application/json": { schema: ErrorResponseSchema } },
      },
    ]),
  );
}

export const openApiInfo = (version: string) => ({
  openapi: "3.1.0",
  info: {
    title: "SECTOR API",
    version,
    description:
      "API of SECTOR, software for territorial partnerships managing industrial crises in productive districts. Every error has the shape `ErrorResponse`.",
    license: { name: "EUPL-1.2", identifier: "EUPL-1.2" },
  },
});

/** A JSON request or response body for `createRoute`. */
export const json = <Schema extends z.ZodType>(schema: Schema) => ({
  content: { "application/json": { schema } },
});
