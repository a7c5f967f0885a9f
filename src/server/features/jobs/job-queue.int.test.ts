import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { buildUser, signIn } from "../../../../test/factories/build-user.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { createLogger } from "../../logging/logger.ts";
import { type JobQueue, startJobQueue } from "./job-queue.ts";
import { findJobRuns } from "./jobs.repo.ts";

let database: DatabaseHandle;
let jobs: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  jobs = await startJobQueue({ database, clock: () => new Date(), logger: createLogger("silent") });
});
afterAll(async () => {
  await jobs.stop();
  await database.close();
});

async function waitForRun(jobRunId: string) {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    const run = (await findJobRuns(database.db, 50)).find((candidate) => candidate.id === jobRunId);
    if (run && (run.state === "succeeded" || run.state === "failed")) return run;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the job did not finish");
}

describe(startJobQueue, () => {
  it("scores in the background what lacks results, with its progress recorded, and changes nothing when run again", async () => {
    const company = await buildCompany(database);
    await buildStatement(database, company.id, 2023);
    await buildStatement(database, company.id, 2024);
    const first = await waitForRun(await jobs.enqueueScoring("unscored", "test"));
    // Progress counts companies: one company with two statements.
    expect(first).toMatchObject({ state: "succeeded", done: 1, total: 1 });
    const scored = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from scores where company_id = ${company.id} and model = 'alert_level'`,
    );
    expect(scored[0]?.count).toBe(2);
    const second = await waitForRun(await jobs.enqueueScoring("unscored", "test again"));
    expect(second).toMatchObject({ state: "succeeded", done: 0 });
  });

  it("lets an administrator queue a full rescore and follow it", async () => {
    const app = createTestApp(database, { jobs });
    const admin = await signIn(
      app,
      (await buildUser(database, [{ role: "administrator", territoryCode: "IT" }])).email,
    );
    const queued = await app.request("/api/admin/jobs/scoring", {
      method: "POST",
      headers: admin.headers(),
      body: JSON.stringify({ scope: "all" }),
    });
    expect(queued.status).toBe(202);
    const { jobRunId } = (await queued.json()) as { jobRunId: string };
    expect((await waitForRun(jobRunId)).state).toBe("succeeded");
    const listed = (await (await app.request("/api/admin/jobs", { headers: admin.headers() })).json()) as {
      items: { id: string }[];
    };
    expect(listed.items.map((item) => item.id)).toContain(jobRunId);
  });

  it("answers 503 when the server runs without a queue", async () => {
    const app = createTestApp(database);
    const admin = await signIn(
      app,
      (await buildUser(database, [{ role: "administrator", territoryCode: "IT" }])).email,
    );
    const response = await app.request("/api/admin/jobs/scoring", {
      method: "POST",
      headers: admin.headers(),
      body: JSON.stringify({ scope: "all" }),
    });
    expect(response.status).toBe(503);
  });
});
