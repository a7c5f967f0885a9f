import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/db.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { packageRoot } from "../../paths.ts";
import { findCurrentStatements } from "../companies/companies.repo.ts";
import { loadReferenceData } from "../territories/load-reference-data.ts";
import { importXbrlFiles } from "./import-xbrl-files.ts";

const fixtures = path.resolve(packageRoot, "../shared/fixtures/xbrl");
const clock = () => new Date("2026-11-25T09:00:00.000Z");
let database: DatabaseHandle;

function read(name: string) {
  return { fileName: name, bytes: new Uint8Array(fs.readFileSync(path.join(fixtures, name))) };
}

beforeAll(async () => {
  database = await createTestDatabase();
  await queryRows(database.db, sql`insert into installations (id) values (1) on conflict do nothing`);
  await loadReferenceData({ db: database.db, clock });
});
afterAll(async () => {
  await database.close();
});

describe(importXbrlFiles, () => {
  it("stores a group as importing the files one by one would: one company per tax code, §6 current versions", async () => {
    const bad = { fileName: "bad.xbrl", bytes: new TextEncoder().encode("<x><a></b>") };
    const report = await importXbrlFiles({ db: database.db, clock }, [
      read("it-animeshon-srl-2021-micro.xbrl"),
      bad,
      read("it-pucci-srl-2024-ordinary.xbrl"),
      read("it-animeshon-srl-2020-micro.xbrl"),
      read("it-pucci-srl-2024-ordinary.xbrl"),
    ]);
    expect(report.counts).toEqual({ imported: 3, unchanged: 1, rejected: 1 });
    const [animeshon2021, rejected, pucci, animeshon2020, pucciAgain] = report.files;
    expect(rejected?.outcome).toBe("rejected");
    if (
      animeshon2021?.outcome === "rejected" ||
      animeshon2020?.outcome === "rejected" ||
      pucci?.outcome === "rejected" ||
      pucciAgain?.outcome === "rejected"
    ) {
      throw new Error("a good file was rejected");
    }
    expect([animeshon2021?.company.isNew, animeshon2020?.company.isNew]).toEqual([true, false]);
    expect(animeshon2020?.company.id).toBe(animeshon2021?.company.id);
    expect(pucciAgain).toMatchObject({
      outcome: "unchanged",
      company: { id: pucci?.company.id, isNew: false },
    });
    expect(pucciAgain?.statementIds).toEqual(pucci?.statementIds);
    expect(pucci?.periods.map((period) => period.outcome)).toEqual(["inserted", "inserted"]);
    const current = await findCurrentStatements(database.db, animeshon2021?.company.id ?? "");
    expect(
      current.map((statement) => [statement.periodStartOn, statement.periodEndOn, statement.sourceFileName]),
    ).toEqual([
      ["2020-05-12", "2020-12-31", "it-animeshon-srl-2020-micro.xbrl"],
      ["2021-01-01", "2021-12-31", "it-animeshon-srl-2021-micro.xbrl"],
    ]);
    const counts = await queryRows<{
      companies: number;
      statements: number;
      current: number;
      scored: number;
    }>(
      database.db,
      sql`select (select count(*)::int from companies) as companies,
        (select count(*)::int from financial_statements) as statements,
        (select count(*)::int from financial_statements where is_current) as current,
        (select count(distinct statement_id)::int from scores) as scored`,
    );
    // Animeshon: 2021 own + 2020 comparative + 2020 own (3 versions, 2 current); Pucci: 2 versions, both current.
    expect(counts[0]).toEqual({ companies: 2, statements: 5, current: 4, scored: 4 });
  });

  it("changes nothing when the same group comes again", async () => {
    const report = await importXbrlFiles({ db: database.db, clock }, [
      read("it-pucci-srl-2024-ordinary.xbrl"),
      read("it-animeshon-srl-2021-micro.xbrl"),
    ]);
    expect(report.counts).toEqual({ imported: 0, unchanged: 2, rejected: 0 });
  });
});
