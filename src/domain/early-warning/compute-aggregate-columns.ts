import {
  compileAggregates,
  computeBlockAggregates,
  createColumnReader,
  createItemList,
  readBlockCells,
  rowsPerBlock,
} from "./batch-programs.ts";
import { type AggregateId, encodeFormatCodes, type FormatColumns } from "./scoring-financial-aggregates.ts";

/**
 * Several aggregates for every row, NaN where an item is missing, computed by the batch path's own
 * programs: a NaN cell is an item the filing omits (0 when the row's format has it, missing when not),
 * ±Infinity is missing, and `format` may hold undefined for rows without a statement (every aggregate
 * is then missing). Each value equals readAggregates on the row's statement.
 */
export function computeAggregateColumns(
  ids: Iterable<AggregateId>,
  columns: FormatColumns,
  rowCount: number,
): Partial<Record<AggregateId, Float64Array>> {
  const formatCodes = encodeFormatCodes(columns.format, rowCount);
  const itemList = createItemList();
  const program = compileAggregates(ids, itemList);
  const reader = createColumnReader(itemList.items, columns);
  const cells = new Float64Array(itemList.items.length * rowsPerBlock);
  const block = new Float64Array(program.ids.length * rowsPerBlock);
  const result: Partial<Record<AggregateId, Float64Array>> = {};
  for (const id of program.ids) result[id] = new Float64Array(rowCount);
  for (let start = 0; start < rowCount; start += rowsPerBlock) {
    const length = Math.min(rowsPerBlock, rowCount - start);
    readBlockCells(reader, formatCodes, start, length, cells);
    computeBlockAggregates(program, cells, formatCodes, start, length, block);
    program.ids.forEach((id, slot) => {
      result[id]?.set(block.subarray(slot * rowsPerBlock, slot * rowsPerBlock + length), start);
    });
  }
  return result;
}

/** One aggregate for every row (computeAggregateColumns of that one). */
export function computeAggregateColumn(
  id: AggregateId,
  columns: FormatColumns,
  rowCount: number,
): Float64Array {
  return computeAggregateColumns([id], columns, rowCount)[id] ?? new Float64Array(rowCount);
}
