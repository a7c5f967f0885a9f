import { describe, expect, it } from "vitest";
import { createRandom } from "../demo/prng.ts";
import {
  type CellStatus,
  type DisclosureCell,
  type DisclosureTable,
  suppressSmallCells,
  suppressSmallCellsInList,
} from "./suppress-small-cells.ts";

const cell = (companyCount: number, value: number): DisclosureCell => ({ companyCount, value });
const P = "suppressed_primary";
const S = "suppressed_secondary";
const V = "shown";

describe(suppressSmallCellsInList, () => {
  it.each([
    {
      name: "hides the next-smallest cell when one is suppressed and the total is published",
      cells: [cell(10, 100), cell(3, 30), cell(8, 80), cell(6, 60)],
      isTotalPublished: true,
      statuses: [V, P, V, S],
      total: { status: V, value: 270 },
    },
    {
      name: "breaks a company-count tie by the smaller value",
      cells: [cell(3, 1), cell(7, 50), cell(7, 40), cell(9, 9)],
      isTotalPublished: true,
      statuses: [P, V, S, V],
      total: { status: V, value: 100 },
    },
    {
      name: "breaks a full tie by position",
      cells: [cell(3, 1), cell(7, 40), cell(7, 40)],
      isTotalPublished: true,
      statuses: [P, S, V],
      total: { status: V, value: 81 },
    },
    {
      name: "needs no second suppression when the total is not published",
      cells: [cell(10, 100), cell(3, 30), cell(8, 80)],
      isTotalPublished: false,
      statuses: [V, P, V],
      total: { status: "not_published", value: null },
    },
    {
      name: "needs none when two cells are already suppressed",
      cells: [cell(4, 40), cell(3, 30), cell(8, 80)],
      isTotalPublished: true,
      statuses: [P, P, V],
      total: { status: V, value: 150 },
    },
    {
      name: "shows every cell from at least 5 companies",
      cells: [cell(5, 50), cell(6, 60)],
      isTotalPublished: true,
      statuses: [V, V],
      total: { status: V, value: 110 },
    },
    {
      name: "suppresses a total from fewer than 5 companies",
      cells: [cell(1, 10), cell(2, 20)],
      isTotalPublished: true,
      statuses: [P, P],
      total: { status: P, value: null },
    },
  ] satisfies {
    name: string;
    cells: DisclosureCell[];
    isTotalPublished: boolean;
    statuses: CellStatus[];
    total: object;
  }[])("$name", ({ cells, isTotalPublished, statuses, total }) => {
    const result = suppressSmallCellsInList(cells, isTotalPublished);
    expect(result.cells.map((protectedCell) => protectedCell.status)).toEqual(statuses);
    result.cells.forEach((protectedCell, index) => {
      expect(protectedCell.value).toBe(protectedCell.status === V ? cells[index]?.value : null);
    });
    expect(result.total).toEqual(total);
  });
});

