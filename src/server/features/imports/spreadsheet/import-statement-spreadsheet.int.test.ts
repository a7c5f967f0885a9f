import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../../../test/db.ts";
import { buildCompany } from "../../../../../test/factories/build-company.ts";
import { type DatabaseHandle, queryRows } from "../../../db/client.ts";
import { companies } from "../../../db/schema.ts";
import { importStatementSpreadsheet, type SpreadsheetImportReport } from "./import-statement-spreadsheet.ts";
import {
  buildCsvFile,
  buildPartitaIva,
  buildXlsxFile,
  encode,
  type TestRow,
} from "./spreadsheet-test-files.ts";

const clock = () => new Date("2026-11-25T09:00:00.000Z");
let database: DatabaseHandle;

/** A registered Italian company whose tax code carries a valid check digit (the factory's random one may not). */
async function buildItalianCompany(name: string) {
  const company = await buildCompany(database, { name, nuts3Code: "ITI15" });
  const taxCode = buildPartitaIva(company.taxCode.slice(0, 10));
  await database.db.update(companies).set({ taxCode }).where(eq(companies.id, company.id));
  return { ...company, taxCode };
}

async function countRows() {
  const rows = await queryRows<{ statements: number; scores: number }>(
    database.db,
    sql`select (select count(*)::int from financial_statements) as statements, (select count(*)::int from scores) as scores`,
  );
  return rows[0];
}

async function importFile(fileName: string, bytes: Uint8Array | string, options = {}) {
  const file = { fileName, bytes: typeof bytes === "string" ? encode(bytes) : bytes };
  return importStatementSpreadsheet({ db: database.db, clock }, file, options);
}

