import { normaliseAtecoCode } from "./normalise-ateco.ts";

/** One row of reference-data/cndcec-sector-groups.csv: a section letter or dotted ATECO prefix; no group = no benchmark. */
export type CndcecGroupRow = { atecoPrefix: string; group: number | undefined };

export type CndcecGroupMapping =
  | { status: "mapped"; group: number }
  | { status: "no_benchmark" }
  | { status: "not_mapped"; reason: string };

const sectionLetterPattern = /^[A-Z]$/;

/**
 * Maps an ATECO 2007 code (any spelling normaliseAtecoCode accepts) to its CNDCEC 2019 sector group 1–10:
 * the most specific matching table row wins (class over group over division over section letter, found
 * through `sectionOf(division)`). A row without group means "no benchmark"; no row at all means "not mapped".
 */
export function mapCndcecGroup(
  atecoCode: string,
  sectionOf: (division: string) => string | undefined,
  table: readonly CndcecGroupRow[],
): CndcecGroupMapping {
  const code = normaliseAtecoCode(atecoCode);
  if (code === undefined) {
    return { status: "not_mapped", reason: `"${atecoCode}" is not an ATECO 2007 code` };
  }

  let section: string | undefined;
  if (sectionLetterPattern.test(code)) {
    section = code;
  } else {
    const division = code.slice(0, 2);
    section = sectionOf(division);
    if (section === undefined) {
      return { status: "not_mapped", reason: `ATECO 2007 has no division ${division}` };
    }
  }

  let bestRow: CndcecGroupRow | undefined;
  let bestSpecificity = -1;
  for (const row of table) {
    const specificity = matchSpecificity(row.atecoPrefix, code, section);
    if (specificity > bestSpecificity) {
      bestRow = row;
      bestSpecificity = specificity;
    }
  }

  if (bestRow === undefined) {
    return {
      status: "not_mapped",
      reason: `no CNDCEC sector group covers ATECO ${code} as a whole; give a more detailed code`,
    };
  }
  return bestRow.group === undefined
    ? { status: "no_benchmark" }
    : { status: "mapped", group: bestRow.group };
}

// -1 when the row does not cover the code; otherwise higher for a more specific row (section letter = 0).
function matchSpecificity(atecoPrefix: string, code: string, section: string): number {
  if (sectionLetterPattern.test(atecoPrefix)) return atecoPrefix === section ? 0 : -1;
  const prefix = normaliseAtecoCode(atecoPrefix);
  if (prefix === undefined || prefix !== atecoPrefix) {
    throw new Error(`CNDCEC sector table: "${atecoPrefix}" is not a section letter or a dotted ATECO code`);
  }
  // Dotted ATECO codes nest as text: 35.1 ⊃ 35.11 ⊃ 35.11.0 ⊃ 35.11.00.
  return code.startsWith(prefix) ? prefix.length : -1;
}
