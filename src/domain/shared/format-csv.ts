/**
 * Writes RFC 4180 CSV. Cells that a spreadsheet would run as a formula (starting with =, +, -, @,
 * tab or carriage return) are prefixed with an apostrophe (OWASP "CSV injection").
 */
export function formatCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((row) => row.map(formatCell).join(",")).join("\r\n")}\r\n`;
}

function formatCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
