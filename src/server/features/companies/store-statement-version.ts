import { chooseCurrentVersion } from "../../../domain/statements/choose-current-version.ts";
import type { Database } from "../../db/client.ts";
import {
  findVersionId,
  findVersionsOfPeriod,
  insertStatementVersion,
  type StatementVersionInput,
  setCurrentVersion,
} from "./statements.repo.ts";

type Executor = Parameters<typeof insertStatementVersion>[0];

/**
 * Stores one version of a company's statement for a period and marks which version is current
 * (own period over comparative, later filing over earlier). Storing the same source twice changes
 * nothing. Call it inside the importer's transaction.
 */
export async function storeStatementVersion(
  db: Executor | Database,
  version: Omit<StatementVersionInput, "isCurrent">,
): Promise<{ outcome: "inserted" | "unchanged"; statementId: string }> {
  const insertedId = await insertStatementVersion(db, { ...version, isCurrent: false });
  // The same source again: nothing changed, so the current version stays as it was.
  if (!insertedId) return { outcome: "unchanged", statementId: await findVersionId(db, version) };
  const versions = await findVersionsOfPeriod(db, version.companyId, version.periodEndOn);
  const currentId = chooseCurrentVersion(
    versions.map((stored) => ({
      id: stored.id,
      isOwnPeriod: stored.isOwnPeriod,
      filedAt: stored.filedOn ? `${stored.filedOn}T00:00:00.000Z` : stored.createdAt.toISOString(),
    })),
  );
  if (currentId) await setCurrentVersion(db, version.companyId, version.periodEndOn, currentId);
  return { outcome: "inserted", statementId: insertedId };
}
