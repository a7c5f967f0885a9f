import type { LineItemId } from "../statements/line-items.ts";
import { type BlockScratch, findBlockKernels, writeFormatMaskTable } from "./block-kernels.ts";
import {
  findCutOffReach,
  type InputTable,
  isWithinRoundingReach,
  settleAgainstCutOffs,
} from "./scoring-exact-sign.ts";
import {
  type AggregateId,
  findOmittedCellValues,
  type ItemColumns,
  noStatementFormatCode,
  planAggregateColumns,
} from "./scoring-financial-aggregates.ts";
import type { LinearScoreRule } from "./scoring-rule-set.ts";

// The formulas of the batch path as data the row loops run: sums of line items (aggregates, CNDCEC
// numerators and denominators) and linear scores compiled once per call into index arrays over a block's
// scratch arrays. Each row goes through the same floating-point operations, in the same order, as the
// per-row functions, so it gets the same doubles.

/** The line items a call reads, each with its position in the block's cells. */
export type ItemList = { items: LineItemId[]; cellOf: (item: LineItemId) => number };

export function createItemList(): ItemList {
  const items: LineItemId[] = [];
  return {
    items,
    cellOf: (item) => {
      const position = items.indexOf(item);
      return position === -1 ? items.push(item) - 1 : position;
    },
  };
}

/**
 * Rows per block: the scratch arrays of a block (a few dozen columns of it) stay in the processor's cache.
 * Even: the kernels (block-kernels.ts) take rows in pairs, so an odd-length block writes one double past
 * its last row, which must stay inside the column.
 */
export const rowsPerBlock = 2048;
const formatCodeCount = noStatementFormatCode + 1;

/** The item columns a call reads (undefined: no row has the item), and what an omitted cell reads as. */
export type ColumnReader = {
  columns: (Float64Array | undefined)[];
  /** omitted[k × formatCodeCount + format code]: what an omitted cell of item k reads as (0 or NaN). */
  omitted: Float64Array;
  /** With a scratch: the block's format codes and each item's writeFormatMaskTable, for the readCells kernel. */
  kernelInputs: { blockCodes: Uint8Array; tables: Uint8Array[] } | undefined;
};

export function createColumnReader(
  items: readonly LineItemId[],
  columns: ItemColumns,
  scratch?: BlockScratch,
): ColumnReader {
  const omitted = new Float64Array(items.length * formatCodeCount);
  const readColumns = items.map((item, position) => {
    omitted.set(findOmittedCellValues(item), position * formatCodeCount);
    const column = columns[item];
    return column === undefined || column instanceof Float64Array ? column : Float64Array.from(column);
  });
  const kernelInputs = scratch && {
    blockCodes: scratch.takeBytes(rowsPerBlock),
    tables: items.map((item) => {
      const table = scratch.takeBytes(16);
      writeFormatMaskTable(findOmittedCellValues(item), table);
      return table;
    }),
  };
  return { columns: readColumns, omitted, kernelInputs };
}

/**
 * Cells start … start + length − 1 of every item into cells[k × rowsPerBlock + r]: a finite cell as it is,
 * a NaN cell (or a column no row has) as its row's format reads an omitted item (0, or NaN: missing),
 * ±Infinity as missing. With the reader's kernel inputs and cells in the same scratch, each column is
 * copied in and read in place by the readCells kernel.
 */
export function readBlockCells(
  reader: ColumnReader,
  formatCodes: Uint8Array,
  start: number,
  length: number,
  cells: Float64Array,
): void {
  const { columns, omitted, kernelInputs } = reader;
  const kernels = kernelInputs && findBlockKernels(cells, kernelInputs.blockCodes);
  if (kernels && kernelInputs) kernelInputs.blockCodes.set(formatCodes.subarray(start, start + length));
  for (let position = 0; position < columns.length; position += 1) {
    const column = columns[position];
    const offset = position * rowsPerBlock;
    const omittedOffset = position * formatCodeCount;
    if (column === undefined) {
      for (let row = 0; row < length; row += 1) {
        cells[offset + row] = omitted[omittedOffset + (formatCodes[start + row] as number)] as number;
      }
      continue;
    }
    if (kernels && kernelInputs) {
      cells.set(column.subarray(start, start + length), offset);
      const table = kernelInputs.tables[position] as Uint8Array;
      kernels.readCells(cells, offset, kernelInputs.blockCodes, length, table);
      continue;
    }
    for (let row = 0; row < length; row += 1) {
      const cell = column[start + row] as number;
      if (cell - cell === 0) cells[offset + row] = cell;
      else if (Number.isNaN(cell)) {
        cells[offset + row] = omitted[omittedOffset + (formatCodes[start + row] as number)] as number;
      } else cells[offset + row] = Number.NaN;
    }
  }
}

