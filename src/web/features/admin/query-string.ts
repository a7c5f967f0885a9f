type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=x` from the given values, leaving out empty ones; "" when nothing is left. */
export function buildQueryString(values: Record<string, QueryValue>): string {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === "" || value === false) continue;
    parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : "";
}
