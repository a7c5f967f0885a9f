import { type DisclosureRuleSet, disclosureRuleSet2026 } from "./rule-sets/disclosure-2026.ts";

/** One figure of a public aggregate and how many companies it is computed from. */
export type DisclosureCell = { companyCount: number; value: number };

/**
 * A rows × columns table of cells. Each company must count in one cell only, so a total's company
 * count is the sum of its cells'.
 */
export type DisclosureTable = {
  cells: readonly (readonly DisclosureCell[])[];
  isRowTotalPublished: readonly boolean[];
  isColumnTotalPublished: readonly boolean[];
};

export type CellStatus = "shown" | "suppressed_primary" | "suppressed_secondary";

/** A suppressed figure has its value removed (null). */
export type ProtectedCell = { status: CellStatus; value: number | null };

export type ProtectedTotal = { status: CellStatus | "not_published"; value: number | null };

export type ProtectedTable = {
  cells: ProtectedCell[][];
  rowTotals: ProtectedTotal[];
  columnTotals: ProtectedTotal[];
};

type WorkingFigure = DisclosureCell & { status: CellStatus | "not_published" };

const isHidden = (figure: WorkingFigure): boolean => figure.status !== "shown";

/** The smallest shown figure: fewest companies, then smallest value, then first position. */
function findNextSmallest(figures: readonly WorkingFigure[]): WorkingFigure | undefined {
  let best: WorkingFigure | undefined;
  for (const figure of figures) {
    if (figure.status !== "shown") continue;
    if (
      best === undefined ||
      figure.companyCount < best.companyCount ||
      (figure.companyCount === best.companyCount && figure.value < best.value)
    ) {
      best = figure;
    }
  }
  return best;
}

/**
 * One line (a row, a column, or the line of totals) whose sum is shown: when its only hidden member is
 * a suppressed figure, hide the next-smallest shown member too (or, with none left, the sum itself
 * when `canHideSum`). An unpublished member is unknown but not secret. Returns true on a change.
 */
function protectLine(
  members: readonly WorkingFigure[],
  sum: WorkingFigure | undefined,
  canHideSum: boolean,
): boolean {
  if (sum === undefined || sum.status !== "shown") return false;
  const hidden = members.filter(isHidden);
  if (hidden.length !== 1 || hidden[0]?.status === "not_published") return false;
  const next = findNextSmallest(members) ?? (canHideSum ? sum : undefined);
  if (next === undefined) return false;
  next.status = "suppressed_secondary";
  return true;
}

function validateTable(table: DisclosureTable): void {
  const columnCount = table.isColumnTotalPublished.length;
  if (table.isRowTotalPublished.length !== table.cells.length) {
    throw new RangeError("isRowTotalPublished must have one entry per row");
  }
  table.cells.forEach((row, rowIndex) => {
    if (row.length !== columnCount) {
      throw new RangeError(
        `Row ${rowIndex} has ${row.length} cells; isColumnTotalPublished has ${columnCount}`,
      );
    }
    for (const cell of row) {
      if (!Number.isInteger(cell.companyCount) || cell.companyCount < 0 || !Number.isFinite(cell.value)) {
        throw new RangeError(`Row ${rowIndex} has a cell with an invalid company count or value`);
      }
    }
  });
}

const makeTotal = (members: readonly DisclosureCell[], isPublished: boolean): WorkingFigure => ({
  companyCount: members.reduce((sum, member) => sum + member.companyCount, 0),
  value: members.reduce((sum, member) => sum + member.value, 0),
  status: isPublished ? "shown" : "not_published",
});

const present = (figure: WorkingFigure): ProtectedTotal => ({
  status: figure.status,
  value: figure.status === "shown" ? figure.value : null,
});

/**
 * Disclosure control for a public table (early-warning.md §5): primary suppression of every cell and
 * total from fewer than 5 companies; then, until stable, wherever a published total has exactly one
 * hidden cell, the next-smallest cell (fewest companies, then smallest value, then first) is hidden too.
 * The same rule protects the line of row totals when all column totals are shown (their sum is the
 * grand total), and vice versa.
 */
export function suppressSmallCells(
  table: DisclosureTable,
  ruleSet: DisclosureRuleSet = disclosureRuleSet2026,
): ProtectedTable {
  validateTable(table);
  const minimum = ruleSet.minimumCompanyCount.value;
  const primary = (figure: WorkingFigure): WorkingFigure =>
    figure.status === "shown" && figure.companyCount < minimum
      ? { ...figure, status: "suppressed_primary" }
      : figure;
  const cells = table.cells.map((row) => row.map((cell) => primary({ ...cell, status: "shown" })));
  const columnCount = table.isColumnTotalPublished.length;
  const columns = Array.from({ length: columnCount }, (_, columnIndex) =>
    cells.map((row) => row[columnIndex] as WorkingFigure),
  );
  const rowTotals = table.cells.map((row, rowIndex) =>
    primary(makeTotal(row, table.isRowTotalPublished[rowIndex] ?? false)),
  );
  const columnTotals = table.isColumnTotalPublished.map((isPublished, columnIndex) =>
    primary(makeTotal(columns[columnIndex] ?? [], isPublished)),
  );

  let hasChanged = true;
  while (hasChanged) {
    hasChanged = false;
    cells.forEach((row, rowIndex) => {
      if (protectLine(row, rowTotals[rowIndex], true)) hasChanged = true;
    });
    columns.forEach((column, columnIndex) => {
      if (protectLine(column, columnTotals[columnIndex], true)) hasChanged = true;
    });
    // Σ column totals = Σ row totals = grand total: a lone hidden total would be recoverable.
    const grandTotalFromColumns = makeTotal(
      table.cells.flat(),
      columnTotals.every((total) => !isHidden(total)),
    );
    const grandTotalFromRows = makeTotal(
      table.cells.flat(),
      rowTotals.every((total) => !isHidden(total)),
    );
    if (columnCount > 0 && protectLine(rowTotals, grandTotalFromColumns, false)) hasChanged = true;
    if (cells.length > 0 && protectLine(columnTotals, grandTotalFromRows, false)) hasChanged = true;
  }

  return {
    cells: cells.map((row) =>
      row.map((cell) => ({
        status: cell.status === "not_published" ? "shown" : cell.status,
        value: cell.status === "shown" ? cell.value : null,
      })),
    ),
    rowTotals: rowTotals.map(present),
    columnTotals: columnTotals.map(present),
  };
}

/** The one-line case of suppressSmallCells: a list of cells and, optionally, their published total. */
export function suppressSmallCellsInList(
  cells: readonly DisclosureCell[],
  isTotalPublished: boolean,
  ruleSet: DisclosureRuleSet = disclosureRuleSet2026,
): { cells: ProtectedCell[]; total: ProtectedTotal } {
  const result = suppressSmallCells(
    {
      cells: [cells],
      isRowTotalPublished: [isTotalPublished],
      isColumnTotalPublished: cells.map(() => false),
    },
    ruleSet,
  );
  return {
    cells: result.cells[0] ?? [],
    total: result.rowTotals[0] ?? { status: "not_published", value: null },
  };
}