/** Signed sums of cells as index arrays: sum s is its prefix sum (−1: 0) plus terms from[s] … from[s + 1] − 1. */
export type SumProgram = { prefix: Int32Array; from: Int32Array; cell: Int32Array; sign: Float64Array };

export function compileSums(
  sums: readonly { prefix: number; terms: readonly { item: LineItemId; sign: 1 | -1 }[] }[],
  cellOf: (item: LineItemId) => number,
): SumProgram {
  const terms = sums.flatMap((sum) => sum.terms);
  const from = new Int32Array(sums.length + 1);
  sums.forEach((sum, index) => {
    from[index + 1] = (from[index] as number) + sum.terms.length;
  });
  return {
    prefix: Int32Array.from(sums, (sum) => sum.prefix),
    from,
    cell: Int32Array.from(terms, (term) => cellOf(term.item)),
    sign: Float64Array.from(terms, (term) => term.sign),
  };
}

/** Every sum of a program for the block's rows, into[s × rowsPerBlock + r], terms added in the program's order. */
export function runBlockSums(
  program: SumProgram,
  cells: Float64Array,
  into: Float64Array,
  length: number,
): void {
  const { prefix, from, cell, sign } = program;
  const kernels = findBlockKernels(cells, into);
  for (let sum = 0; sum < prefix.length; sum += 1) {
    const offset = sum * rowsPerBlock;
    const start = prefix[sum] as number;
    if (start < 0) into.fill(0, offset, offset + length);
    else into.copyWithin(offset, start * rowsPerBlock, start * rowsPerBlock + length);
    const end = from[sum + 1] as number;
    for (let term = from[sum] as number; term < end; term += 1) {
      const factor = sign[term] as number;
      const cellOffset = (cell[term] as number) * rowsPerBlock;
      if (kernels) {
        kernels.addTerm(into, offset, cells, cellOffset, factor, length);
        continue;
      }
      for (let row = 0; row < length; row += 1) {
        into[offset + row] = (into[offset + row] as number) + factor * (cells[cellOffset + row] as number);
      }
    }
  }
}

/** Aggregates of §4 compiled over the block's cells, in planAggregateColumns' order (slot = position in ids). */
export type AggregateProgram = { ids: readonly AggregateId[]; sums: SumProgram };

/** Compiles aggregates: one whose definition starts with another's continues from it; items go to `itemList`. */
export function compileAggregates(ids: Iterable<AggregateId>, itemList: ItemList): AggregateProgram {
  const plan = planAggregateColumns(ids);
  const order = plan.map((step) => step.id);
  const sums = compileSums(
    plan.map((step) => ({
      prefix: step.prefixId === undefined ? -1 : order.indexOf(step.prefixId),
      terms: step.items,
    })),
    itemList.cellOf,
  );
  return { ids: order, sums };
}

/** The block's aggregates into into[slot × rowsPerBlock + r], NaN where an item is missing or there is no statement. */
export function computeBlockAggregates(
  program: AggregateProgram,
  cells: Float64Array,
  formatCodes: Uint8Array,
  start: number,
  length: number,
  into: Float64Array,
): void {
  runBlockSums(program.sums, cells, into, length);
  for (let row = 0; row < length; row += 1) {
    if (formatCodes[start + row] !== noStatementFormatCode) continue;
    for (let slot = 0; slot < program.ids.length; slot += 1) into[slot * rowsPerBlock + row] = Number.NaN;
  }
}

/** A linear score's terms as index arrays over the block's aggregates. */
export type LinearProgram = {
  rule: LinearScoreRule;
  intercept: number;
  coefficient: Float64Array;
  numerator: Int32Array;
  denominator: Int32Array;
  cutOffs: Float64Array;
  cutOffList: readonly number[];
  widestReach: number;
  constant: number;
};

