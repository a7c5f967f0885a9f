import type { LegalFormCode } from "../companies/normalise-legal-form.ts";
import type { AlertLevelColumns } from "./decide-alert-level-columns.ts";
import type { RuleSet } from "./rule-sets/crisis-code-2019.ts";
import { type BatchScores, checkColumnLengths, type PreviousYearColumns } from "./score-batch.ts";
import { createRowsOutput, type RowsOutput, scoreRows } from "./score-company-year-rows.ts";
import type { IndexColumns } from "./score-index-columns.ts";
import { encodeLegalForms } from "./score-screen-blocks.ts";
import {
  checkFormatCodes,
  encodeFormatCodes,
  type StatementColumns,
} from "./scoring-financial-aggregates.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

/** Company-years as the batch path takes them: item columns in cents (NaN: absent) and what the screen adds. */
export type CompanyYearColumns = {
  rowCount: number;
  current: StatementColumns;
  /** The previous year of each row (format undefined where there is none): Ohlson and the equity fall. */
  previous: PreviousYearColumns | undefined;
  /** CNDCEC sector group of each row; 0: no group (no ATECO code, or a sector without benchmark). */
  sectorGroup: Uint8Array;
  legalForm: readonly LegalFormCode[];
  /** The text columns as codes, when whoever built the columns encoded them once (encodeCompanyYearTexts). */
  encoded?: EncodedTexts | undefined;
};

/** Each row's statement format (and the previous year's) and legal form as a code: one byte per row. */
export type EncodedTexts = {
  /** encodeFormatCodes of the current formats. */
  formatCodes: Uint8Array;
  /** encodeFormatCodes of the previous formats; undefined when there are no previous-year columns. */
  previousFormatCodes: Uint8Array | undefined;
  /** Each row's legal form as its index in `legalForms`. */
  legalFormCodes: Uint8Array;
  legalForms: readonly string[];
};

/** The text columns of company-years as codes. */
export function encodeCompanyYearTexts(input: CompanyYearColumns): EncodedTexts {
  const { rowCount, current, previous } = input;
  return {
    formatCodes: encodeFormatCodes(current.format, rowCount),
    previousFormatCodes: previous && encodeFormatCodes(previous.format, rowCount),
    ...encodeLegalForms(input.legalForm, rowCount),
  };
}

/**
 * The input's encoded texts (encoded now when it has none), after checking that every column has the
 * input's rows and that every legal-form code names a legal form.
 */
export function readEncodedTexts(input: CompanyYearColumns): EncodedTexts {
  const { rowCount } = input;
  checkColumnLengths(input.current, rowCount, "current-year");
  if (input.previous) checkColumnLengths(input.previous, rowCount, "previous-year");
  if (input.sectorGroup.length !== rowCount || input.legalForm.length !== rowCount) {
    throw new RangeError(`sector group and legal form columns must have ${rowCount} rows`);
  }
  const texts = input.encoded ?? encodeCompanyYearTexts(input);
  const codes = [
    texts.formatCodes,
    texts.legalFormCodes,
    texts.previousFormatCodes ?? new Uint8Array(rowCount),
  ];
  if (codes.some((column) => column.length !== rowCount)) {
    throw new RangeError(`encoded text columns must have ${rowCount} rows`);
  }
  if ((texts.previousFormatCodes === undefined) !== (input.previous === undefined)) {
    throw new RangeError("previous-year format codes go with previous-year columns");
  }
  checkFormatCodes(texts.formatCodes, rowCount, "current-year");
  if (texts.previousFormatCodes) checkFormatCodes(texts.previousFormatCodes, rowCount, "previous-year");
  const legalFormCount = texts.legalForms.length;
  if (hasCodeFrom(texts.legalFormCodes, legalFormCount)) {
    throw new RangeError(`legal-form codes must be below ${legalFormCount}, the number of legal forms`);
  }
  return texts;
}

/** Whether any code is `lowest` or more (a plain loop: it runs over every row on every call). */
function hasCodeFrom(codes: Uint8Array, lowest: number): boolean {
  for (let row = 0; row < codes.length; row += 1) if ((codes[row] as number) >= lowest) return true;
  return false;
}

