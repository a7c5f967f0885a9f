import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parseCsvRecords } from "../../../domain/shared/parse-csv.ts";
import { packageRoot } from "../../paths.ts";

export const referenceDataFolder = path.join(packageRoot, "reference-data");

export const referenceFileNames = [
  "countries.csv",
  "nuts-2021.csv",
  "districts.csv",
  "it-regioni-province.csv",
  "it-comuni.csv",
  "ateco-2007.csv",
  "nace-rev2.csv",
  "cndcec-sector-groups.csv",
] as const;

export type ReferenceFileName = (typeof referenceFileNames)[number];

export function readReferenceFile(fileName: ReferenceFileName): Record<string, string>[] {
  return parseCsvRecords(fs.readFileSync(path.join(referenceDataFolder, fileName), "utf8"));
}

/** A digest of every shipped reference file: when it changes, the reference data are reloaded. */
export function computeReferenceDataHash(): string {
  const hash = createHash("sha256");
  for (const fileName of referenceFileNames) {
    hash.update(fileName);
    hash.update(fs.readFileSync(path.join(referenceDataFolder, fileName)));
  }
  return hash.digest("hex");
}
