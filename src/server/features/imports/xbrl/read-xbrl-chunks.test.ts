import { describe, expect, it } from "vitest";
import { readXbrlChunks } from "./read-xbrl-chunks.ts";
import { XbrlRejectedError } from "./xbrl-rejected-error.ts";

async function readAll(chunks: Uint8Array[]): Promise<string> {
  async function* source() {
    yield* chunks;
  }
  let text = "";
  for await (const part of readXbrlChunks(source(), 1_000_000, () => {})) text += part;
  return text;
}

const bytesOf = (values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe(readXbrlChunks, () => {
  it("drops the byte order mark at the start of the file, whole or in chunks", async () => {
    expect(await readAll([bytesOf([0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x3e])])).toBe("<a>");
    expect(await readAll([bytesOf([0xef, 0xbb]), bytesOf([0xbf, 0x3c, 0x61, 0x3e])])).toBe("<a>");
  });

  it("keeps U+FEFF after the start, when the first chunk was decoded whole", async () => {
    expect(await readAll([utf8("<a>"), bytesOf([0xef, 0xbb, 0xbf, 0x3e])])).toBe("<a>\ufeff>");
  });

  it("keeps a character split between chunks whole", async () => {
    const euro = utf8("<a>€</a>");
    expect(await readAll([euro.subarray(0, 4), euro.subarray(4, 5), euro.subarray(5)])).toBe("<a>€</a>");
    expect(await readAll([euro.subarray(0, 5), euro.subarray(5)])).toBe("<a>€</a>");
  });

  it("refuses invalid UTF-8 in a file read whole, and a character left unfinished at the end", async () => {
    await expect(readAll([bytesOf([0x3c, 0xe0, 0x3e])])).rejects.toThrow(XbrlRejectedError);
    await expect(readAll([utf8("<a>"), bytesOf([0xc3])])).rejects.toThrow(/not valid UTF-8/);
  });
});
