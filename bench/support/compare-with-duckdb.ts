import { cndcecIndexIds } from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import type { EngineBatchResult } from "./score-engine-batch.ts";

const isSameValue = (engine: number, duckdb: unknown) => {
  if (duckdb === null) return Number.isNaN(engine);
  const value = Number(duckdb);
  return value === engine || Math.abs(value - engine) <= 1e-12 * Math.abs(engine);
};

export type DuckDbAgreement = { comparedRows: number; differingRows: number; examples: string[] };

/**
 * Counts the rows of DuckDB's results (the first rows, read back from its `results` table) where a zone, a
 * breach flag or a value (relative 1e-12) differs from the engine's. Returns the first differences found.
 */
export function compareWithDuckDb(
  rows: readonly Record<string, unknown>[],
  batch: EngineBatchResult,
): DuckDbAgreement {
  const indexColumns = cndcecIndexIds.map((index) => index.toLowerCase());
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
