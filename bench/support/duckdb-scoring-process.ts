// The DuckDB side of bench:score, in a process of its own (started by startDuckDbProcess): DuckDB's native
// library is never loaded into the process that times the engine. Just loading it there slowed the
// engine's JavaScript by 15–30 % on the machines measured, which would charge the engine for DuckDB.
// The process regenerates the bench's columns from the same seed (generateCompanyYears is deterministic;
// the fingerprint checks it), loads them through the appender (not timed) and times the scoring SQL.
import { crisisCodeRuleSet2019 } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "../../src/domain/early-warning/rule-sets/distress-models-2025.ts";
import { buildScoringSql, buildThresholdsSql, findSqlItems } from "./build-scoring-sql.ts";
import type { DuckDbRequest, DuckDbResponse } from "./duckdb-messages.ts";
import { fingerprintColumns } from "./fingerprint-columns.ts";
import { generateCompanyYears } from "./generate-company-years.ts";
import { loadDuckDbColumns } from "./load-duckdb-columns.ts";
import { timeRun } from "./measure-runs.ts";

const { DuckDBInstance } = await import("@duckdb/node-api");
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run(buildThresholdsSql(crisisCodeRuleSet2019));
const scoringSql = buildScoringSql(distressModels2025, crisisCodeRuleSet2019);
const sqlItems = findSqlItems();

async function handle(request: DuckDbRequest): Promise<DuckDbResponse> {
  switch (request.kind) {
    case "describe": {
      const reader = await connection.runAndReadAll(
        "select version() as version, current_setting('threads') as threads",
      );
      const row = reader.getRowObjectsJS()[0];
      return { kind: "described", version: String(row?.version), threads: Number(row?.threads) };
    }
    case "load": {
      const data = generateCompanyYears(request.rowCount, request.seed);
      await loadDuckDbColumns(connection, data, sqlItems);
      return { kind: "loaded", fingerprint: fingerprintColumns(data) };
    }
    case "run": {
      await connection.run(`set threads = ${request.threads}`);
      const times: number[] = [];
      for (let run = 0; run < request.runs; run += 1) {
        await connection.run("drop table if exists results");
        times.push(await timeRun(() => connection.run(scoringSql)));
      }
      await connection.run("reset threads");
      return { kind: "ran", times };
    }
    case "read": {
      const reader = await connection.runAndReadAll(
        `select * from results where row_id < ${request.rowCount} order by row_id`,
      );
      return { kind: "rows", rows: reader.getRowObjectsJS() as Record<string, unknown>[] };
    }
    case "unload":
      await connection.run("drop table if exists results; drop table if exists company_years");
      return { kind: "unloaded" };
  }
}

process.on("message", (message: { id: number; request: DuckDbRequest }) => {
  handle(message.request).then(
    (response) => process.send?.({ id: message.id, response }),
    (error: unknown) =>
      process.send?.({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on("disconnect", () => {
  connection.closeSync();
  instance.closeSync();
  process.exit(0);
});
process.send?.({ id: 0, response: { kind: "ready" } });