export function compileLinear(
  rule: LinearScoreRule,
  aggregateOf: (id: string) => number,
  cutOffs: readonly number[],
  constant = 0,
): LinearProgram {
  let widestReach = 0;
  for (const cutOff of cutOffs) widestReach = Math.max(widestReach, findCutOffReach(cutOff));
  return {
    rule,
    intercept: rule.intercept?.value ?? 0,
    coefficient: Float64Array.from(rule.terms, (term) => term.coefficient.value),
    numerator: Int32Array.from(rule.terms, (term) => aggregateOf(term.numerator)),
    denominator: Int32Array.from(rule.terms, (term) => aggregateOf(term.denominator)),
    cutOffs: Float64Array.from(cutOffs),
    cutOffList: cutOffs,
    widestReach,
    constant,
  };
}

/**
 * intercept + Σ coefficient × numerator ÷ denominator for the block's rows into scores[0 … length − 1], the
 * terms added in the rule's order as evaluateLinearScore adds them (NaN on a 0 divisor or a missing input).
 */
export function evaluateLinearBlock(
  program: LinearProgram,
  aggregates: Float64Array,
  scores: Float64Array,
  length: number,
): void {
  const { coefficient, numerator, denominator } = program;
  const kernels = findBlockKernels(aggregates, scores);
  scores.fill(program.intercept, 0, length);
  for (let term = 0; term < coefficient.length; term += 1) {
    const factor = coefficient[term] as number;
    const top = (numerator[term] as number) * rowsPerBlock;
    const bottom = (denominator[term] as number) * rowsPerBlock;
    if (kernels) {
      kernels.addRatioTerm(scores, aggregates, top, bottom, factor, length);
      continue;
    }
    for (let row = 0; row < length; row += 1) {
      const divisor = aggregates[bottom + row] as number;
      const ratio = divisor === 0 ? Number.NaN : (aggregates[top + row] as number) / divisor;
      scores[row] = (scores[row] as number) + factor * ratio;
    }
  }
}

/** A one-row input table of a row's aggregates, for the exact settlement of the rare rows near a cut-off. */
export type RowTable = { table: InputTable; cells: Float64Array[] };

export function createRowTable(ids: readonly AggregateId[]): RowTable {
  const cells = ids.map(() => new Float64Array(1));
  const table: InputTable = {};
  ids.forEach((id, index) => {
    table[id] = cells[index];
  });
  return { table, cells };
}

/**
 * Whether settleAgainstCutOffs could move a finite value of row `row` (its cheap test, then the rounding
 * reach, with the terms' magnitude summed as it sums them): when not, it would return the value as it is.
 */
export function needsSettling(
  program: LinearProgram,
  value: number,
  aggregates: Float64Array,
  row: number,
): boolean {
  const { cutOffs, widestReach } = program;
  let magnitude = Number.NaN;
  for (let index = 0; index < cutOffs.length; index += 1) {
    const cutOff = cutOffs[index] as number;
    const distance = Math.abs(value - cutOff);
    if (distance > widestReach || distance > findCutOffReach(cutOff)) continue;
    if (Number.isNaN(magnitude)) magnitude = findTermMagnitude(program, aggregates, row);
    if (isWithinRoundingReach(distance, magnitude, cutOff)) return true;
  }
  return false;
}

/** |constant| + |intercept| + Σ |coefficient × numerator ÷ denominator| of row `row`, as settleAgainstCutOffs sums it. */
function findTermMagnitude(program: LinearProgram, aggregates: Float64Array, row: number): number {
  const { coefficient, numerator, denominator } = program;
  let magnitude = Math.abs(program.intercept);
  for (let term = 0; term < coefficient.length; term += 1) {
    const top = aggregates[(numerator[term] as number) * rowsPerBlock + row] as number;
    const bottom = aggregates[(denominator[term] as number) * rowsPerBlock + row] as number;
    magnitude += Math.abs((coefficient[term] as number) * (top / bottom));
  }
  return magnitude + Math.abs(program.constant);
}

/** How many of the bounds are above the value (counted without a branch). */
export function countBoundsAbove(bounds: Float64Array, value: number): number {
  let above = 0;
  for (let index = 0; index < bounds.length; index += 1) above += +((bounds[index] as number) > value);
  return above;
}

/** settleAgainstCutOffs for row `row` of the block (a value near a cut-off: rare). */
export function settleRow(
  program: LinearProgram,
  value: number,
  aggregates: Float64Array,
  row: number,
  rowTable: RowTable,
): number {
  rowTable.cells.forEach((cell, index) => {
    cell[0] = aggregates[index * rowsPerBlock + row] as number;
  });
  return settleAgainstCutOffs(value, program.rule, rowTable.table, 0, program.cutOffList, program.constant);
}
