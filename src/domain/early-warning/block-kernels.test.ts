import { describe, expect, it, vi } from "vitest";
import type { LineItemId } from "../statements/line-items.ts";
import {
  compileLinear,
  compileSums,
  createColumnReader,
  evaluateLinearBlock,
  readBlockCells,
  rowsPerBlock,
  runBlockSums,
} from "./batch-programs.ts";
import {
  type BlockKernels,
  findBlockKernels,
  openBlockScratch,
  runWithoutBlockKernels,
  writeFormatMaskTable,
} from "./block-kernels.ts";
import { buildCompanyYearColumns } from "./build-company-year-columns.ts";
import type { SourcedValue } from "./model-result.ts";
import { findOhlsonKernelCoefficients } from "./ohlson-kernel-code.ts";
import { crisisCodeRuleSet2019 } from "./rule-sets/crisis-code-2019.ts";
import { distressModels2025 } from "./rule-sets/distress-models-2025.ts";
import { scoreCompanyYearColumns } from "./score-company-year-columns.ts";
import { encodeFormatCodes, noStatementFormatCode } from "./scoring-financial-aggregates.ts";
import { computeOhlsonScore, computeOhlsonSize, ohlsonAggregates } from "./scoring-ohlson.ts";
import { randomCompanyYearRows } from "./scoring-test-statements.ts";

// Each kernel against the JavaScript loop it replaces, on the same inputs: the kernel runs when the arrays
// are scratch arrays (openBlockScratch), the loop when they are plain ones. Equal means the same double,
// told apart by Object.is (−0 is not 0; every NaN is NaN).

/** Positions where two arrays differ, as Object.is tells them apart (NaN equals NaN). */
function findDifferences(left: ArrayLike<number>, right: ArrayLike<number>, length: number): number[] {
  const differences: number[] = [];
  for (let index = 0; index < length; index += 1) {
    if (!Object.is(left[index], right[index])) differences.push(index);
  }
  return differences;
}

// Cells that test every path: finite (−0 and 0 included), NaN (omitted), ±∞, extremes.
const specialCells = [
  0,
  -0,
  1,
  -1,
  123_456_789_012,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_VALUE,
  -Number.MIN_VALUE,
  5e-324,
  Number.NaN,
];

