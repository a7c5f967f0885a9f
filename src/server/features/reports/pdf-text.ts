// PDFKit's built-in fonts (Helvetica…) encode text as Windows-1252: characters outside it have no glyph.
const replacements: Record<string, string> = {
  "″": "''",
  "′": "'",
  "≥": ">=",
  "≤": "<=",
  "−": "-",
  "×": "x",
  "÷": "/",
  "→": "->",
  Δ: "Delta ",
  "\u00a0": " ",
  "\u202f": " ",
};

const windows1252Extras = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".split(""));

/**
 * Text a built-in PDF font can draw: known symbols spelled out (Z″ → Z''), Latin-1 and the Windows-1252
 * extras kept, anything else replaced by "?". Intl's narrow no-break spaces become plain spaces.
 */
export function toPdfText(text: string): string {
  let result = "";
  for (const character of text) {
    const replacement = replacements[character];
    if (replacement !== undefined) result += replacement;
    else if (character.charCodeAt(0) <= 0xff || windows1252Extras.has(character)) result += character;
    else result += "?";
  }
  return result;
}
