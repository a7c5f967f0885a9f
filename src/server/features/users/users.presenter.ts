import type { GrantDetail, UserSummary } from "../../../contracts/users.ts";
import { isGrantReviewDue } from "../../../domain/access/validate-grant.ts";
import { authPolicy } from "../auth/auth-policy.ts";
import type { UserWithGrants } from "./find-user-page.ts";
import type { GrantRow } from "./users.repo.ts";

export function presentGrant(grant: GrantRow, now: Date): GrantDetail {
  return {
    id: grant.id,
    role: grant.role,
    territory: grant.territory,
    companies: grant.companies,
    createdAt: grant.createdAt.toISOString(),
    lastReviewedAt: grant.lastReviewedAt.toISOString(),
    isReviewDue: isGrantReviewDue(grant.lastReviewedAt, now, authPolicy.grantReviewIntervalMonths),
  };
}

export function presentUser(user: UserWithGrants, now: Date): UserSummary {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    locale: user.locale,
    lockedReason: user.lockedReason,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
    grants: user.grants.map((grant) => presentGrant(grant, now)),
  };
}