describe(suppressSmallCells, () => {
  it("lets rows and columns interact until stable", () => {
    const result = suppressSmallCells({
      cells: [
        [cell(2, 20), cell(10, 100), cell(6, 60)],
        [cell(8, 80), cell(7, 70), cell(9, 90)],
        [cell(12, 120), cell(5, 50), cell(11, 110)],
      ],
      isRowTotalPublished: [true, true, true],
      isColumnTotalPublished: [true, true, true],
    });
    expect(result.cells.map((row) => row.map((protectedCell) => protectedCell.status))).toEqual([
      [P, V, S],
      [S, V, S],
      [V, V, V],
    ]);
    expect(result.rowTotals.map((total) => total.value)).toEqual([180, 240, 280]);
  });

  it("hides a second row total when the suppressed one could be recovered from the grand total", () => {
    const result = suppressSmallCells({
      cells: [
        [cell(1, 10), cell(2, 20)],
        [cell(6, 60), cell(7, 70)],
      ],
      isRowTotalPublished: [true, true],
      isColumnTotalPublished: [true, true],
    });
    expect(result.cells.map((row) => row.map((protectedCell) => protectedCell.status))).toEqual([
      [P, P],
      [S, S],
    ]);
    expect(result.rowTotals).toEqual([
      { status: P, value: null },
      { status: S, value: null },
    ]);
    expect(result.columnTotals).toEqual([
      { status: V, value: 70 },
      { status: V, value: 90 },
    ]);
  });

  it.each([
    {
      name: "a ragged row",
      table: { cells: [[cell(5, 1)], []], isRowTotalPublished: [true, true], isColumnTotalPublished: [true] },
    },
    {
      name: "a missing row flag",
      table: { cells: [[cell(5, 1)]], isRowTotalPublished: [], isColumnTotalPublished: [true] },
    },
    {
      name: "a negative count",
      table: { cells: [[cell(-1, 1)]], isRowTotalPublished: [true], isColumnTotalPublished: [true] },
    },
  ])("rejects $name", ({ table }) => {
    expect(() => suppressSmallCells(table)).toThrow(RangeError);
  });

  it("never shows a figure from fewer than 5 companies nor leaves one hidden cell in a shown total (1,000 seeded tables)", () => {
    const random = createRandom(20260501);
    for (let trial = 0; trial < 1000; trial += 1) {
      const rowCount = random.integer(1, 6);
      const columnCount = random.integer(1, 6);
      const table: DisclosureTable = {
        cells: Array.from({ length: rowCount }, () =>
          Array.from({ length: columnCount }, () => cell(random.integer(0, 14), random.integer(0, 1000))),
        ),
        isRowTotalPublished: Array.from({ length: rowCount }, () => random.chance(0.8)),
        isColumnTotalPublished: Array.from({ length: columnCount }, () => random.chance(0.8)),
      };
      const result = suppressSmallCells(table);
      const columnCells = (columnIndex: number) => result.cells.map((row) => row[columnIndex]);
      const lines = [
        ...result.rowTotals.map((total, rowIndex) => ({ total, members: result.cells[rowIndex] ?? [] })),
        ...result.columnTotals.map((total, columnIndex) => ({ total, members: columnCells(columnIndex) })),
      ];

      result.cells.forEach((row, rowIndex) => {
        row.forEach((protectedCell, columnIndex) => {
          const source = table.cells[rowIndex]?.[columnIndex];
          if (source === undefined) throw new Error("shape changed");
          expect(protectedCell.status === P).toBe(source.companyCount < 5);
          expect(protectedCell.value).toBe(protectedCell.status === V ? source.value : null);
        });
      });
      for (const { total, members } of lines) {
        expect(members.every((member) => member !== undefined)).toBe(true);
        if (total.status !== V) {
          expect(total.value).toBeNull();
          continue;
        }
        const hidden = members.filter((member) => member?.status !== V).length;
        expect(hidden === 0 || hidden >= 2).toBe(true);
      }
      // A shown total always comes from at least 5 companies.
      table.cells.forEach((row, rowIndex) => {
        const companies = row.reduce((sum, source) => sum + source.companyCount, 0);
        if (result.rowTotals[rowIndex]?.status === V) expect(companies).toBeGreaterThanOrEqual(5);
      });
      result.columnTotals.forEach((total, columnIndex) => {
        const companies = table.cells.reduce((sum, row) => sum + (row[columnIndex]?.companyCount ?? 0), 0);
        if (total.status === V) expect(companies).toBeGreaterThanOrEqual(5);
      });
      // Σ column totals = Σ row totals: when one side is all shown, the other hides 0 or ≥ 2 suppressed totals.
      for (const [known, other] of [
        [result.columnTotals, result.rowTotals],
        [result.rowTotals, result.columnTotals],
      ] as const) {
        if (!known.every((total) => total.status === V)) continue;
        const hidden = other.filter((total) => total.status !== V);
        if (hidden.length === 1) expect(hidden[0]?.status).toBe("not_published");
      }
    }
  });
});
