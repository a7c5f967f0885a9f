import type { CompanyYearRow } from "../../../domain/early-warning/build-company-year-columns.ts";
import type { StatementInput } from "../../../domain/early-warning/model-result.ts";
import type { CndcecGroupMapping } from "../../../domain/sectors/map-cndcec-group.ts";
import type { StatementFormat } from "../../../domain/statements/line-items.ts";
import type { ScoringRow } from "./scoring.repo.ts";

function sectorGroupOf(row: ScoringRow): CndcecGroupMapping | undefined {
  if (!row.atecoCode) return undefined;
  if (row.cndcecStatus === "mapped" && row.cndcecGroup !== null)
    return { status: "mapped", group: row.cndcecGroup };
  if (row.cndcecStatus === "no_benchmark") return { status: "no_benchmark" };
  return { status: "not_mapped", reason: `ATECO ${row.atecoCode} has no CNDCEC group` };
}

function isPreviousYear(previous: ScoringRow | undefined, row: ScoringRow): previous is ScoringRow {
  return (
    previous !== undefined &&
    previous.companyId === row.companyId &&
    Number(previous.periodEndOn.slice(0, 4)) === Number(row.periodEndOn.slice(0, 4)) - 1
  );
}

function toStatement(row: ScoringRow): StatementInput {
  return {
    format: row.format as StatementFormat,
    legalForm: row.statementLegalForm ?? row.legalForm,
    periodStartOn: row.periodStartOn,
    periodEndOn: row.periodEndOn,
    items: row.items,
  };
}

/**
 * Stored current statements (ordered by company, then period end) as company-years: each with the
 * previous row's statement when that is the same company's year before, and its CNDCEC sector group.
 */
export function toCompanyYearRows(rows: readonly ScoringRow[]): CompanyYearRow[] {
  return rows.map((row, index) => {
    const previous = rows[index - 1];
    return {
      statement: toStatement(row),
      previous: isPreviousYear(previous, row) ? toStatement(previous) : undefined,
      sectorGroup: sectorGroupOf(row),
      atecoCode: row.atecoCode ?? undefined,
    };
  });
}
