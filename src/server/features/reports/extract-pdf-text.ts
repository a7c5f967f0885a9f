import { inflateSync } from "node:zlib";

// Windows-1252 differs from Latin-1 only in 0x80–0x9F (Node's TextDecoder may treat the two alike).
const windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Buffer): string {
  let text = "";
  for (const byte of bytes)
    text += byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function decodeHexStrings(operand: string): string {
  return [...operand.matchAll(/<([0-9a-fA-F]*)>/g)]
    .map((match) => decodeWindows1252(Buffer.from(match[1] ?? "", "hex")))
    .join("");
}

/**
 * The text a PDFKit document draws with its built-in fonts, one line per text operation: content
 * streams inflated when compressed, hex strings of TJ arrays decoded as Windows-1252. For tests and
 * checks of generated reports; not a general PDF parser.
 */
export function extractPdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const contents: string[] = [];
  for (const match of raw.matchAll(/<<([\s\S]*?)>>\s*stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) continue;
    const bytes = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(match[1] ?? "")) {
      try {
        contents.push(inflateSync(bytes).toString("latin1"));
      } catch {
        // Not a content stream we can read (e.g. a font program): skip it.
      }
    } else {
      contents.push(bytes.toString("latin1"));
    }
  }
  const lines: string[] = [];
  for (const content of contents) {
    for (const match of content.matchAll(/\[([^\]]*)\]\s*TJ|(<[0-9a-fA-F]*>)\s*Tj/g)) {
      lines.push(decodeHexStrings(match[1] ?? match[2] ?? ""));
    }
  }
  return lines.join("\n");
}
