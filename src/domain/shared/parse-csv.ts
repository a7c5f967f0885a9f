const quote = '"';

function assertUsableDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === quote || delimiter === "\n" || delimiter === "\r") {
    throw new Error(
      `CSV delimiter must be one character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
    );
  }
}

/**
 * Parses RFC 4180 CSV into rows of fields: quoted fields may hold delimiters, line breaks and doubled quotes;
 * CRLF or LF ends a row; a leading BOM and the final line break are ignored; every row must have as many
 * fields as the first. Throws an Error naming the (1-based) line on malformed input.
 */
export function parseCsv(text: string, delimiter = ","): string[][] {
  assertUsableDelimiter(delimiter);
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let isQuotedField = false;
  let line = 1;
  let rowStartLine = 1;
  let index = 0;

  const endRow = (): void => {
    row.push(field);
    const expectedLength = rows[0]?.length;
    if (expectedLength !== undefined && row.length !== expectedLength) {
      throw new Error(`CSV line ${rowStartLine}: expected ${expectedLength} fields, found ${row.length}`);
    }
    rows.push(row);
    row = [];
    field = "";
    isQuotedField = false;
  };

  while (index < source.length) {
    const character = source[index];
    if (character === quote) {
      if (field !== "" || isQuotedField) {
        throw new Error(
          `CSV line ${line}: a quote may only open a field, found one inside an unquoted field`,
        );
      }
      const openingLine = line;
      isQuotedField = true;
      index += 1;
      let isClosed = false;
      while (index < source.length) {
        const quotedCharacter = source[index];
        if (quotedCharacter === quote) {
          if (source[index + 1] === quote) {
            field += quote;
            index += 2;
            continue;
          }
          index += 1;
          isClosed = true;
          break;
        }
        if (quotedCharacter === "\n") line += 1;
        field += quotedCharacter;
        index += 1;
      }
      if (!isClosed) {
        throw new Error(`CSV line ${openingLine}: unterminated quoted field`);
      }
      const next = source[index];
      const isLineEnd = next === "\n" || (next === "\r" && source[index + 1] === "\n");
      if (next !== undefined && next !== delimiter && !isLineEnd) {
        throw new Error(`CSV line ${line}: unexpected character after a closing quote`);
      }
      continue;
    }
    if (character === delimiter) {
      row.push(field);
      field = "";
      isQuotedField = false;
      index += 1;
      continue;
    }
    if (character === "\n" || (character === "\r" && source[index + 1] === "\n")) {
      endRow();
      index += character === "\r" ? 2 : 1;
      line += 1;
      rowStartLine = line;
      continue;
    }
    field += character;
    index += 1;
  }

  // The final line break ends the last row; it does not open an empty one.
  if (field !== "" || isQuotedField || row.length > 0) {
    endRow();
  }
  return rows;
}

/**
 * Parses CSV whose first row names the columns into one record per following row, keyed by column name.
 * Same syntax rules as parseCsv; throws when a column name is empty or repeated.
 */
export function parseCsvRecords(text: string, delimiter = ","): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text, delimiter);
  if (header === undefined) return [];
  const seen = new Set<string>();
  for (const [position, name] of header.entries()) {
    if (name === "") throw new Error(`CSV line 1: column ${position + 1} has no name`);
    if (seen.has(name)) throw new Error(`CSV line 1: column name "${name}" is repeated`);
    seen.add(name);
  }
  return rows.map((row) => Object.fromEntries(header.map((name, position) => [name, row[position] ?? ""])));
}
