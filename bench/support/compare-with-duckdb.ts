import type { DuckDBConnection } from "@duckdb/node-api";
import { cndcecIndexIds } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import type { EngineBatchResult } from "./score-engine-batch.ts";

const isSameValue = (engine: number, duckdb: unknown) => {
  if (duckdb === null) return Number.isNaN(engine);
  const value = Number(duckdb);
  return value === engine || Math.abs(value - engine) <= 1e-12 * Math.abs(engine);
};

/**
 * Reads DuckDB's results for the first `rowCount` rows back and counts the rows where a zone, a breach
 * flag or a value (relative 1e-12) differs from the engine's. Returns the first differences found.
 */
export async function compareWithDuckDb(
  connection: DuckDBConnection,
  batch: EngineBatchResult,
  rowCount: number,
): Promise<{ comparedRows: number; differingRows: number; examples: string[] }> {
  const indexColumns = cndcecIndexIds.map((index) => index.toLowerCase());
  const reader = await connection.runAndReadAll(
    `select row_id, z_prime, z_prime_zone, z_double_prime, z_double_prime_zone,
       ${indexColumns.map((column) => `${column}_percent, ${column}_breached`).join(", ")}
     from results where row_id < ${rowCount} order by row_id`,
  );
  const rows = reader.getRowObjectsJS();
  let differingRows = 0;
  const examples: string[] = [];
  for (const row of rows) {
    const id = Number(row.row_id);
    const differences: string[] = [];
    const check = (name: string, engine: number, duckdb: unknown) => {
      if (!isSameValue(engine, duckdb)) differences.push(`${name} engine ${engine} DuckDB ${String(duckdb)}`);
    };
    check("Z′", batch.scores.altmanZPrime.value[id] ?? Number.NaN, row.z_prime);
    check("Z′ zone", batch.scores.altmanZPrime.zone[id] ?? -1, row.z_prime_zone);
    check("Z″", batch.scores.altmanZDoublePrime.value[id] ?? Number.NaN, row.z_double_prime);
    check("Z″ zone", batch.scores.altmanZDoublePrime.zone[id] ?? -1, row.z_double_prime_zone);
    cndcecIndexIds.forEach((index, position) => {
      const column = indexColumns[position];
      check(`${index} percent`, batch.indices.percent[index][id] ?? Number.NaN, row[`${column}_percent`]);
      check(
        `${index} breached`,
        batch.indices.isBreached[index][id] ?? -1,
        row[`${column}_breached`] ? 1 : 0,
      );
    });
    if (differences.length === 0) continue;
    differingRows += 1;
    if (examples.length < 5) examples.push(`row ${id}: ${differences.join("; ")}`);
  }
  return { comparedRows: rows.length, differingRows, examples };
}
