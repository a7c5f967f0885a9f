import { describe, expect, it } from "vitest";
import type { StatementFormat } from "../statements/line-items.ts";
import {
  compileAggregates,
  computeBlockAggregates,
  createColumnReader,
  createItemList,
  readBlockCells,
  rowsPerBlock,
} from "./batch-programs.ts";
import {
  type AggregateId,
  encodeFormatCodes,
  type FormatColumns,
  readAggregates,
} from "./scoring-financial-aggregates.ts";
import { euros, healthyItems, makeHealthyStatement, makeStatement } from "./scoring-test-statements.ts";

describe(readAggregates, () => {
  it.each<[AggregateId, number, string]>([
    ["totalAssets", 1_000_000, "TA as filed"],
    ["totalLiabilities", 600_000, "TL = 1,000,000 − 400,000"],
    [
      "currentAssets",
      360_000,
      "CA = 100,000 + 200,000 + 0 + 50,000 + 10,000 (C.II within one year, not 260,000)",
    ],
    ["currentLiabilities", 260_000, "CL = 250,000 + 10,000 (D within one year, not 500,000)"],
    ["workingCapital", 100_000, "WC = 360,000 − 260,000"],
    ["earnedReserves", 180_000, "RE = 20,000 + 0 + 80,000 + 50,000 + 30,000, share capital left out"],
    ["bookValueOfEquity", 400_000, "BVE = equity"],
    ["earningsBeforeInterestAndTaxes", 80_000, "EBIT = A − B"],
    ["earningsBeforeTaxes", 50_000, "EBT = result before taxes"],
    ["netIncome", 30_000, "NI = net result"],
    ["sales", 1_500_000, "S = A.1 revenue"],
    ["fundsFromOperations", 80_000, "FFO = 30,000 + 10,000 + 40,000"],
  ])("reads %s = %s euros (%s)", (id, expectedEuros) => {
    const reading = readAggregates(makeHealthyStatement(), [id]);
    expect(reading).toEqual({ values: { [id]: euros(expectedEuros) }, missing: [] });
  });

  it("counts items the format has but the filing omits as 0", () => {
    const reading = readAggregates(
      makeStatement({ totalAssets: euros(500), cashAndEquivalents: euros(80) }),
      ["workingCapital", "earnedReserves"],
    );
    // WC = 0 + 0 + 0 + 80 + 0 − (0 + 0) = 80 euros; RE = 0.
    expect(reading).toEqual({ values: { workingCapital: euros(80), earnedReserves: 0 }, missing: [] });
  });

  it.each(["abridged", "micro"] as const)(
    "names B.10.a and B.10.b missing for FFO in a %s statement, whose schema groups them",
    (format) => {
      const { amortisationOfIntangibleAssets, depreciationOfTangibleAssets, ...items } = healthyItems;
      const reading = readAggregates(makeStatement(items, format), ["fundsFromOperations", "netIncome"]);
      expect(reading).toEqual({
        values: { netIncome: euros(30_000) },
        missing: ["amortisationOfIntangibleAssets", "depreciationOfTangibleAssets"],
      });
    },
  );

  it("treats an item that is not a finite number as missing, naming it once", () => {
    const reading = readAggregates(makeHealthyStatement({ totalAssets: Number.NaN }), [
      "totalAssets",
      "totalLiabilities",
      "netIncome",
    ]);
    expect(reading).toEqual({ values: { netIncome: euros(30_000) }, missing: ["totalAssets"] });
  });
});

