/**
 * Cents from what a number input holds (a dot-decimal string in euros): "" is an omitted value
 * (undefined), anything that is not a number is NaN so that the form can refuse it.
 */
export function eurosToCents(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const euros = Number(trimmed);
  return Number.isFinite(euros) ? Math.round(euros * 100) : Number.NaN;
}

/** The number input's text for an amount in cents (empty when absent). */
export function centsToEuros(cents: number | undefined): string {
  return cents === undefined ? "" : String(cents / 100);
}

/** Cents for every filled field, or the names of the fields that are not amounts. */
export function readAmounts<Name extends string>(
  texts: Readonly<Partial<Record<Name, string>>>,
  names: readonly Name[],
): { values: Partial<Record<Name, number>>; invalid: Name[] } {
  const values: Partial<Record<Name, number>> = {};
  const invalid: Name[] = [];
  for (const name of names) {
    const cents = eurosToCents(texts[name] ?? "");
    if (cents === undefined) continue;
    if (Number.isNaN(cents)) invalid.push(name);
    else values[name] = cents;
  }
  return { values, invalid };
}
