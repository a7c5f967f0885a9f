import type { LegalFormCode } from "../companies/normalise-legal-form.ts";
import { type AlertLevelColumns, decideAlertLevelColumns } from "./decide-alert-level-columns.ts";
import type { RuleSet } from "./rule-sets/crisis-code-2019.ts";
import { type BatchScores, type PreviousYearColumns, scoreBatch } from "./score-batch.ts";
import { computeIndexColumns, type IndexColumns } from "./score-index-columns.ts";
import { encodeFormatCodes, type StatementColumns } from "./scoring-financial-aggregates.ts";
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
};

export type CompanyYearScores = {
  /** Z′, Z″ with EM score and rating, Zmijewski, Springate and (with previous years) Ohlson. */
  models: BatchScores;
  /** CNDCEC I1–I5 with breach flags, and the screen's outcome. */
  indices: IndexColumns;
  alertLevel: AlertLevelColumns;
  /** The rows' sector groups, as given. */
  sectorGroup: Uint8Array;
};

/** The steps of the batch, reported as each one ends (for measurements made outside the domain). */
export type BatchStep = "models" | "indices" | "alertLevel";

/**
 * Every early-warning model of many company-years from columns, without an object per row: the distress
 * models (scoreBatch), the CNDCEC screen without DSCR, and the §7 alert level. Row by row it equals
 * scoreCompanyYear on the same statements (Altman Z needs a market value, which filings do not give).
 */
export function scoreCompanyYearColumns(
  input: CompanyYearColumns,
  ruleSets: { crisisCode: RuleSet; distress: DistressModelsRuleSet },
  onStepDone: (step: BatchStep) => void = () => {},
): CompanyYearScores {
  const { rowCount, current, previous } = input;
  if (input.sectorGroup.length !== rowCount || input.legalForm.length !== rowCount) {
    throw new RangeError(`sector group and legal form columns must have ${rowCount} rows`);
  }
  const formatCodes = encodeFormatCodes(current.format, rowCount);
  const models = scoreBatch(current, ruleSets.distress, previous, formatCodes);
  onStepDone("models");
  const indices = computeIndexColumns(
    current,
    formatCodes,
    input.sectorGroup,
    input.legalForm,
    ruleSets.crisisCode,
  );
  onStepDone("indices");
  const alertLevel = decideAlertLevelColumns(
    { current: current.equity, previous: previous ? previousEquityOf(previous, rowCount) : undefined },
    models,
    indices,
    ruleSets.distress,
  );
  onStepDone("alertLevel");
  return { models, indices, alertLevel, sectorGroup: input.sectorGroup };
}

/** The previous year's equity, NaN on rows that have no previous year. */
function previousEquityOf(previous: PreviousYearColumns, rowCount: number): Float64Array {
  const equity = new Float64Array(rowCount).fill(Number.NaN);
  const column = previous.equity;
  if (!column) return equity;
  for (let row = 0; row < rowCount; row += 1) {
    if (previous.format[row] !== undefined) equity[row] = column[row] ?? Number.NaN;
  }
  return equity;
}
