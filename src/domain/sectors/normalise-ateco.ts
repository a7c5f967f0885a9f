const sectionLetterPattern = /^[A-U]$/;
const digitsOnlyPattern = /^\d{2,6}$/;
const dottedPattern = /^\d{2}(?:\.\d{1,2})?$|^\d{2}\.\d{2}\.\d{1,2}$/;

/**
 * Normalises an ATECO 2007 code to its dotted form at the precision given: "103900" → "10.39.00",
 * "1039" → "10.39", " 13 " → "13", "10.39.0" stays; a lone section letter A–U is returned upper-case.
 * Undefined for anything else, including "C13" (the letter could contradict the division) and "1.11".
 */
export function normaliseAtecoCode(raw: string): string | undefined {
  const trimmed = raw.trim().toUpperCase();
  if (sectionLetterPattern.test(trimmed)) return trimmed;
  let dotted: string | undefined;
  if (digitsOnlyPattern.test(trimmed)) {
    dotted = insertDots(trimmed);
  } else if (dottedPattern.test(trimmed)) {
    dotted = trimmed;
  }
  // Division 00 does not exist; a code that starts with it is a spreadsheet artefact, not a sector.
  if (dotted === undefined || dotted.startsWith("00")) return undefined;
  return dotted;
}

// ATECO positions are 2.2.2 digits: division, group + class, category + subcategory.
function insertDots(digits: string): string {
  const division = digits.slice(0, 2);
  const groupAndClass = digits.slice(2, 4);
  const categoryAndSubcategory = digits.slice(4, 6);
  return [division, groupAndClass, categoryAndSubcategory].filter((part) => part !== "").join(".");
}
