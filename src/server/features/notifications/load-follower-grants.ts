import type { Grant } from "../../../domain/access/roles.ts";
import type { Database } from "../../db/client.ts";
import { findActiveGrants } from "../auth/auth.repo.ts";

/**
 * The grants in force of users who are not signed in (followers being notified), loaded the way a
 * session loads them, once per user for a whole batch.
 */
export function createGrantLoader(db: Database): (userId: string) => Promise<Grant[]> {
  const loaded = new Map<string, Promise<Grant[]>>();
  return (userId) => {
    let grants = loaded.get(userId);
    if (!grants) {
      grants = findActiveGrants(db, userId).then((records) =>
        records.map((record) => ({
          role: record.role,
          ...(record.territory ? { territory: record.territory } : {}),
          ...(record.companyIds.length > 0 ? { companyIds: record.companyIds } : {}),
        })),
      );
      loaded.set(userId, grants);
    }
    return grants;
  };
}
