import { asc, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/db.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { companies, financialStatements } from "../../db/schema.ts";
import { loadReferenceData } from "../territories/load-reference-data.ts";
import { loadDemo } from "./load-demo.ts";

const opened: DatabaseHandle[] = [];
let seededDatabase: DatabaseHandle;
const clock = () => new Date("2026-11-25T08:00:00.000Z");

afterAll(async () => {
  await Promise.all(opened.map((database) => database.close()));
});

async function databaseWithDemo(seed: number) {
  const database = await createTestDatabase();
  opened.push(database);
  await queryRows(database.db, sql`insert into installations (id) values (1) on conflict do nothing`);
  await loadReferenceData({ db: database.db, clock });
  const result = await loadDemo({ db: database.db, clock }, { seed });
  return { database, result };
}

async function snapshot(database: DatabaseHandle) {
  const companyRows = await database.db.select().from(companies).orderBy(asc(companies.id));
  const statementRows = await database.db
    .select()
    .from(financialStatements)
    .orderBy(asc(financialStatements.id));
  return { companyRows, statementRows };
}

describe(loadDemo, () => {
  it("gives identical companies and statements twice from the same seed, and different ones from another", async () => {
    const first = await databaseWithDemo(7);
    seededDatabase = first.database;
    const second = await databaseWithDemo(7);
    expect(first.result).toMatchObject({ isLoaded: true, companies: 1500, statements: 7500 });
    const [left, right] = [await snapshot(first.database), await snapshot(second.database)];
    expect(left.companyRows).toHaveLength(1500);
    expect(right).toEqual(left);
    const other = await databaseWithDemo(8);
    expect((await snapshot(other.database)).companyRows.map((row) => row.taxCode)).not.toEqual(
      left.companyRows.map((row) => row.taxCode),
    );
    // Three embedded databases, each with the reference data and the whole demo: 15–25 s on two cores.
  }, 120_000);

  it("places every company in one of the three districts, with five years of statements each", async () => {
    const database = seededDatabase;
    const perDistrict = await queryRows<{ district_code: string; companies: number; statements: number }>(
      database.db,
      sql`select c.district_code, count(distinct c.id)::int as companies, count(s.id)::int as statements
          from companies c join financial_statements s on s.company_id = c.id
          group by c.district_code order by c.district_code`,
    );
    expect(perDistrict).toEqual([
      { district_code: "ave-texteis", companies: 350, statements: 1750 },
      { district_code: "lumezzane-metalli", companies: 500, statements: 2500 },
      { district_code: "prato-tessile", companies: 650, statements: 3250 },
    ]);
  });

  it("does nothing on a database that already holds the demo", async () => {
    expect(await loadDemo({ db: seededDatabase.db, clock })).toEqual({
      isLoaded: false,
      reason: "already_loaded",
    });
  });
});
