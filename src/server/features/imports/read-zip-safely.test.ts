import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readZipSafely, ZipRejectedError } from "./read-zip-safely.ts";

const isXbrl = (name: string) => name.endsWith(".xbrl");

describe(readZipSafely, () => {
  it("returns the accepted entries and lists unsafe names as refused", () => {
    const archive = zipSync({
      "2024/a.xbrl": strToU8("<a/>"),
      "notes.txt": strToU8("ignored"),
      "../escape.xbrl": strToU8("<b/>"),
    });
    const result = readZipSafely(archive, isXbrl);
    expect(result.entries.map((entry) => [entry.fileName, new TextDecoder().decode(entry.bytes)])).toEqual([
      ["2024/a.xbrl", "<a/>"],
    ]);
    expect(result.refused).toEqual([
      { fileName: "../escape.xbrl", reason: "refused: path goes up a folder (..)" },
    ]);
  });

  it("rejects an archive that unpacks beyond the cap, counting the bytes really inflated", () => {
    // 5 MB of zeros compress to a few kilobytes: a small bomb.
    const archive = zipSync({ "bomb.xbrl": new Uint8Array(5 * 1024 * 1024) }, { level: 9 });
    expect(archive.length).toBeLessThan(100_000);
    expect(() => readZipSafely(archive, isXbrl, { maximumTotalBytes: 1024 * 1024 })).toThrowError(
      ZipRejectedError,
    );
  });

  it("rejects bytes that are not a ZIP archive and archives with too many entries", () => {
    expect(() => readZipSafely(strToU8("not a zip at all"), isXbrl)).toThrowError(
      "This is not a ZIP archive.",
    );
    const many = zipSync(
      Object.fromEntries(Array.from({ length: 20 }, (_unused, index) => [`f${index}.xbrl`, strToU8("x")])),
    );
    expect(() => readZipSafely(many, isXbrl, { maximumEntries: 10 })).toThrowError(/more than 10 entries/);
  });
});
