/**
 * A text cell made safe for spreadsheets: text starting with =, +, -, @, tab or carriage return
 * would run as a formula, so it gets a leading apostrophe (OWASP "CSV injection"). Numbers, empty
 * cells and other text pass unchanged.
 */
export function neutraliseSpreadsheetCell<Value extends string | number | null | undefined>(
  value: Value,
): Value | string {
  if (typeof value !== "string") return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
