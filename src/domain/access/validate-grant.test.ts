import { describe, expect, it } from "vitest";
import { isGrantReviewDue, validateGrantScope } from "./validate-grant.ts";

describe(validateGrantScope, () => {
  it.each([
    ["analyst with a territory", "analyst", "ITI15", [], []],
    ["administrator without a territory", "administrator", undefined, [], ["territoryCode"]],
    ["committee member with companies too", "committee_member", "IT", ["c1"], ["companyIds"]],
    ["company representative with a company", "company_representative", undefined, ["c1"], []],
    ["company representative without companies", "company_representative", undefined, [], ["companyIds"]],
    ["expert with a territory", "expert", "IT", ["c1"], ["territoryCode"]],
    ["worker representative with two companies", "worker_representative", undefined, ["c1", "c2"], []],
    ["trainer alone", "trainer", undefined, [], []],
    ["trainer with a territory", "trainer", "PT", [], []],
    ["trainer with companies", "trainer", undefined, ["c1"], ["companyIds"]],
  ] as const)("%s", (_name, role, territoryCode, companyIds, fields) => {
    expect(validateGrantScope({ role, territoryCode, companyIds }).map((problem) => problem.field)).toEqual(
      fields,
    );
  });
});

describe(isGrantReviewDue, () => {
  it.each([
    ["2026-01-31T10:00:00Z", "2026-07-30T10:00:00Z", false],
    ["2026-01-15T10:00:00Z", "2026-07-15T09:59:59Z", false],
    ["2026-01-15T10:00:00Z", "2026-07-15T10:00:00Z", true],
    ["2025-05-01T00:00:00Z", "2026-11-25T00:00:00Z", true],
  ])("reviewed %s, now %s → due %s", (reviewed, now, expected) => {
    expect(isGrantReviewDue(new Date(reviewed), new Date(now), 6)).toBe(expected);
  });
});
