import { describe, expect, it } from "vitest";
import { ErrorCodeSchema } from "../../contracts/errors.ts";
import { buildErrorBody, codeForStatus, statusByCode, toFieldErrors } from "./errors.ts";

describe(toFieldErrors, () => {
  it.each([
    ["json", ["email"], "body.email"],
    ["query", ["limit"], "query.limit"],
    ["param", ["companyId"], "path.companyId"],
    ["json", ["address", "lines", 0], "body.address.lines.0"],
    ["cookie", ["session"], "cookie.session"],
  ])("names %s field %j as %s", (target, path, expected) => {
    expect(toFieldErrors(target, [{ path, message: "bad" }])).toEqual([{ path: expected, message: "bad" }]);
  });
});

describe(codeForStatus, () => {
  it.each([
    [400, "malformed_request"],
    [401, "unauthenticated"],
    [404, "not_found"],
    [413, "payload_too_large"],
    [418, "malformed_request"],
    [502, "internal_error"],
    [503, "service_unavailable"],
  ])("maps HTTP %i to %s", (status, code) => {
    expect(codeForStatus(status)).toBe(code);
  });
});

describe("statusByCode", () => {
  it("gives every error code a status", () => {
    for (const code of ErrorCodeSchema.options) expect(statusByCode[code]).toBeGreaterThanOrEqual(400);
  });
});

describe(buildErrorBody, () => {
  it("leaves out an empty field list", () => {
    expect(buildErrorBody("not_found", "Nothing here.", "r1", [])).toEqual({
      error: { code: "not_found", message: "Nothing here.", requestId: "r1" },
    });
  });
});
