import type { FollowList } from "../../../contracts/detection.ts";
import { decideCompanyAccess } from "../../../domain/access/decide-company-access.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import {
  deleteCompanyFollow,
  deleteDistrictFollow,
  findFollowedCompanies,
  findFollowedDistricts,
  findTerritoryKindOf,
  insertCompanyFollow,
  insertDistrictFollow,
} from "./follows.repo.ts";

type Deps = { db: Database; clock: () => Date };

/** What a user follows; companies they can no longer see are left out. */
export async function findFollows(deps: Deps, principal: Principal): Promise<FollowList> {
  const [companyRows, districtRows] = [
    await findFollowedCompanies(deps.db, principal.userId),
    await findFollowedDistricts(deps.db, principal.userId),
  ];
  const visible = companyRows.filter(
    (row) =>
      decideCompanyAccess({
        grants: principal.grants,
        company: {
          id: row.companyId,
          countryCode: row.countryCode,
          nuts3Code: row.nuts3Code ?? undefined,
          districtCode: row.districtCode ?? undefined,
        },
        kind: "identity",
        hasOpenOutOfScopeAccess: false,
      }).outcome === "allowed",
  );
  return {
    companies: visible.map((row) => ({
      companyId: row.companyId,
      name: row.name,
      districtCode: row.districtCode,
      followedAt: row.followedAt.toISOString(),
    })),
    districts: districtRows.map((row) => ({ ...row, followedAt: row.followedAt.toISOString() })),
  };
}

/**
 * Following a company means being told when its alert level moves, which is confidential: only
 * companies in the user's scope (or linked to them) can be followed. Outside a territorial scope → 403;
 * a company a linked role cannot see → 404, as everywhere else.
 */
async function authoriseFollow(deps: Deps, principal: Principal, companyId: string, meta: RequestMeta) {
  const { basis } = await authoriseCompanyAccess(deps, principal, companyId, "identity", {
    ...meta,
    what: "follow",
  });
  if (basis !== "territorial_scope" && basis !== "linked") {
    throw new AppError("forbidden", "This company is outside your territorial scope: it cannot be followed.");
  }
}

async function audit(
  deps: Deps,
  principal: Principal,
  meta: RequestMeta,
  action: "follow.added" | "follow.removed",
  subject: { companyId?: string; districtCode?: string },
) {
  await insertAuditEvent(deps.db, {
    occurredAt: deps.clock(),
    action,
    actorUserId: principal.userId,
    actorEmail: principal.email,
    companyId: subject.companyId,
    details: subject.districtCode ? { districtCode: subject.districtCode } : { subject: "company" },
    ipAddress: meta.ipAddress,
    requestId: meta.requestId,
  });
}

/** Follows a company (idempotent; audited when it starts). */
export async function followCompany(deps: Deps, principal: Principal, companyId: string, meta: RequestMeta) {
  await authoriseFollow(deps, principal, companyId, meta);
  await deps.db.transaction(async (transaction) => {
    const context = { db: transaction, clock: deps.clock };
    if (await insertCompanyFollow(transaction, principal.userId, companyId, deps.clock())) {
      await audit(context, principal, meta, "follow.added", { companyId });
    }
  });
}

/** Stops following a company (idempotent; no visibility check, so a lost scope can still unfollow). */
export async function unfollowCompany(
  deps: Deps,
  principal: Principal,
  companyId: string,
  meta: RequestMeta,
) {
  await deps.db.transaction(async (transaction) => {
    if (await deleteCompanyFollow(transaction, principal.userId, companyId)) {
      await audit({ db: transaction, clock: deps.clock }, principal, meta, "follow.removed", { companyId });
    }
  });
}

async function requireDistrict(deps: Deps, districtCode: string) {
  if ((await findTerritoryKindOf(deps.db, districtCode)) !== "district") {
    throw new AppError("not_found", `No district ${districtCode}.`);
  }
}

/** Follows a district (its published signals and aggregates; idempotent, audited when it starts). */
export async function followDistrict(
  deps: Deps,
  principal: Principal,
  districtCode: string,
  meta: RequestMeta,
) {
  await requireDistrict(deps, districtCode);
  await deps.db.transaction(async (transaction) => {
    if (await insertDistrictFollow(transaction, principal.userId, districtCode, deps.clock())) {
      await audit({ db: transaction, clock: deps.clock }, principal, meta, "follow.added", { districtCode });
    }
  });
}

export async function unfollowDistrict(
  deps: Deps,
  principal: Principal,
  districtCode: string,
  meta: RequestMeta,
) {
  await deps.db.transaction(async (transaction) => {
    if (await deleteDistrictFollow(transaction, principal.userId, districtCode)) {
      await audit({ db: transaction, clock: deps.clock }, principal, meta, "follow.removed", {
        districtCode,
      });
    }
  });
}
