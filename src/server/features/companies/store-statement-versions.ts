import { chooseCurrentVersion } from "../../../domain/statements/choose-current-version.ts";
import {
  findVersionIds,
  findVersionsOfPeriods,
  insertStatementVersions,
  type StatementVersionInput,
  setCurrentVersions,
  type VersionKey,
} from "./statements.repo.ts";

type Executor = Parameters<typeof insertStatementVersions>[0];
type VersionOutcome = { outcome: "inserted" | "unchanged"; statementId: string };

const keyOf = (key: VersionKey) =>
  `${key.companyId}|${key.periodEndOn}|${key.sourceContentHash}|${key.isOwnPeriod}`;
const periodOf = (key: { companyId: string; periodEndOn: string }) => `${key.companyId}|${key.periodEndOn}`;

/**
 * storeStatementVersion for many versions at once, with the same outcomes as storing them one by one in
 * order: a version a source already gave (or an earlier one of the list gave) is unchanged, and each
 * period that got a new version has its current one chosen again by the §6 rule, in one statement for all.
 */
export async function storeStatementVersions(
  db: Executor,
  versions: Omit<StatementVersionInput, "isCurrent">[],
): Promise<VersionOutcome[]> {
  const firstByKey = new Map<string, number>();
  versions.forEach((version, index) => {
    if (!firstByKey.has(keyOf(version))) firstByKey.set(keyOf(version), index);
  });
  const toInsert = [...firstByKey.values()].map((index) => ({
    ...(versions[index] as StatementVersionInput),
    isCurrent: false,
  }));
  const idByKey = new Map<string, string>();
  const insertedKeys = new Set<string>();
  for (const row of await insertStatementVersions(db, toInsert)) {
    idByKey.set(keyOf(row), row.id);
    insertedKeys.add(keyOf(row));
  }
  const alreadyStored = toInsert.filter((version) => !insertedKeys.has(keyOf(version)));
  for (const row of await findVersionIds(db, alreadyStored)) idByKey.set(keyOf(row), row.id);

  const changedPeriods = new Map<string, { companyId: string; periodEndOn: string }>();
  for (const version of toInsert) {
    if (insertedKeys.has(keyOf(version))) changedPeriods.set(periodOf(version), version);
  }
  const versionsByPeriod = new Map<string, Awaited<ReturnType<typeof findVersionsOfPeriods>>>();
  for (const stored of await findVersionsOfPeriods(db, [...changedPeriods.values()])) {
    const period = periodOf(stored);
    versionsByPeriod.set(period, [...(versionsByPeriod.get(period) ?? []), stored]);
  }
  const choices = [...changedPeriods.entries()].flatMap(([period, { companyId, periodEndOn }]) => {
    const currentId = chooseCurrentVersion(
      (versionsByPeriod.get(period) ?? []).map((stored) => ({
        id: stored.id,
        isOwnPeriod: stored.isOwnPeriod,
        filedAt: stored.filedOn ? `${stored.filedOn}T00:00:00.000Z` : stored.createdAt.toISOString(),
      })),
    );
    return currentId ? [{ companyId, periodEndOn, currentId }] : [];
  });
  await setCurrentVersions(db, choices);

  return versions.map((version, index) => {
    const key = keyOf(version);
    const statementId = idByKey.get(key);
    if (!statementId) throw new Error(`No stored version for ${key}`);
    const isInserted = insertedKeys.has(key) && firstByKey.get(key) === index;
    return { outcome: isInserted ? "inserted" : "unchanged", statementId };
  });
}
