import { Unzip, UnzipInflate } from "fflate";

export type ZipEntry = { fileName: string; bytes: Uint8Array };
export type ZipRejection = { fileName: string; reason: string };

export class ZipRejectedError extends Error {
  override name = "ZipRejectedError";
}

const defaultLimits = { maximumTotalBytes: 200 * 1024 * 1024, maximumEntries: 10_000 };

/** A name that could escape a folder or is not a plain relative path is refused, even in memory. */
function findUnsafeName(name: string): string | undefined {
  if (name.startsWith("/") || name.startsWith("\\") || /^[a-zA-Z]:/.test(name)) return "absolute path";
  if (name.includes("\\")) return "backslash in the path";
  if (name.split("/").some((part) => part === "..")) return "path goes up a folder (..)";
  if (name.includes("\0")) return "NUL in the name";
  return undefined;
}

/**
 * Reads a ZIP archive in memory, never writing to disk: entries with unsafe names are listed as
 * refused; the bytes actually inflated (not the sizes the archive declares) are counted, and the
 * archive is rejected as soon as they pass the cap (ZIP bombs), or when it holds too many entries.
 */
export function readZipSafely(
  archive: Uint8Array,
  accept: (fileName: string) => boolean,
  limits: { maximumTotalBytes?: number; maximumEntries?: number } = {},
): { entries: ZipEntry[]; refused: ZipRejection[] } {
  const { maximumTotalBytes, maximumEntries } = { ...defaultLimits, ...limits };
  // Every ZIP starts with a local file header (PK\x03\x04), or the end record of an empty archive.
  if (archive.length < 4 || archive[0] !== 0x50 || archive[1] !== 0x4b) {
    throw new ZipRejectedError("This is not a ZIP archive.");
  }
  const entries: ZipEntry[] = [];
  const refused: ZipRejection[] = [];
  let totalBytes = 0;
  let entryCount = 0;
  let failure: Error | undefined;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    if (failure) return;
    entryCount += 1;
    if (entryCount > maximumEntries) {
      failure = new ZipRejectedError(`The archive holds more than ${maximumEntries} entries.`);
      return;
    }
    if (file.name.endsWith("/")) return;
    const unsafe = findUnsafeName(file.name);
    if (unsafe) {
      refused.push({ fileName: file.name, reason: `refused: ${unsafe}` });
      return;
    }
    if (!accept(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, isFinal) => {
      if (failure) return;
      if (error) {
        failure = new ZipRejectedError(`The archive is damaged at ${file.name}: ${error.message}`);
        return;
      }
      totalBytes += chunk.length;
      if (totalBytes > maximumTotalBytes) {
        failure = new ZipRejectedError(
          `The archive unpacks to more than ${Math.round(maximumTotalBytes / 1024 / 1024)} MB; refused.`,
        );
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (isFinal) {
        const bytes = new Uint8Array(chunks.reduce((sum, part) => sum + part.length, 0));
        let offset = 0;
        for (const part of chunks) {
          bytes.set(part, offset);
          offset += part.length;
        }
        entries.push({ fileName: file.name, bytes });
      }
    };
    file.start();
  };
  try {
    unzip.push(archive, true);
  } catch (error) {
    throw new ZipRejectedError(`The archive cannot be read: ${(error as Error).message}`);
  }
  if (failure) throw failure;
  return { entries, refused };
}
