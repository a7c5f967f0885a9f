import { parseArgs } from "node:util";

/** A positive integer option; throws with the option's name when the text is not one. */
export function readPositiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text.replaceAll("_", ""));
  if (!Number.isInteger(value) || value <= 0)
    throw new RangeError(`--${name} must be a positive integer: ${text}`);
  return value;
}

/** Reads `--name value` options (all strings) and refuses unknown ones. */
export function readOptions(names: readonly string[]): Record<string, string | undefined> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
    strict: true,
  });
  return values as Record<string, string | undefined>;
}

/** "10000,100000,1e6" → [10000, 100000, 1000000]. */
export function readSizes(text: string | undefined, fallback: readonly number[]): number[] {
  if (text === undefined) return [...fallback];
  return text.split(",").map((part) => {
    const value = Number(part.trim().replaceAll("_", ""));
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`--sizes takes positive integers: ${part}`);
    return value;
  });
}
