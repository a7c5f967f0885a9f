import type { DuckDBConnection } from "@duckdb/node-api";
import { toColumnName } from "./build-scoring-sql.ts";
import type { CompanyYearColumns } from "./generate-company-years.ts";

// DuckDB's standard vector size: one data chunk per 2,048 rows.
const rowsPerChunk = 2048;

/**
 * Creates `company_years` (row_id, format, sector_group and one DOUBLE per item, NULL where the cell is
 * NaN) and fills it through the appender, a data chunk at a time, from the same columns the engine reads.
 */
export async function loadDuckDbColumns(
  connection: DuckDBConnection,
  data: CompanyYearColumns,
  items: readonly string[],
): Promise<void> {
  const { DOUBLE, DuckDBDataChunk, INTEGER, UTINYINT, VARCHAR } = await import("@duckdb/node-api");
  const itemColumns = items.map((item) => toColumnName(item));
  await connection.run(
    `create or replace table company_years (row_id INTEGER, format VARCHAR, sector_group UTINYINT, ${itemColumns.map((column) => `${column} DOUBLE`).join(", ")})`,
  );
  const appender = await connection.createAppender("company_years");
  const types = [INTEGER, VARCHAR, UTINYINT, ...items.map(() => DOUBLE)];
  const sources = items.map((item) => data.current[item as keyof typeof data.current] as ArrayLike<number>);
  for (let first = 0; first < data.rowCount; first += rowsPerChunk) {
    const count = Math.min(rowsPerChunk, data.rowCount - first);
    const chunk = DuckDBDataChunk.create(types, count);
    const rowIds = chunk.getColumnVector(0);
    const formats = chunk.getColumnVector(1);
    const groups = chunk.getColumnVector(2);
    for (let offset = 0; offset < count; offset += 1) {
      rowIds.setItem(offset, first + offset);
      formats.setItem(offset, data.current.format[first + offset] ?? null);
      groups.setItem(offset, data.sectorGroup[first + offset] ?? 0);
    }
    rowIds.flush();
    formats.flush();
    groups.flush();
    sources.forEach((source, index) => {
      const vector = chunk.getColumnVector(3 + index);
      for (let offset = 0; offset < count; offset += 1) {
        const cell = source?.[first + offset] ?? Number.NaN;
        vector.setItem(offset, Number.isNaN(cell) ? null : cell);
      }
      vector.flush();
    });
    appender.appendDataChunk(chunk);
  }
  appender.closeSync();
}
