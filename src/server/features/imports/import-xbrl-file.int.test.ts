import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../test/db.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { packageRoot } from "../../paths.ts";
import { findCurrentStatements } from "../companies/companies.repo.ts";
import { loadReferenceData } from "../territories/load-reference-data.ts";
import { importXbrlFile } from "./import-xbrl-file.ts";

const fixtures = path.resolve(packageRoot, "../shared/fixtures/xbrl");
const clock = () => new Date("2026-11-25T09:00:00.000Z");
let database: DatabaseHandle;

function read(name: string) {
  return { fileName: name, bytes: new Uint8Array(fs.readFileSync(path.join(fixtures, name))) };
}

async function countRows() {
  const rows = await queryRows<{ companies: number; statements: number }>(
    database.db,
    sql`select (select count(*)::int from companies) as companies, (select count(*)::int from financial_statements) as statements`,
  );
  return rows[0];
}

beforeAll(async () => {
  database = await createTestDatabase();
  await queryRows(database.db, sql`insert into installations (id) values (1) on conflict do nothing`);
  await loadReferenceData({ db: database.db, clock });
});
afterAll(async () => {
  await database.close();
});

describe(importXbrlFile, () => {
  it("imports the Pucci ordinary filing: the company by its tax code, legal form and sector, both periods", async () => {
    const report = await importXbrlFile({ db: database.db, clock }, read("it-pucci-srl-2024-ordinary.xbrl"));
    expect(report).toMatchObject({
      outcome: "imported",
      company: { taxCode: "02353550391", isNew: true },
      format: "ordinary",
    });
    if (report.outcome === "rejected") throw new Error(report.reason);
    expect(report.periods.map((period) => [period.periodEndOn, period.isOwnPeriod, period.outcome])).toEqual([
      ["2024-12-31", true, "inserted"],
      ["2023-12-31", false, "inserted"],
    ]);
    const company = await queryRows<{ legal_form: string; ateco_code: string }>(
      database.db,
      sql`select legal_form, ateco_code from companies where tax_code = '02353550391'`,
    );
    // DatiAnagraficiFormaGiuridica "Società a responsabilità limitata" → srl; ATECO "103900" → 10.39.00.
    expect(company).toEqual([{ legal_form: "srl", ateco_code: "10.39.00" }]);
    const current = await findCurrentStatements(database.db, report.company.id);
    // TotaleAttivo 2024 = 36,699,547 € → 3,669,954,700 cents (read in the filing).
    expect(current.find((statement) => statement.periodEndOn === "2024-12-31")?.items.totalAssets).toBe(
      3_669_954_700,
    );
  });

  it("stores the Pucci scores before reporting back, matching a hand computation of the indices", async () => {
    const rows = await queryRows<{
      model: string;
      zone: string | null;
      inputs: Record<string, number>;
      details: { indices?: Record<string, { percent?: number; isBreached?: boolean }>; sectorGroup?: number };
    }>(
      database.db,
      sql`select s.model, s.zone, s.inputs, s.details from scores s join companies c on c.id = s.company_id
          where c.tax_code = '02353550391' and s.period_end_on = '2024-12-31'`,
    );
    const byModel = new Map(rows.map((row) => [row.model, row]));
    expect([...byModel.keys()].sort()).toEqual([
      "alert_level",
      "altman_z",
      "altman_z_double_prime",
      "altman_z_prime",
      "cndcec_screen",
      "ohlson",
      "springate",
      "zmijewski",
    ]);
    // The batch path stores no inputs: explanations are derived on demand from the statement.
    expect(rows.every((row) => Object.keys(row.inputs).length === 0)).toBe(true);
    const screen = byModel.get("cndcec_screen")?.details;
    // ATECO 10.39 → section C → CNDCEC group 2.
    expect(screen?.sectorGroup).toBe(2);
    // I5 = (D.12 180,944 + D.13 11,437) ÷ TA 36,699,547 = 192,381 ÷ 36,699,547 = 0.5242 % (threshold 4.9 %, above → not breached).
    expect(screen?.indices?.I5?.percent).toBeCloseTo(0.5242, 3);
    expect(screen?.indices?.I5?.isBreached).toBe(false);
    // I2 = equity 4,272,124 ÷ (D 29,873,367 + E 1,034,004) = 4,272,124 ÷ 30,907,371 = 13.822 % (threshold 7.6 %, below → not breached).
    expect(screen?.indices?.I2?.percent).toBeCloseTo(13.822, 2);
    expect(screen?.indices?.I2?.isBreached).toBe(false);

    // Z′ and Z″ by hand from the 2024 facts of the filing (euros):
    //   TA 36,699,547; equity (BVE) 4,272,124; TL = TA − equity = 32,427,423; revenue (S) 29,075,157; EBIT (A − B) 1,765,725
    //   CA = inventories 10,853,983 + receivables ≤ 1 y 2,688,056 + C.III 0 + cash 194,585 + accrued income 484,096 = 14,220,720
    //   CL = debts ≤ 1 y 17,254,738 + accrued liabilities 1,034,004 = 18,288,742; WC = CA − CL = −4,068,022
    //   RE = legal 19,365 + statutory 0 + other 30,222 + carried forward −68,533 + result 10,746 = −8,200
    //   WC/TA = −0.110847, RE/TA = −0.000223, EBIT/TA = 0.048113, BVE/TL = 0.131742, S/TA = 0.792248
    //   Z′ = 0.717·(−0.110847) + 0.847·(−0.000223) + 3.107·0.048113 + 0.420·0.131742 + 0.998·0.792248 = 0.9158 < 1.23 → distress
    //   Z″ = 6.56·(−0.110847) + 3.26·(−0.000223) + 6.72·0.048113 + 1.05·0.131742 = −0.2662 < 1.10 → distress
    //   EM = 3.25 + Z″ = 2.9838: at least CCC (2.50), below CCC+ (3.20) → CCC
    const scores = await queryRows<{
      model: string;
      value: number;
      zone: string;
      details: { emRating?: string };
    }>(
      database.db,
      sql`select s.model, s.value, s.zone, s.details from scores s join companies c on c.id = s.company_id
          where c.tax_code = '02353550391' and s.period_end_on = '2024-12-31' and s.model in ('altman_z_prime', 'altman_z_double_prime')
          order by s.model`,
    );
    expect(scores[0]).toMatchObject({
      model: "altman_z_double_prime",
      zone: "distress",
      details: { emRating: "CCC" },
    });
    expect(scores[0]?.value).toBeCloseTo(-0.2662, 3);
    expect(scores[1]).toMatchObject({ model: "altman_z_prime", zone: "distress" });
    expect(scores[1]?.value).toBeCloseTo(0.9158, 3);
  });

  it("changes nothing when the same file comes again", async () => {
    const before = await countRows();
    const report = await importXbrlFile({ db: database.db, clock }, read("it-pucci-srl-2024-ordinary.xbrl"));
    expect(report.outcome).toBe("unchanged");
    expect(await countRows()).toEqual(before);
  });

  it("keeps Animeshon's short 2020 period current although the 2021 filing restates it as a full year", async () => {
    await importXbrlFile({ db: database.db, clock }, read("it-animeshon-srl-2021-micro.xbrl"));
    const report = await importXbrlFile({ db: database.db, clock }, read("it-animeshon-srl-2020-micro.xbrl"));
    if (report.outcome === "rejected") throw new Error(report.reason);
    expect(report.periods).toEqual([
      expect.objectContaining({ periodStartOn: "2020-05-12", isShortPeriod: true }),
    ]);
    const current = await findCurrentStatements(database.db, report.company.id);
    expect(
      current.map((statement) => [statement.periodStartOn, statement.periodEndOn, statement.sourceFileName]),
    ).toEqual([
      ["2020-05-12", "2020-12-31", "it-animeshon-srl-2020-micro.xbrl"],
      ["2021-01-01", "2021-12-31", "it-animeshon-srl-2021-micro.xbrl"],
    ]);
  });

  it.each([
    [
      "an XML bomb",
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
      /DOCTYPE|DTD/i,
    ],
    [
      "an external entity",
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      /DOCTYPE|DTD/i,
    ],
    [
      "malformed XML",
      '<?xml version="1.0"?><xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance"><a></b>',
      /line/i,
    ],
    [
      "a truncated filing",
      fs.readFileSync(path.join(fixtures, "it-animeshon-srl-2021-micro.xbrl"), "utf8").slice(0, 20_000),
      /./,
    ],
  ])("rejects %s with a message and leaves the database unchanged", async (_name, text, message) => {
    const before = await countRows();
    const report = await importXbrlFile(
      { db: database.db, clock },
      { fileName: "bad.xbrl", bytes: new TextEncoder().encode(text) },
    );
    expect(report.outcome).toBe("rejected");
    expect(report.outcome === "rejected" && report.reason).toMatch(message);
    expect(await countRows()).toEqual(before);
  });
});
