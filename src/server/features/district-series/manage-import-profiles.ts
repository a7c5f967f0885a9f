import {
  type ImportProfile,
  type ImportProfileInput,
  ImportProfileMappingSchema,
} from "../../../contracts/district-series.ts";
import { checkImportProfileMapping } from "../../../domain/series/apply-import-profile.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import {
  deleteImportProfile,
  findImportProfileById,
  findImportProfileByName,
  findImportProfiles,
  type ImportProfileRecord,
  insertImportProfile,
  updateImportProfile,
} from "./import-profiles.repo.ts";

type Deps = { db: Database; clock: () => Date };

function present(record: ImportProfileRecord): ImportProfile {
  return {
    id: record.id,
    name: record.name,
    mapping: ImportProfileMappingSchema.parse(record.mapping),
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** 400 naming body.mapping when the mapping contradicts itself (no unit, a dimension twice). */
function checkMapping(input: ImportProfileInput) {
  const problems = checkImportProfileMapping(input.mapping);
  if (problems.length > 0) {
    throw new AppError(
      "validation_failed",
      `The mapping cannot read a file: ${problems.join(" ")}`,
      problems.map((message) => ({ path: "body.mapping", message })),
    );
  }
}

async function checkNameFree(deps: Deps, name: string, exceptId?: string) {
  const existing = await findImportProfileByName(deps.db, name);
  if (existing && existing.id !== exceptId) {
    throw new AppError("conflict", `An import profile named "${name}" exists already.`, [
      { path: "body.name", message: "name taken" },
    ]);
  }
}

export async function findSeriesImportProfiles(deps: Pick<Deps, "db">): Promise<ImportProfile[]> {
  return (await findImportProfiles(deps.db)).map(present);
}

export async function createSeriesImportProfile(
  deps: Deps,
  input: ImportProfileInput,
  createdByUserId: string | null,
): Promise<ImportProfile> {
  checkMapping(input);
  await checkNameFree(deps, input.name);
  return present(await insertImportProfile(deps.db, { ...input, createdByUserId }, deps.clock()));
}

export async function updateSeriesImportProfile(
  deps: Deps,
  profileId: string,
  input: ImportProfileInput,
): Promise<ImportProfile> {
  checkMapping(input);
  if (!(await findImportProfileById(deps.db, profileId)))
    throw new AppError("not_found", "No such import profile.");
  await checkNameFree(deps, input.name, profileId);
  const updated = await updateImportProfile(deps.db, profileId, input, deps.clock());
  if (!updated) throw new AppError("not_found", "No such import profile.");
  return present(updated);
}

/** Deleting a profile leaves what it imported; files already imported keep their profile name. */
export async function deleteSeriesImportProfile(deps: Pick<Deps, "db">, profileId: string): Promise<void> {
  if (!(await deleteImportProfile(deps.db, profileId)))
    throw new AppError("not_found", "No such import profile.");
}
