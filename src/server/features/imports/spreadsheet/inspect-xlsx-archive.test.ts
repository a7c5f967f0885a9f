import { deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inspectXlsxArchive } from "./inspect-xlsx-archive.ts";

type Part = { name: string; content: Uint8Array; declaredBytes?: number; isStored?: boolean };

/** A minimal ZIP writer (no CRC: the inspection does not read it) whose declared sizes can lie. */
function buildZip(parts: readonly Part[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = encoder.encode(part.name);
    const data = part.isStored ? Buffer.from(part.content) : deflateRawSync(part.content);
    const declared = part.declaredBytes ?? part.content.byteLength;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(part.isStored ? 0 : 8, 8);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, Buffer.from(name), data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(part.isStored ? 0 : 8, 10);
    entry.writeUInt32LE(data.byteLength, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.byteLength, 28);
    entry.writeUInt32LE(offset, 42);
    directory.push(entry, Buffer.from(name));
    offset += 30 + name.byteLength + data.byteLength;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directoryBytes.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directoryBytes, end]));
}

const sheet = { name: "xl/worksheets/sheet1.xml", content: new TextEncoder().encode("<worksheet/>") };

describe(inspectXlsxArchive, () => {
  it("accepts parts whose sizes are as declared and within the limit", () => {
    expect(
      inspectXlsxArchive(buildZip([sheet, { ...sheet, name: "xl/styles.xml", isStored: true }])),
    ).toEqual({
      isAccepted: true,
    });
  });

  it("refuses parts that declare more than the limit together, before inflating anything", () => {
    const claims = [0, 1, 2].map((index) => ({
      ...sheet,
      name: `xl/p${index}.xml`,
      declaredBytes: 40 * 2 ** 20,
    }));
    expect(inspectXlsxArchive(buildZip(claims))).toEqual({
      isAccepted: false,
      reason: "its parts would take 120.0 MiB once uncompressed, more than the 100.0 MiB accepted",
    });
  });

  it("refuses a part that inflates beyond the size it declares", () => {
    const bomb = { name: "xl/sharedStrings.xml", content: new Uint8Array(5_000_000), declaredBytes: 1_000 };
    expect(inspectXlsxArchive(buildZip([sheet, bomb]))).toEqual({
      isAccepted: false,
      reason: "its part xl/sharedStrings.xml inflates beyond its declared size or is damaged",
    });
  });

  it("honours a lower limit", () => {
    const result = inspectXlsxArchive(buildZip([{ ...sheet, content: new Uint8Array(4_096) }]), {
      maximumUncompressedBytes: 1_024,
    });
    expect(result.isAccepted).toBe(false);
  });

  it.each([
    ["xl/vbaProject.bin", /macros/],
    ["xl/externalLinks/externalLink1.xml", /external links/],
  ])("refuses a workbook with %s", (name, reason) => {
    const result = inspectXlsxArchive(buildZip([sheet, { ...sheet, name }]));
    expect(result.isAccepted).toBe(false);
    expect(!result.isAccepted && result.reason).toMatch(reason);
  });

  it("refuses bytes without a ZIP directory, and a truncated archive", () => {
    expect(inspectXlsxArchive(new TextEncoder().encode("PK\u0003\u0004 not really"))).toEqual({
      isAccepted: false,
      reason: "it is not a readable XLSX workbook (no ZIP directory)",
    });
    // The part's data cut off: the bytes the directory points at are no longer a deflate stream.
    const archive = buildZip([{ ...sheet, content: new Uint8Array(50_000).fill(7) }]);
    const directoryStart = archive.byteLength - 22 - 46 - sheet.name.length;
    const truncated = new Uint8Array([...archive.subarray(0, 60), ...archive.subarray(directoryStart)]);
    new DataView(truncated.buffer).setUint32(truncated.byteLength - 6, 60, true);
    const result = inspectXlsxArchive(truncated);
    expect(result.isAccepted).toBe(false);
    expect(!result.isAccepted && result.reason).toMatch(
      /^its part xl\/worksheets\/sheet1\.xml (is truncated|inflates)/,
    );
  });
});
