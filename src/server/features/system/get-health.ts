import type { Database } from "../../db/client.ts";
import { pingDatabase } from "./system.repo.ts";

export type Health = { isDatabaseReachable: boolean; checkedAt: Date };

export async function getHealth(deps: { db: Database; clock: () => Date }): Promise<Health> {
  const checkedAt = deps.clock();
  try {
    await pingDatabase(deps.db);
    return { isDatabaseReachable: true, checkedAt };
  } catch {
    return { isDatabaseReachable: false, checkedAt };
  }
}