describe("the batch aggregates (compileAggregates, readBlockCells, computeBlockAggregates)", () => {
  const nan = Number.NaN;

  it.each<[StatementFormat | undefined, number, number, string]>([
    // [format, B.10.a cell, expected FFO in cents]: NI 100 + B.10.a + B.10.b 5
    ["ordinary", 20, 125, "a present cell"],
    ["ordinary", nan, 105, "NaN in a format that has the item: 0"],
    ["micro", nan, nan, "NaN in a format without the item: missing"],
    ["micro", 20, 125, "a value present although the format lacks the item: used, as the reader does"],
    ["ordinary", Number.POSITIVE_INFINITY, nan, "±Infinity: missing"],
    [undefined, 20, nan, "no statement for the row"],
  ])("sums a %s row with B.10.a = %s to FFO %s (%s)", (format, cell, expected) => {
    const column = computeAggregateColumn(
      "fundsFromOperations",
      {
        format: [format],
        netResult: [100],
        amortisationOfIntangibleAssets: [cell],
        depreciationOfTangibleAssets: Float64Array.of(5),
      },
      1,
    );
    expect(column[0]).toBe(expected);
  });

  it("reads an absent column as absent items: 0 where the format has them", () => {
    // TL = TA 1,000 − equity (no column, so 0 in an ordinary statement) = 1,000.
    const column = computeAggregateColumn(
      "totalLiabilities",
      { format: ["ordinary"], totalAssets: [1000] },
      1,
    );
    expect([...column]).toEqual([1000]);
  });

  it("gives the same sums as readAggregates row by row", () => {
    const statements = [makeHealthyStatement(), makeHealthyStatement({ equity: euros(-5_000) }, "micro")];
    const ids: AggregateId[] = [
      "totalLiabilities",
      "workingCapital",
      "earnedReserves",
      "fundsFromOperations",
    ];
    const columns = {
      format: statements.map((statement) => statement.format),
      ...Object.fromEntries(
        Object.keys(statements[0]?.items ?? {}).map((id) => [
          id,
          statements.map((statement) => statement.items[id as keyof typeof statement.items] ?? Number.NaN),
        ]),
      ),
    };
    for (const id of ids) {
      const column = computeAggregateColumn(id, columns, statements.length);
      statements.forEach((statement, row) => {
        expect(column[row]).toBe(readAggregates(statement, [id]).values[id] ?? Number.NaN);
      });
    }
  });
});

describe("several batch aggregates computed together", () => {
  it("gives each aggregate the column computeAggregateColumn gives, shared definitions included", () => {
    const nan = Number.NaN;
    // FFO continues from NI, WC from CA, TL from TA: rows with omitted, infinite and absent statements.
    const columns = {
      format: ["ordinary", "micro", undefined, "abridged", "ordinary"] as (StatementFormat | undefined)[],
      totalAssets: [1000, 800, 900, nan, 0],
      equity: [400, nan, 100, 200, Number.POSITIVE_INFINITY],
      netResult: [50, -20, 10, nan, 5],
      amortisationOfIntangibleAssets: [3, nan, 1, 2, nan],
      inventories: [100, 50, nan, 20, 10],
      cashAndEquivalents: [nan, 30, 5, 7, -1],
      debtsDueWithinOneYear: [200, 90, 80, nan, 3],
    };
    const ids: AggregateId[] = [
      "fundsFromOperations",
      "netIncome",
      "workingCapital",
      "currentAssets",
      "currentLiabilities",
      "totalLiabilities",
      "totalAssets",
    ];
    const table = computeAggregateColumns(ids, columns, 5);
    for (const id of ids) expect([...(table[id] ?? [])]).toEqual([...computeAggregateColumn(id, columns, 5)]);
  });
});

/**
 * Several aggregates for every row, NaN where an item is missing, computed as the batch path computes
 * them (compileAggregates, readBlockCells, computeBlockAggregates, a block at a time): a NaN cell is an item the filing omits (0 when the row's format has it, missing when not),
 * ±Infinity is missing, and `format` may hold undefined for rows without a statement (every aggregate
 * is then missing). Each value equals readAggregates on the row's statement.
 */
function computeAggregateColumns(
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
function computeAggregateColumn(id: AggregateId, columns: FormatColumns, rowCount: number): Float64Array {
  return computeAggregateColumns([id], columns, rowCount)[id] ?? new Float64Array(rowCount);
}
