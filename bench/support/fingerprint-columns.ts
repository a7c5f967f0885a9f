import type { CompanyYearColumns } from "./generate-company-years.ts";

/**
 * A summary of every number column and code column of the bench's input, to check that two processes
 * generated the same columns: per column, the sum of the finite cells and the count of NaN cells, in
 * row order (the same doubles in the same order give the same sum).
 */
export function fingerprintColumns(data: CompanyYearColumns): string {
  const parts: string[] = [String(data.rowCount)];
  const add = (name: string, column: ArrayLike<number> | undefined) => {
    if (column === undefined) return;
    let sum = 0;
    let missing = 0;
    for (let row = 0; row < column.length; row += 1) {
      const cell = column[row] as number;
      if (Number.isNaN(cell)) missing += 1;
      else sum += cell * ((row % 7) + 1);
    }
    parts.push(`${name}:${sum}/${missing}`);
  };
  for (const [name, column] of Object.entries(data.current)) {
    if (name !== "format") add(name, column as ArrayLike<number>);
  }
  add("previous.netResult", data.previous.netResult);
  add("previous.equity", data.previous.equity);
  add("sectorGroup", data.sectorGroup);
  add("formatCodes", data.encoded?.formatCodes);
  add("legalFormCodes", data.encoded?.legalFormCodes);
  return parts.join(" ");
}
