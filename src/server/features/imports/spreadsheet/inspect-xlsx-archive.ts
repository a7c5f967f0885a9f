import { inflateRawSync } from "node:zlib";

/** The most a workbook's parts may hold once uncompressed, together (ZIP-bomb guard). */
export const defaultMaximumUncompressedBytes = 100 * 1024 * 1024;

const maximumPartCount = 10_000;
const endOfCentralDirectorySignature = 0x06054b50;
const centralDirectoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const zip64Marker = 0xffffffff;

type ArchivePart = {
  name: string;
  method: number;
  compressedBytes: number;
  uncompressedBytes: number;
  localHeaderOffset: number;
};

export type ArchiveInspection = { isAccepted: true } | { isAccepted: false; reason: string };

function formatMebibytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

function findEndOfCentralDirectory(view: DataView): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the archive.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) === endOfCentralDirectorySignature) return offset;
  }
  return undefined;
}

function readParts(bytes: Uint8Array): ArchivePart[] | string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end === undefined) return "it is not a readable XLSX workbook (no ZIP directory)";
  const partCount = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (partCount === 0xffff || directoryOffset === zip64Marker) {
    return "it is a ZIP64 archive, which no workbook of the accepted size needs";
  }
  if (partCount > maximumPartCount) return `it holds ${partCount} parts, more than ${maximumPartCount}`;
  const decoder = new TextDecoder();
  const parts: ArchivePart[] = [];
  let offset = directoryOffset;
  for (let index = 0; index < partCount; index += 1) {
    if (offset + 46 > bytes.byteLength || view.getUint32(offset, true) !== centralDirectoryEntrySignature) {
      return "its ZIP directory is damaged";
    }
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    parts.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedBytes: view.getUint32(offset + 20, true),
      uncompressedBytes: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

function refuseContent(parts: readonly ArchivePart[]): string | undefined {
  if (parts.some((part) => /^\/?xl\/vbaProject\.bin$/i.test(part.name))) {
    return "it contains macros (xl/vbaProject.bin): save it as a plain .xlsx workbook";
  }
  if (parts.some((part) => /^\/?xl\/externalLinks\//i.test(part.name))) {
    return "it links to other workbooks (external links), whose values it may not hold: paste the values and save again";
  }
  return undefined;
}

/** Inflates each part once with its declared size as the ceiling, so a part that lies about its size is caught. */
function checkInflatedSizes(bytes: Uint8Array, parts: readonly ArchivePart[]): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const part of parts) {
    const header = part.localHeaderOffset;
    if (header + 30 > bytes.byteLength || view.getUint32(header, true) !== localHeaderSignature) {
      return `its part ${part.name} is damaged`;
    }
    const dataStart = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const data = bytes.subarray(dataStart, dataStart + part.compressedBytes);
    if (data.byteLength !== part.compressedBytes) return `its part ${part.name} is truncated`;
    if (part.method === 0) {
      if (part.compressedBytes !== part.uncompressedBytes) return `its part ${part.name} is damaged`;
      continue;
    }
    if (part.method !== 8)
      return `its part ${part.name} uses an unsupported compression method (${part.method})`;
    let inflatedBytes: number;
    try {
      inflatedBytes = inflateRawSync(data, {
        maxOutputLength: Math.max(1, part.uncompressedBytes),
      }).byteLength;
    } catch {
      return `its part ${part.name} inflates beyond its declared size or is damaged`;
    }
    if (inflatedBytes !== part.uncompressedBytes)
      return `its part ${part.name} does not match its declared size`;
  }
  return undefined;
}

/**
 * Checks an XLSX archive before a workbook library opens it: the parts' declared uncompressed sizes
 * (together at most `maximumUncompressedBytes`), then each part's real size against its declaration; no
 * macros, no links to other workbooks, no ZIP64.
 */
export function inspectXlsxArchive(
  bytes: Uint8Array,
  options: { maximumUncompressedBytes?: number } = {},
): ArchiveInspection {
  const maximum = options.maximumUncompressedBytes ?? defaultMaximumUncompressedBytes;
  const parts = readParts(bytes);
  if (typeof parts === "string") return { isAccepted: false, reason: parts };
  if (parts.some((part) => part.uncompressedBytes === zip64Marker || part.compressedBytes === zip64Marker)) {
    return {
      isAccepted: false,
      reason: "it is a ZIP64 archive, which no workbook of the accepted size needs",
    };
  }
  const declared = parts.reduce((sum, part) => sum + part.uncompressedBytes, 0);
  if (declared > maximum) {
    return {
      isAccepted: false,
      reason: `its parts would take ${formatMebibytes(declared)} once uncompressed, more than the ${formatMebibytes(maximum)} accepted`,
    };
  }
  const refused = refuseContent(parts) ?? checkInflatedSizes(bytes, parts);
  return refused === undefined ? { isAccepted: true } : { isAccepted: false, reason: refused };
}
