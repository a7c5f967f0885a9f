import { describe, expect, it } from "vitest";
import { endOfDayIso, readAuditFilter, startOfDayIso, toAuditQuery } from "./audit-filter.ts";

// The unit tier runs with TZ=UTC, so local days are UTC days here.
describe("audit filter", () => {
  it("turns a day into its first and last instant", () => {
    expect(startOfDayIso("2025-03-09")).toBe("2025-03-09T00:00:00.000Z");
    expect(endOfDayIso("2025-03-09")).toBe("2025-03-09T23:59:59.999Z");
  });

  it("ignores a malformed day", () => {
    expect(startOfDayIso("")).toBeUndefined();
    expect(endOfDayIso("yesterday")).toBeUndefined();
  });

  it("reads the address bar and builds the API query, dropping empty and unknown values", () => {
    const filter = readAuditFilter(
      new URLSearchParams("actor=%20rossi%20&action=grant.created&from=2025-01-01"),
    );
    expect(toAuditQuery(filter)).toEqual({
      actor: "rossi",
      action: "grant.created",
      companyId: undefined,
      from: "2025-01-01T00:00:00.000Z",
      to: undefined,
    });
    expect(toAuditQuery({ ...filter, action: "not.an.action" }).action).toBeUndefined();
  });
});
