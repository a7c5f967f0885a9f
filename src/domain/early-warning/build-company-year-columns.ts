import type { LegalFormCode } from "../companies/normalise-legal-form.ts";
import type { CndcecGroupMapping } from "../sectors/map-cndcec-group.ts";
import type { LineItemId, StatementFormat } from "../statements/line-items.ts";
import { resolveLegalForm } from "./cndcec-screen.ts";
import type { StatementInput } from "./model-result.ts";
import type { CompanyYearColumns } from "./score-company-year-columns.ts";

/** One company-year as stored: its statement, the previous year's when there is one, and its sector group. */
export type CompanyYearRow = {
  statement: StatementInput;
  previous: StatementInput | undefined;
  sectorGroup: CndcecGroupMapping | undefined;
  /** The company's ATECO code, which the screen names in its explanation. */
  atecoCode?: string | undefined;
};

/**
 * Turns stored company-years into the batch's columns: one Float64Array per line item that any row
 * carries (NaN where a statement omits it), formats, period-end years, sector groups (0: none) and legal
 * forms. The previous-year columns are present when any row has a previous year.
 */
export function buildCompanyYearColumns(rows: readonly CompanyYearRow[]): CompanyYearColumns {
  const rowCount = rows.length;
  const currentItems = new Map<LineItemId, Float64Array>();
  const previousItems = new Map<LineItemId, Float64Array>();
  const format: StatementFormat[] = new Array(rowCount);
  const previousFormat: (StatementFormat | undefined)[] = new Array(rowCount).fill(undefined);
  const periodEndYear = new Float64Array(rowCount);
  const sectorGroup = new Uint8Array(rowCount);
  const legalForm: LegalFormCode[] = new Array(rowCount);
  const legalForms = new Map<string, LegalFormCode>();
  let hasPrevious = false;
  const put = (target: Map<LineItemId, Float64Array>, id: LineItemId, row: number, value: number) => {
    let column = target.get(id);
    if (!column) {
      column = new Float64Array(rowCount).fill(Number.NaN);
      target.set(id, column);
    }
    column[row] = value;
  };
  rows.forEach(({ statement, previous, sectorGroup: mapping }, row) => {
    format[row] = statement.format;
    periodEndYear[row] = Number(statement.periodEndOn.slice(0, 4));
    sectorGroup[row] =
      mapping?.status === "mapped" && mapping.group > 0 && mapping.group < 256 ? mapping.group : 0;
    let code = legalForms.get(statement.legalForm);
    if (code === undefined) {
      code = resolveLegalForm(statement.legalForm);
      legalForms.set(statement.legalForm, code);
    }
    legalForm[row] = code;
    for (const [id, value] of Object.entries(statement.items)) {
      if (typeof value === "number") put(currentItems, id as LineItemId, row, value);
    }
    if (previous) {
      hasPrevious = true;
      previousFormat[row] = previous.format;
      for (const [id, value] of Object.entries(previous.items)) {
        if (typeof value === "number") put(previousItems, id as LineItemId, row, value);
      }
    }
  });
  return {
    rowCount,
    current: { ...Object.fromEntries(currentItems), format, periodEndYear },
    previous: hasPrevious ? { ...Object.fromEntries(previousItems), format: previousFormat } : undefined,
    sectorGroup,
    legalForm,
  };
}
