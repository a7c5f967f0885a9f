import {
  type DetectionFilters,
  type DetectionListQuery,
  detectionTotalCap,
} from "../../../contracts/detection.ts";
import { isLinkedRole, isTerritorialRole } from "../../../domain/access/roles.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Principal } from "../auth/principal.ts";
import {
  type DetectionCursorValue,
  type DetectionFilter,
  type DetectionOrder,
  type DetectionRow,
  type DetectionScope,
  type DetectionSortKey,
  findDetectionPageWithTotal,
  findTerritoryKind,
  isCursorOfOrder,
  readCursorValues,
} from "./detection.repo.ts";

export type ResolvedDetectionQuery = {
  scope: DetectionScope;
  filter: DetectionFilter;
  order: DetectionOrder;
};

/** The caller's scope: the territories of territorial grants, and the companies of linked roles. */
export function detectionScopeOf(principal: Principal): DetectionScope {
  return {
    territories: principal.grants.flatMap((grant) =>
      isTerritorialRole(grant.role) && grant.territory ? [grant.territory] : [],
    ),
    companyIds: [
      ...new Set(
        principal.grants.flatMap((grant) => (isLinkedRole(grant.role) ? (grant.companyIds ?? []) : [])),
      ),
    ],
  };
}

function unknownCode(field: string, message: string): AppError {
  return new AppError("validation_failed", message, [{ path: `query.${field}`, message }]);
}

function checkDistrictKind(code: string, kind: string | null | undefined): void {
  if (kind !== "district") throw unknownCode("district", `unknown district ${code}`);
}

/**
 * Checks the filters' codes against the reference data and turns them into the repository's filter.
 * `isDistrictChecked: false` leaves the district's check to the caller (the page reads its kind in
 * the same statement as its rows).
 */
export async function resolveDetectionQuery(
  deps: { db: Database },
  principal: Principal,
  filters: DetectionFilters,
  options: { isDistrictChecked: boolean } = { isDistrictChecked: true },
): Promise<ResolvedDetectionQuery> {
  let territory: DetectionFilter["territory"];
  if (filters.territory) {
    const kind = await findTerritoryKind(deps.db, filters.territory);
    if (!kind) throw unknownCode("territory", `unknown territory ${filters.territory}`);
    territory = { code: filters.territory, kind };
  }
  if (filters.district && options.isDistrictChecked) {
    checkDistrictKind(filters.district, await findTerritoryKind(deps.db, filters.district));
  }
  return {
    scope: detectionScopeOf(principal),
    filter: {
      year: filters.year,
      territory,
      districtCode: filters.district,
      sectorPrefix: filters.sector,
      sizeClass: filters.sizeClass,
      alertLevels: filters.alertLevel,
      distressModel: filters.model,
      isFirstAlert: filters.firstAlert,
      isDeteriorating: filters.deteriorating,
      isFollowedOnly: filters.followedByMe,
    },
    order: {
      key: filters.sort.replace(/^-/, "") as DetectionSortKey,
      isDescending: filters.sort.startsWith("-"),
    },
  };
}

function encodeCursor(sort: string, values: DetectionCursorValue[]): string {
  return Buffer.from(JSON.stringify({ sort, values })).toString("base64url");
}

function decodeCursor(text: string, sort: string): DetectionCursorValue[] {
  try {
    const cursor = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as {
      sort?: unknown;
      values?: unknown;
    };
    const isValue = (value: unknown) => value === null || ["string", "number"].includes(typeof value);
    if (cursor.sort === sort && Array.isArray(cursor.values) && cursor.values.every(isValue)) {
      return cursor.values as DetectionCursorValue[];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError(
    "validation_failed",
    "The page cursor is not valid for this order; start from the first page.",
    [{ path: "query.after", message: "invalid cursor" }],
  );
}

/**
 * The detection list: the latest (or the chosen year's) risk row of every company in the caller's
 * scope that matches the filters, in keyset pages. Companies outside the scope never appear.
 * Usually one statement: the page, the total and the district filter's check together. The total is
 * counted up to `totalCap` (default `detectionTotalCap`): past it, `total` is the cap and
 * `isTotalExact` false.
 */
export async function findDetectionPage(
  deps: { db: Database; totalCap?: number },
  principal: Principal,
  query: DetectionListQuery,
): Promise<{ items: DetectionRow[]; total: number; isTotalExact: boolean; nextAfter: string | null }> {
  const { after, limit, ...filters } = query;
  const resolved = await resolveDetectionQuery(deps, principal, filters, { isDistrictChecked: false });
  const afterValues = after ? decodeCursor(after, filters.sort) : undefined;
  if (afterValues && !isCursorOfOrder(resolved.order, afterValues)) {
    throw new AppError("validation_failed", "The page cursor is not valid for this order.", [
      { path: "query.after", message: "invalid cursor" },
    ]);
  }
  const { rows, total, isTotalExact, districtKind } = await findDetectionPageWithTotal(
    deps.db,
    resolved.scope,
    resolved.filter,
    principal.userId,
    {
      order: resolved.order,
      limit: limit + 1,
      after: afterValues,
      totalCap: deps.totalCap ?? detectionTotalCap,
    },
  );
  if (filters.district) checkDistrictKind(filters.district, districtKind);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    total,
    isTotalExact,
    nextAfter:
      rows.length > limit && last ? encodeCursor(filters.sort, readCursorValues(resolved.order, last)) : null,
  };
}
