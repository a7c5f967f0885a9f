import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { findCurrentStatements } from "./companies.repo.ts";
import { storeStatementVersion } from "./store-statement-version.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const base = { format: "micro", currency: "EUR", importerVersion: "test", sourceKind: "xbrl" } as const;

describe(storeStatementVersion, () => {
  it("keeps a filing's own short period current against a later filing's restated comparative, and stores both", async () => {
    const company = await buildCompany(database, { name: "Animeshon S.r.l." });
    const own2020 = {
      ...base,
      companyId: company.id,
      periodStartOn: "2020-05-12",
      periodEndOn: "2020-12-31",
      items: { revenue: 0, totalAssets: 1_000_000 },
      isOwnPeriod: true,
      sourceFileName: "2020.xbrl",
      sourceContentHash: "hash-2020",
      filedOn: "2021-06-30",
    };
    const comparative2020 = {
      ...own2020,
      periodStartOn: "2020-01-01",
      items: { revenue: 0, totalAssets: 1_100_000 },
      isOwnPeriod: false,
      sourceFileName: "2021.xbrl",
      sourceContentHash: "hash-2021",
      filedOn: "2022-06-30",
    };
    expect((await storeStatementVersion(database.db, own2020)).outcome).toBe("inserted");
    const comparative = await storeStatementVersion(database.db, comparative2020);
    expect(comparative.outcome).toBe("inserted");
    expect(await storeStatementVersion(database.db, comparative2020)).toEqual({
      outcome: "unchanged",
      statementId: comparative.statementId,
    });
    const current = await findCurrentStatements(database.db, company.id);
    expect(current.map((statement) => [statement.periodStartOn, statement.sourceFileName])).toEqual([
      ["2020-05-12", "2020.xbrl"],
    ]);
  });
});