describe("the SIMD kernels", () => {
  it("run on this platform (Node ≥ 20 has WebAssembly SIMD)", () => {
    const scratch = openBlockScratch();
    expect(findBlockKernels(scratch.takeDoubles(4), scratch.takeBytes(4))).toBeDefined();
    expect(findBlockKernels(new Float64Array(4))).toBeUndefined();
  });

  it("each run when scoreCompanyYearColumns scores a batch, and none under runWithoutBlockKernels", () => {
    const kernels = findBlockKernels(openBlockScratch().takeDoubles(2)) as BlockKernels;
    const names = ["readCells", "addTerm", "addRatioTerm", "scoreOhlson", "screenIndex"] as const;
    const spies = names.map((name) => vi.spyOn(kernels, name));
    try {
      const columns = buildCompanyYearColumns(randomCompanyYearRows(3000, 13));
      const ruleSets = { crisisCode: crisisCodeRuleSet2019, distress: distressModels2025 };
      runWithoutBlockKernels(() => scoreCompanyYearColumns(columns, ruleSets));
      expect(spies.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
      scoreCompanyYearColumns(columns, ruleSets);
      for (const spy of spies) expect(spy).toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("take rows in pairs, within the columns of an even block", () => {
    expect(rowsPerBlock % 2).toBe(0);
  });
});

describe("readBlockCells with the readCells kernel", () => {
  // "equity" is in every format; "taxDebts" only in the ordinary and consolidated ones: a NaN cell reads
  // as 0 or as missing by the row's format.
  const items: LineItemId[] = ["equity", "taxDebts", "revenue"];
  const rowCount = 3 * rowsPerBlock + 7;
  const formats = ["ordinary", "abridged", "micro", "consolidated", undefined] as const;
  const format = Array.from({ length: rowCount }, (_, row) => formats[(row * 7) % formats.length]);
  const formatCodes = encodeFormatCodes(format, rowCount);
  const columnOf = (shift: number) =>
    Float64Array.from(
      { length: rowCount },
      (_, row) => specialCells[(row + shift) % specialCells.length] as number,
    );
  const columns = { equity: columnOf(0), taxDebts: columnOf(5) };

  it.each([
    ["a whole block", 0, rowsPerBlock],
    ["an odd length", 1, 1],
    ["three rows from an odd start", rowsPerBlock + 3, 3],
    ["the odd tail", 3 * rowsPerBlock, 7],
    ["no row", 5, 0],
  ])("reads %s as the loop does (start %s, %s rows)", (_case, start, length) => {
    const plain = createColumnReader(items, columns);
    const plainCells = new Float64Array(items.length * rowsPerBlock).fill(7);
    readBlockCells(plain, formatCodes, start, length, plainCells);

    const scratch = openBlockScratch();
    const reader = createColumnReader(items, columns, scratch);
    const cells = scratch.takeDoubles(items.length * rowsPerBlock).fill(7);
    expect(findBlockKernels(cells, reader.kernelInputs?.blockCodes as Uint8Array)).toBeDefined();
    readBlockCells(reader, formatCodes, start, length, cells);
    for (let position = 0; position < items.length; position += 1) {
      const offset = position * rowsPerBlock;
      const expected = plainCells.subarray(offset, offset + length);
      expect(findDifferences(expected, cells.subarray(offset, offset + length), length)).toEqual([]);
    }
  });

  it("reads what the §0 convention says, cell by cell", () => {
    const scratch = openBlockScratch();
    const reader = createColumnReader(items, columns, scratch);
    const cells = scratch.takeDoubles(items.length * rowsPerBlock);
    readBlockCells(reader, formatCodes, 0, rowsPerBlock, cells);
    const taxDebtsAt = rowsPerBlock;
    const rowOf = (cell: number, rowFormat: (typeof formats)[number]) =>
      format.findIndex((value, row) => value === rowFormat && Object.is(columns.taxDebts[row], cell));
    // An omitted item (NaN) the row's format has reads as 0; one it lacks (abridged, micro, no statement)
    // as missing.
    expect(cells[taxDebtsAt + rowOf(Number.NaN, "ordinary")]).toBe(0);
    expect(cells[taxDebtsAt + rowOf(Number.NaN, "abridged")]).toBeNaN();
    expect(cells[taxDebtsAt + rowOf(Number.NaN, "micro")]).toBeNaN();
    expect(cells[taxDebtsAt + rowOf(Number.NaN, undefined)]).toBeNaN();
    // ±∞ is missing whatever the format; −0 stays −0.
    expect(cells[taxDebtsAt + rowOf(Number.POSITIVE_INFINITY, "ordinary")]).toBeNaN();
    expect(cells[taxDebtsAt + rowOf(Number.NEGATIVE_INFINITY, "abridged")]).toBeNaN();
    expect(Object.is(cells[taxDebtsAt + rowOf(-0, "abridged")], -0)).toBe(true);
    // A column no row has ("revenue") reads as each row's format reads an omitted item.
    const revenueAt = 2 * rowsPerBlock;
    expect(cells[revenueAt + rowOf(Number.NaN, "ordinary")]).toBe(0);
    expect(cells[revenueAt + rowOf(Number.NaN, undefined)]).toBeNaN();
  });
});

describe(writeFormatMaskTable, () => {
  it("marks the format codes whose omitted cell reads as 0", () => {
    const omitted = new Float64Array(noStatementFormatCode + 1).fill(Number.NaN);
    omitted[0] = 0;
    omitted[2] = 0;
    const table = new Uint8Array(16).fill(9);
    writeFormatMaskTable(omitted, table);
    expect(Array.from(table.subarray(0, 4))).toEqual([0xff, 0, 0xff, 0]);
    expect(table.subarray(noStatementFormatCode + 1).every((byte) => byte === 0)).toBe(true);
  });
});

describe("runBlockSums with the addTerm kernel", () => {
  // Three sums over four cells: a plain one, one continuing from the first, one with a single term.
  const program = compileSums(
    [
      {
        prefix: -1,
        terms: [
          { item: "equity", sign: 1 },
          { item: "debts", sign: -1 },
          { item: "revenue", sign: 1 },
        ],
      },
      { prefix: 0, terms: [{ item: "inventories", sign: -1 }] },
      { prefix: -1, terms: [{ item: "inventories", sign: 1 }] },
    ],
    (item) => ["equity", "debts", "revenue", "inventories"].indexOf(item),
  );
  const fillCells = (cells: Float64Array) => {
    for (let index = 0; index < cells.length; index += 1) {
      cells[index] = specialCells[(index * 5) % specialCells.length] as number;
      if (index % 13 === 0) cells[index] = index * 1.5;
    }
  };

  it.each([rowsPerBlock, 1, 2, 999])("adds %s rows' terms as the loop does", (length) => {
    const plainCells = new Float64Array(4 * rowsPerBlock);
    fillCells(plainCells);
    const plainSums = new Float64Array(3 * rowsPerBlock);
    runBlockSums(program, plainCells, plainSums, length);

    const scratch = openBlockScratch();
    const cells = scratch.takeDoubles(4 * rowsPerBlock);
    fillCells(cells);
    const sums = scratch.takeDoubles(3 * rowsPerBlock);
    runBlockSums(program, cells, sums, length);
    for (let sum = 0; sum < 3; sum += 1) {
      const offset = sum * rowsPerBlock;
      expect(
        findDifferences(plainSums.subarray(offset), sums.subarray(offset), length),
        `sum ${sum}`,
      ).toEqual([]);
    }
  });
});

describe("evaluateLinearBlock with the addRatioTerm kernel", () => {
  const sourced = (value: number): SourcedValue => ({ value, source: "test", tag: "V" });
  // 0.5 + 1.2 × sales ÷ totalAssets − 3.3 × debts ÷ totalAssets; slots: sales 0, totalAssets 1, debts 2.
  const program = compileLinear(
    {
      intercept: sourced(0.5),
      terms: [
        { coefficient: sourced(1.2), numerator: "sales", denominator: "totalAssets" },
        { coefficient: sourced(-3.3), numerator: "totalLiabilities", denominator: "totalAssets" },
      ],
    },
    (id) => ["sales", "totalAssets", "totalLiabilities"].indexOf(id),
    [1.23, 2.9],
  );
  // Divisors include 0, −0, NaN and ±∞: the ratio is NaN on a 0 divisor, IEEE 754 elsewhere.
  const divisors = [1, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, -7, 3e-300, 1e300];
  const fillAggregates = (aggregates: Float64Array) => {
    for (let row = 0; row < rowsPerBlock; row += 1) {
      aggregates[row] = specialCells[row % specialCells.length] as number;
      aggregates[rowsPerBlock + row] = divisors[(row * 3) % divisors.length] as number;
      aggregates[2 * rowsPerBlock + row] = row % 7 === 0 ? 0 : row * 0.1;
    }
  };

  it.each([rowsPerBlock, 1, 3, 64])("scores %s rows as the loop does", (length) => {
    const plainAggregates = new Float64Array(3 * rowsPerBlock);
    fillAggregates(plainAggregates);
    const plainScores = new Float64Array(rowsPerBlock);
    evaluateLinearBlock(program, plainAggregates, plainScores, length);

    const scratch = openBlockScratch();
    const aggregates = scratch.takeDoubles(3 * rowsPerBlock);
    fillAggregates(aggregates);
    const scores = scratch.takeDoubles(rowsPerBlock);
    evaluateLinearBlock(program, aggregates, scores, length);
    expect(findDifferences(plainScores, scores, length)).toEqual([]);
  });
});

describe("the scoreOhlson kernel", () => {
  const rule = distressModels2025.ohlson;
  const coefficients = findOhlsonKernelCoefficients(rule);
  // Rows that take every path of computeOhlsonScore: computable, TA ≤ 0 or NaN, an index ≤ 0, CA, TL or
  // |NI| + |previous NI| 0, TL above TA, a loss in both years, −0, extremes; then rows of mixed values.
  type Row = [number, number, number, number, number, number, number, number, number];
  const cases: Row[] = [
    // TA, TL, WC, CL, CA, NI, FFO, previous NI, index
    [1e9, 6e8, 2e8, 3e8, 5e8, 4e7, 6e7, 3e7, 1.2],
    [1e9, 1.2e9, -2e8, 7e8, 5e8, -4e7, -1e7, -3e7, 3.5],
    [0, 6e8, 2e8, 3e8, 5e8, 4e7, 6e7, 3e7, 1.2],
    [-5, 6e8, 2e8, 3e8, 5e8, 4e7, 6e7, 3e7, 1.2],
    [Number.NaN, 6e8, 2e8, 3e8, 5e8, 4e7, 6e7, 3e7, 1.2],
    [1e9, 6e8, 2e8, 3e8, 5e8, 4e7, 6e7, 3e7, 0],
    [1e9, 6e8, 2e8, 3e8, 0, 4e7, 6e7, 3e7, 1.2],
    [1e9, -0, 2e8, 3e8, 5e8, 4e7, 6e7, 3e7, 1.2],
    [1e9, 6e8, 2e8, 3e8, 5e8, 0, 6e7, -0, 1.2],
    [1e9, 6e8, Number.NaN, 3e8, 5e8, 4e7, 6e7, 3e7, 1.2],
    [1e9, 6e8, 2e8, 3e8, 5e8, -0, 6e7, -3e7, 1.2],
    [1, 1e15, 2e8, 3e8, 5e-324, 4e7, 6e7, 3e7, 1e-300],
    [1e9, 6e8, 2e8, 3e8, 5e8, 4e7, Number.POSITIVE_INFINITY, 3e7, 1.2],
  ];
  const rowCount = 301;
  const rows = Array.from({ length: rowCount }, (_, row): Row => {
    const known = cases[row];
    if (known) return known;
    const mixed = cases[(row * 7) % cases.length] as Row;
    return mixed.map((value, position) => (position === row % 9 ? value * -1.37 : value)) as Row;
  });

  it("gives computeOhlsonScore's T on every row", () => {
    const scratch = openBlockScratch();
    const aggregates = scratch.takeDoubles(ohlsonAggregates.length * rowsPerBlock);
    const offsets = Object.fromEntries(
      ohlsonAggregates.map((column, position) => [column, position * rowsPerBlock]),
    ) as Record<(typeof ohlsonAggregates)[number], number>;
    const [previous, indices, sizes, scores] = [1, 2, 3, 4].map(() => scratch.takeDoubles(rowsPerBlock)) as [
      Float64Array,
      Float64Array,
      Float64Array,
      Float64Array,
    ];
    rows.forEach((values, row) => {
      ohlsonAggregates.forEach((column, position) => {
        aggregates[offsets[column] + row] = values[position] as number;
      });
      previous[row] = values[7];
      indices[row] = values[8];
      sizes[row] = computeOhlsonSize(values[0], values[8]);
    });
    const kernels = findBlockKernels(aggregates, previous, indices, sizes, scores);
    kernels?.scoreOhlson(scores, sizes, indices, aggregates, offsets, previous, coefficients, rowCount);
    const expected = rows.map(
      ([
        totalAssets,
        totalLiabilities,
        workingCapital,
        currentLiabilities,
        currentAssets,
        netIncome,
        fundsFromOperations,
        previousNetIncome,
        priceLevelIndex,
      ]) =>
        computeOhlsonScore(rule, {
          totalAssets,
          totalLiabilities,
          workingCapital,
          currentLiabilities,
          currentAssets,
          netIncome,
          fundsFromOperations,
          previousNetIncome,
          priceLevelIndex,
        }),
    );
    expect(kernels).toBeDefined();
    expect(findDifferences(expected, scores, rowCount)).toEqual([]);
    // The first case is computable, the next-but-one not: the comparison is not between NaNs only.
    expect(scores[0]).toBeCloseTo(expected[0] as number, 12);
    expect(Number.isFinite(scores[0])).toBe(true);
    expect(scores[2]).toBeNaN();
  });
});

describe(openBlockScratch, () => {
  it("hands out zero-filled arrays that do not overlap, and growing keeps the earlier ones", () => {
    const scratch = openBlockScratch();
    const small = scratch.takeDoubles(3);
    small.fill(5);
    // Larger than the memory's first page: the memory grows, the first array stays readable.
    const large = scratch.takeDoubles(40_000);
    const bytes = scratch.takeBytes(5);
    expect(Array.from(small)).toEqual([5, 5, 5]);
    expect(large.every((value) => value === 0)).toBe(true);
    expect(Array.from(bytes)).toEqual([0, 0, 0, 0, 0]);
    large.fill(1);
    bytes.fill(2);
    expect(Array.from(small)).toEqual([5, 5, 5]);
    expect(findBlockKernels(small, large, bytes)).toBeDefined();
  });

  it("gives the previous call's memory back to the next, zero-filled again", () => {
    openBlockScratch().takeDoubles(8).fill(3);
    expect(Array.from(openBlockScratch().takeDoubles(8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("refuses more than its maximum", () => {
    expect(() => openBlockScratch().takeDoubles(3_000_000)).toThrow(
      /scratch arrays need more than 16384 KiB/,
    );
  });
});
