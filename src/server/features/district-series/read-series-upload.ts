import { createHash } from "node:crypto";
import { ImportProfileMappingSchema } from "../../../contracts/district-series.ts";
import type { ImportProfileMapping } from "../../../domain/series/apply-import-profile.ts";
import type { SeriesParseResult } from "../../../domain/series/parsed-series.ts";
import { readSeriesFile } from "../../../domain/series/read-series-file.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { findImportProfileByName } from "./import-profiles.repo.ts";

export type SeriesUpload = { fileName: string; bytes: Uint8Array; profileName?: string | undefined };

export type ReadUpload = {
  parsed: SeriesParseResult;
  profileName: string | null;
  /** SHA-256 of the bytes, and of the mapping when a profile reads them: same file + same mapping = same import. */
  contentHash: string;
};

/** UTF-8, or Windows-1252 when the bytes are not UTF-8 (spreadsheets saved as CSV in Italy). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/** JSON with object keys sorted, so a mapping read back from jsonb hashes as it was saved. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([first], [second]) => (first < second ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The saved mapping of a profile; a 400 naming `body.profileName` when there is no such profile. */
export async function loadProfileMapping(db: Database, profileName: string): Promise<ImportProfileMapping> {
  const profile = await findImportProfileByName(db, profileName);
  if (!profile) {
    throw new AppError("validation_failed", `There is no import profile named "${profileName}".`, [
      { path: "body.profileName", message: "no such import profile" },
    ]);
  }
  return ImportProfileMappingSchema.parse(profile.mapping);
}

/** Reads an uploaded file with the named profile's mapping (or the given one), or natively. */
export async function readSeriesUpload(
  db: Database,
  upload: SeriesUpload,
  unsavedMapping?: ImportProfileMapping,
): Promise<ReadUpload> {
  const mapping =
    unsavedMapping ?? (upload.profileName ? await loadProfileMapping(db, upload.profileName) : undefined);
  const hash = createHash("sha256").update(upload.bytes);
  if (mapping) hash.update(`\nprofile:${canonicalJson(mapping)}`);
  return {
    parsed: readSeriesFile(decodeText(upload.bytes), mapping),
    profileName: unsavedMapping ? null : (upload.profileName ?? null),
    contentHash: hash.digest("hex"),
  };
}