function expectImported(report: SpreadsheetImportReport) {
  if (report.outcome === "rejected") throw new Error(report.reason);
  return report;
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe(importStatementSpreadsheet, () => {
  it("imports a CSV of two company-years (an Italian and a German partner company) and stores their scores", async () => {
    const lanificio = await buildItalianCompany("Lanificio Spreadsheet S.r.l.");
    const weberei = await buildCompany(database, {
      name: "Weberei GmbH",
      countryCode: "DE",
      nuts3Code: null,
    });
    const rows: TestRow[] = [
      { country: "IT", taxCode: lanificio.taxCode, year: 2024 },
      { country: "DE", taxCode: weberei.taxCode, year: 2024, format: "micro" },
    ];
    const report = expectImported(await importFile("partners-2024.csv", buildCsvFile(rows)));
    expect(report.outcome).toBe("imported");
    expect(
      report.rows.map((row) => [row.row, row.company.id, row.periodEndOn, row.format, row.outcome]),
    ).toEqual([
      [2, lanificio.id, "2024-12-31", "abridged", "inserted"],
      [3, weberei.id, "2024-12-31", "micro", "inserted"],
    ]);

    const stored = await queryRows<{
      source_kind: string;
      source_content_hash: string;
      importer_version: string;
      is_current: boolean;
      total_assets: number;
    }>(
      database.db,
      sql`select source_kind, source_content_hash, importer_version, is_current, (items->>'totalAssets')::bigint::int as total_assets
          from financial_statements where company_id = ${lanificio.id}`,
    );
    expect(stored).toEqual([
      {
        source_kind: "spreadsheet",
        source_content_hash: expect.stringMatching(/^[0-9a-f]{64}:2$/),
        importer_version: "statement-spreadsheet-1",
        is_current: true,
        total_assets: 100_000_000,
      },
    ]);
    const scores = await queryRows<{ company_id: string; models: number }>(
      database.db,
      sql`select company_id, count(*)::int as models from scores
          where company_id in (${lanificio.id}, ${weberei.id}) group by company_id`,
    );
    expect(scores).toHaveLength(2);
    for (const score of scores) expect(score.models).toBeGreaterThan(0);
  });

  it("imports an XLSX workbook of two years of one company and scores both", async () => {
    const tessitura = await buildItalianCompany("Tessitura Workbook S.r.l.");
    const rows: TestRow[] = [
      { country: "IT", taxCode: tessitura.taxCode, year: 2023 },
      {
        country: "IT",
        taxCode: tessitura.taxCode,
        year: 2024,
        euros: { "Net result for the year [netResult]": -5_000 },
      },
    ];
    const workbook = await buildXlsxFile(rows);
    const report = expectImported(await importFile("tessitura.xlsx", workbook));
    expect(report.rows.map((row) => [row.periodEndOn, row.outcome])).toEqual([
      ["2023-12-31", "inserted"],
      ["2024-12-31", "inserted"],
    ]);
    const scored = await queryRows<{ period_end_on: string }>(
      database.db,
      sql`select distinct period_end_on::text from scores where company_id = ${tessitura.id} order by 1`,
    );
    expect(scored.map((row) => row.period_end_on)).toEqual(["2023-12-31", "2024-12-31"]);

    const before = await countRows();
    const again = expectImported(await importFile("tessitura-copy.xlsx", workbook));
    expect(again.outcome).toBe("unchanged");
    expect(again.statementIds).toEqual(report.statementIds);
    expect(await countRows()).toEqual(before);
  });

  it("reports the same CSV again as unchanged and writes nothing", async () => {
    const company = await buildItalianCompany("Filatura Again S.r.l.");
    const csv = buildCsvFile([{ country: "IT", taxCode: company.taxCode, year: 2024 }], ";");
    expect((await importFile("again.csv", csv)).outcome).toBe("imported");
    const before = await countRows();
    expect((await importFile("again.csv", csv)).outcome).toBe("unchanged");
    expect(await countRows()).toEqual(before);
  });

  it.each([
    [
      "a text in a number column",
      { euros: { "Debts [debts]": "n/a" } },
      /^row 3, "Debts \[debts\]": "n\/a" is not a number$/,
    ],
    [
      "an unbalanced balance sheet",
      { euros: { "Debts [debts]": 612_345.67 } },
      /^row 3: the balance sheet does not balance: .* difference -12,345\.67 EUR$/,
    ],
    [
      "a bad tax code",
      { taxCode: "12345678901" },
      /^row 3, "tax_code": "12345678901" is not a valid IT tax code/,
    ],
    [
      "an unknown company",
      { taxCode: buildPartitaIva("0999999999") },
      /^row 3: no company with tax code 0999999999\d in IT: register the company first \(Companies › Import a list\)$/,
    ],
  ] as const)(
    "rejects a file with %s, stores none of its rows and names the problem",
    async (_name, change, message) => {
      const company = await buildItalianCompany("Tintoria Rejected S.r.l.");
      const rows: TestRow[] = [
        { country: "IT", taxCode: company.taxCode, year: 2023 },
        { country: "IT", taxCode: company.taxCode, year: 2024, ...change },
      ];
      const before = await countRows();
      const report = await importFile("rejected.csv", buildCsvFile(rows));
      if (report.outcome !== "rejected") throw new Error("expected a rejection");
      expect(report.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(message)]);
      expect(report.problems[0]?.row).toBe(3);
      expect(report.reason).toMatch(message);
      expect(await countRows()).toEqual(before);
    },
  );

  it("rejects a file missing a required column, naming it", async () => {
    const company = await buildItalianCompany("Rifinizione Columns S.r.l.");
    const csv = buildCsvFile([{ country: "IT", taxCode: company.taxCode, year: 2024 }]).replace(
      "period_start",
      "start",
    );
    const before = await countRows();
    const report = await importFile("columns.csv", csv);
    expect(report).toMatchObject({
      outcome: "rejected",
      reason: "required column missing: period_start (see the template's header row)",
    });
    expect(await countRows()).toEqual(before);
  });

  it("rejects a file over the 20 MiB limit without reading it", async () => {
    const before = await countRows();
    const report = await importFile("huge.csv", new Uint8Array(20 * 1024 * 1024 + 1));
    expect(report).toMatchObject({
      outcome: "rejected",
      reason: "the file is 20.1 MiB, more than the 20 MiB accepted: split it into smaller files",
    });
    expect(await countRows()).toEqual(before);
  });

  it("rejects an XLSX whose parts claim a huge uncompressed size, before opening it", async () => {
    const company = await buildItalianCompany("Stamperia Bomb S.r.l.");
    const workbook = await buildXlsxFile([{ country: "IT", taxCode: company.taxCode, year: 2024 }]);
    // Rewrite every central-directory entry to claim 60 MiB uncompressed.
    const view = new DataView(workbook.buffer, workbook.byteOffset, workbook.byteLength);
    for (let offset = 0; offset + 46 <= workbook.byteLength; offset += 1) {
      if (view.getUint32(offset, true) === 0x02014b50) view.setUint32(offset + 24, 60 * 1024 * 1024, true);
    }
    const before = await countRows();
    const report = await importFile("bomb.xlsx", workbook);
    expect(report.outcome).toBe("rejected");
    expect(report.outcome === "rejected" && report.reason).toMatch(
      /^the file cannot be read: its parts would take \d+\.\d MiB once uncompressed, more than the 100\.0 MiB accepted$/,
    );
    expect(await countRows()).toEqual(before);
  });
});
