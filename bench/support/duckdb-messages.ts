/** What bench:score asks of its DuckDB process (duckdb-scoring-process.ts). */
export type DuckDbRequest =
  | { kind: "describe" }
  /** Generate the bench's columns (generateCompanyYears(rowCount, seed)) and load them, not timed. */
  | { kind: "load"; rowCount: number; seed: number }
  /** Run the scoring SQL `runs` times on `threads` threads; the milliseconds of each run. */
  | { kind: "run"; threads: number; runs: number }
  /** The results of the first `rowCount` rows, by row_id. */
  | { kind: "read"; rowCount: number }
  | { kind: "unload" };

export type DuckDbResponse =
  | { kind: "ready" }
  | { kind: "described"; version: string; threads: number }
  | { kind: "loaded"; fingerprint: string }
  | { kind: "ran"; times: number[] }
  | { kind: "rows"; rows: Record<string, unknown>[] }
  | { kind: "unloaded" };
