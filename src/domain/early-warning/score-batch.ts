import type { StatementFormat } from "../statements/line-items.ts";
import { createRowsOutput, scoreRows } from "./score-company-year-rows.ts";
import {
  checkFormatCodes,
  encodeFormatCodes,
  type ItemColumns,
  type StatementColumns,
} from "./scoring-financial-aggregates.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

/** Previous-year columns aligned row by row with the current ones; format undefined: no previous year. */
export type PreviousYearColumns = ItemColumns & { format: readonly (StatementFormat | undefined)[] };

/** A score column (NaN where not computable) with its zone codes. */
export type ScoreColumns = { value: Float64Array; zone: Uint8Array };

export type BatchScores = {
  ruleSetVersion: string;
  rowCount: number;
  altmanZPrime: ScoreColumns;
  altmanZDoublePrime: ScoreColumns & { emScore: Float64Array; emRating: Int8Array };
  /** value: P = Φ(X); score: X. */
  zmijewski: ScoreColumns & { score: Float64Array };
  springate: ScoreColumns;
  /** Only when previous-year columns are given. value: P; score: T. */
  ohlson?: ScoreColumns & { score: Float64Array };
};

/** Throws unless every column (item, format, period-end year) has `rowCount` cells. */
export function checkColumnLengths(
  columns: Readonly<Record<string, unknown>>,
  rowCount: number,
  name: string,
): void {
  for (const [id, cells] of Object.entries(columns)) {
    if (cells !== undefined && (cells as ArrayLike<unknown>).length !== rowCount) {
      throw new RangeError(
        `${name} column ${id} has ${(cells as ArrayLike<unknown>).length} rows, not ${rowCount}`,
      );
    }
  }
}

/**
 * Scores many company-years given as columns (amounts in euro cents, NaN = absent from the filing, read by
 * the §0 convention) without an object per row: Z′, Z″ with EM score and rating, Zmijewski, Springate and,
 * given previous-year columns, Ohlson. Each row equals the per-model function on the same statement.
 * `formatCodes` (encodeFormatCodes of the current formats) may be passed when the caller has them.
 */
export function scoreBatch(
  columns: StatementColumns,
  ruleSet: DistressModelsRuleSet,
  previousYear?: PreviousYearColumns,
  formatCodes: Uint8Array = encodeFormatCodes(columns.format, columns.format.length),
): BatchScores {
  const rowCount = columns.format.length;
  checkColumnLengths(columns, rowCount, "current-year");
  if (previousYear) checkColumnLengths(previousYear, rowCount, "previous-year");
  checkFormatCodes(formatCodes, rowCount, "current-year");
  const output = createRowsOutput(ruleSet, rowCount, {
    hasOhlson: previousYear !== undefined,
    hasScreen: false,
  });
  scoreRows(
    {
      rowCount,
      current: columns,
      formatCodes,
      previous: previousYear && {
        columns: previousYear,
        formatCodes: encodeFormatCodes(previousYear.format, rowCount),
      },
      screen: undefined,
    },
    ruleSet,
    output,
  );
  return output.models;
}
