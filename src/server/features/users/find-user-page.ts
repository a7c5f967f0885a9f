import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { authPolicy } from "../auth/auth-policy.ts";
import {
  findGrantsOfUsers,
  findUserIdsWithGrantsReviewedBefore,
  findUsers,
  type GrantRow,
  type UserRow,
} from "./users.repo.ts";

export type UserWithGrants = UserRow & { grants: GrantRow[] };

function reviewCutoff(now: Date): Date {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - authPolicy.grantReviewIntervalMonths);
  return cutoff;
}

/** One page of users (by email), each with the grants in force; optionally only those due for review. */
export async function findUserPage(
  deps: { db: Database; clock: () => Date },
  query: {
    q?: string | undefined;
    status?: UserRow["status"] | undefined;
    reviewDue?: boolean;
    after?: string | undefined;
    limit: number;
  },
): Promise<{ items: UserWithGrants[]; nextAfter: string | null }> {
  const userIds = query.reviewDue
    ? await findUserIdsWithGrantsReviewedBefore(deps.db, reviewCutoff(deps.clock()))
    : undefined;
  const rows = await findUsers(
    deps.db,
    { q: query.q, status: query.status, userIds },
    { limit: query.limit + 1, after: query.after },
  );
  const page = rows.slice(0, query.limit);
  const grants = await findGrantsOfUsers(
    deps.db,
    page.map((row) => row.id),
  );
  return {
    items: page.map((row) => ({ ...row, grants: grants.filter((grant) => grant.userId === row.id) })),
    nextAfter: rows.length > query.limit ? (page.at(-1)?.email ?? null) : null,
  };
}

export async function getUserWithGrants(
  deps: { db: Database; clock: () => Date },
  userId: string,
): Promise<UserWithGrants> {
  const rows = await findUsers(deps.db, { userIds: [userId] }, { limit: 1 });
  const user = rows[0];
  if (!user) throw new AppError("not_found", "No such user.");
  return { ...user, grants: await findGrantsOfUsers(deps.db, [userId]) };
}
