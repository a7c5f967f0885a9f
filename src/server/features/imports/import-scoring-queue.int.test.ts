import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { FileImportReportSchema, SpreadsheetImportReportSchema } from "../../../contracts/imports.ts";
import { JobRunSchema } from "../../../contracts/jobs.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { companies } from "../../db/schema.ts";
import { createLogger } from "../../logging/logger.ts";
import { packageRoot } from "../../paths.ts";
import { type JobQueue, startJobQueue } from "../jobs/job-queue.ts";
import { findJobRun } from "../jobs/jobs.repo.ts";
import { importXbrlFiles } from "./import-xbrl-files.ts";
import { importStatementSpreadsheet } from "./spreadsheet/import-statement-spreadsheet.ts";
import { buildCsvFile, buildPartitaIva, encode } from "./spreadsheet/spreadsheet-test-files.ts";

const fixtures = path.resolve(packageRoot, "../shared/fixtures/xbrl");
const readFixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const clock = () => new Date();
let database: DatabaseHandle;
let jobs: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  await queryRows(database.db, sql`insert into installations (id) values (1) on conflict do nothing`);
  jobs = await startJobQueue({ database, clock, logger: createLogger("silent") });
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

async function countScores(companyId: string) {
  const rows = await queryRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from scores where company_id = ${companyId} and model = 'alert_level'`,
  );
  return rows[0]?.count ?? 0;
}

async function countJobRuns() {
  const rows = await queryRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from job_runs`,
  );
  return rows[0]?.count ?? 0;
}

/** A registered Italian company whose tax code carries a valid check digit. */
async function buildItalianCompany(name: string) {
  const company = await buildCompany(database, { name, nuts3Code: "ITI15" });
  const taxCode = buildPartitaIva(company.taxCode.slice(0, 10));
  await database.db.update(companies).set({ taxCode }).where(eq(companies.id, company.id));
  return { ...company, taxCode };
}

describe("scoring of imports through the queue", () => {
  it("queues a job run for the company an XBRL upload touched, which the analyst follows until its scores are stored", async () => {
    const app = createTestApp(database, { jobs });
    const analyst = await signIn(
      app,
      (await buildUser(database, [{ role: "analyst", territoryCode: "IT" }])).email,
    );
    const response = await app.request("/api/statements/import", {
      method: "POST",
      headers: analyst.headers(),
      body: JSON.stringify({
        fileName: "pucci.xbrl",
        contentBase64: Buffer.from(readFixture("it-pucci-srl-2024-ordinary.xbrl")).toString("base64"),
      }),
    });
    const report = FileImportReportSchema.parse(await response.json());
    if (report.outcome === "rejected") throw new Error(report.reason);
    expect(report.scoring).toEqual({ jobRunId: expect.any(String), state: "queued" });
    const jobRunId = report.scoring?.jobRunId as string;
    expect(await findJobRun(database.db, jobRunId)).toMatchObject({
      kind: "scoring",
      reason: "import of pucci.xbrl",
    });

    await jobs.waitForJobRun(jobRunId, { timeoutMs: 30_000 });
    const followed = await app.request(`/api/jobs/${jobRunId}`, { headers: analyst.headers() });
    expect(followed.status).toBe(200);
    expect(JobRunSchema.parse(await followed.json())).toMatchObject({
      state: "succeeded",
      done: 1,
      total: 1,
    });
    expect(await countScores(report.company.id)).toBe(2);
  });

  it("answers a spreadsheet upload with ?wait=true once the queued scores are stored", async () => {
    const app = createTestApp(database, { jobs });
    const admin = await signIn(
      app,
      (await buildUser(database, [{ role: "administrator", territoryCode: "IT" }])).email,
    );
    const company = await buildItalianCompany("Lanificio Coda S.r.l.");
    const csv = buildCsvFile([{ country: "IT", taxCode: company.taxCode, year: 2024 }]);
    const response = await app.request("/api/statements/import-spreadsheet?wait=true", {
      method: "POST",
      headers: admin.headers(),
      body: JSON.stringify({ fileName: "coda.csv", contentBase64: Buffer.from(csv).toString("base64") }),
    });
    const report = SpreadsheetImportReportSchema.parse(await response.json());
    expect(report).toMatchObject({ outcome: "imported", scoring: { state: "succeeded" } });
    expect(await countScores(company.id)).toBe(1);
  });

  it("queues one job run per group of a batch, naming it on each imported file's report", async () => {
    const report = await importXbrlFiles({ db: database.db, clock, jobs }, [
      { fileName: "2020.xbrl", bytes: readFixture("it-animeshon-srl-2020-micro.xbrl") },
      { fileName: "2021.xbrl", bytes: readFixture("it-animeshon-srl-2021-micro.xbrl") },
    ]);
    expect(report.scoringJobRunIds).toHaveLength(1);
    const [jobRunId] = report.scoringJobRunIds;
    for (const file of report.files)
      expect(file).toMatchObject({ outcome: "imported", scoringJobRunId: jobRunId });
    const run = await jobs.waitForJobRun(jobRunId as string, { timeoutMs: 30_000 });
    expect(run).toMatchObject({
      state: "succeeded",
      reason: "import of 2020.xbrl and 1 more files",
      total: 1,
    });
    const companyId = report.files[0]?.outcome === "imported" ? report.files[0].company.id : "";
    expect(await countScores(companyId)).toBeGreaterThanOrEqual(2);
  });

  it("queues nothing for a rejected file or one that changes nothing", async () => {
    const company = await buildItalianCompany("Tessitura Ferma S.r.l.");
    const before = await countJobRuns();
    const rejected = await importStatementSpreadsheet(
      { db: database.db, clock, jobs },
      {
        fileName: "bad.csv",
        bytes: encode(buildCsvFile([{ country: "IT", taxCode: "00000000000", year: 2024 }])),
      },
    );
    expect(rejected.outcome).toBe("rejected");
    expect(await countJobRuns()).toBe(before);

    const file = {
      fileName: "ferma.csv",
      bytes: encode(buildCsvFile([{ country: "IT", taxCode: company.taxCode, year: 2024 }])),
    };
    const first = await importStatementSpreadsheet({ db: database.db, clock, jobs }, file);
    expect(first).toMatchObject({ outcome: "imported", scoringJobRunId: expect.any(String) });
    await jobs.waitForJobRun((first as { scoringJobRunId: string }).scoringJobRunId, { timeoutMs: 30_000 });
    const again = await importStatementSpreadsheet({ db: database.db, clock, jobs }, file);
    expect(again).toMatchObject({ outcome: "unchanged" });
    expect(again).not.toHaveProperty("scoringJobRunId");
    expect(await countJobRuns()).toBe(before + 1);
  });
});