export type CompanyYearScores = {
  /** Z′, Z″ with EM score and rating, Zmijewski, Springate and (with previous years) Ohlson. */
  models: BatchScores;
  /** CNDCEC I1–I5 with breach flags, and the screen's outcome. */
  indices: IndexColumns;
  alertLevel: AlertLevelColumns;
  /** The rows' sector groups, as given. */
  sectorGroup: Uint8Array;
};

/**
 * Every early-warning model of many company-years from columns, without an object per row: the distress
 * models (as scoreBatch), the CNDCEC screen without DSCR, and the §7 alert level, all in one pass over the
 * rows (scoreRows). Row by row it equals scoreCompanyYear on the same statements (Altman Z needs a market
 * value, which filings do not give). Cells are finite amounts or NaN (absent); ±Infinity reads as missing.
 *
 * `into`: an earlier result whose columns are scored again (every cell is rewritten, its decisions
 * replaced), for a caller scoring batch after batch of the same size that is done with the earlier one.
 */
export function scoreCompanyYearColumns(
  input: CompanyYearColumns,
  ruleSets: { crisisCode: RuleSet; distress: DistressModelsRuleSet },
  into?: CompanyYearScores,
): CompanyYearScores {
  const { rowCount, current, previous } = input;
  const texts = readEncodedTexts(input);
  const parts = { hasOhlson: previous !== undefined, hasScreen: true };
  const output = into
    ? checkRowsOutputFits(into, ruleSets.distress, rowCount, parts)
    : createRowsOutput(ruleSets.distress, rowCount, parts);
  scoreRows(
    {
      rowCount,
      current,
      formatCodes: texts.formatCodes,
      previous: previous &&
        texts.previousFormatCodes && { columns: previous, formatCodes: texts.previousFormatCodes },
      screen: {
        sectorGroup: input.sectorGroup,
        legalFormCodes: texts.legalFormCodes,
        legalForms: texts.legalForms,
        ruleSet: ruleSets.crisisCode,
      },
    },
    ruleSets.distress,
    output,
    0,
    rowCount,
    into !== undefined,
  );
  const { models, indices, alertLevel } = output;
  if (!indices || !alertLevel) throw new Error("scoreRows returned no screen columns");
  return { models, indices, alertLevel, sectorGroup: input.sectorGroup };
}

/** An earlier result's columns, if they fit a call (rows, rule set, Ohlson); else a RangeError. */
export function checkRowsOutputFits(
  into: CompanyYearScores,
  ruleSet: DistressModelsRuleSet,
  rowCount: number,
  parts: { hasOhlson: boolean },
): RowsOutput & { indices: IndexColumns; alertLevel: AlertLevelColumns } {
  const { models, indices, alertLevel } = into;
  const columns = [
    ...[models.altmanZPrime, models.altmanZDoublePrime, models.zmijewski, models.springate, models.ohlson]
      .filter((parts) => parts !== undefined)
      .flatMap((parts) => Object.values(parts)),
    ...Object.values(indices.percent),
    ...Object.values(indices.isBreached),
    indices.computableCount,
    indices.breachedCount,
    indices.isCrisisPresumed,
    indices.screenOutcome,
    alertLevel.level,
    alertLevel.decision,
  ];
  if (models.rowCount !== rowCount) {
    throw new RangeError(`the result to score into has ${models.rowCount} rows, the input ${rowCount}`);
  }
  const misfit = columns.find((column) => column.length !== rowCount);
  if (misfit) {
    throw new RangeError(
      `the result to score into has a column of ${misfit.length} rows, the input ${rowCount}`,
    );
  }
  if (models.ruleSetVersion !== ruleSet.version) {
    throw new RangeError(
      `the result to score into was scored with ${models.ruleSetVersion}, not ${ruleSet.version}`,
    );
  }
  if ((models.ohlson !== undefined) !== parts.hasOhlson) {
    throw new RangeError(
      "the result to score into must have Ohlson columns exactly when the input has previous years",
    );
  }
  return { models, indices, alertLevel };
}
