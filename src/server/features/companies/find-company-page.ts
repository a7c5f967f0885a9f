import type { CompanyListQuery } from "../../../contracts/registry.ts";
import { isLinkedRole, isTerritorialRole } from "../../../domain/access/roles.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { decodePageCursor, encodePageCursor } from "../../http/page-cursor.ts";
import type { Principal } from "../auth/principal.ts";
import {
  type CompanyCursor,
  type CompanyListRow,
  countCompanies,
  findCompanyRows,
  findTerritoryKindByCode,
} from "./registry.repo.ts";

const encodeCursor = (cursor: CompanyCursor): string => encodePageCursor(cursor);

const decodeCursor = (text: string): CompanyCursor =>
  decodePageCursor<CompanyCursor>(text, (value) => typeof value.id === "string", "after");

/**
 * Lists company identities (public register information for territorial roles, anywhere; only
 * their own companies for linked roles) with filters, sort and keyset pagination. A search by
 * name is ordered by likeness and returns one page.
 */
export async function findCompanyPage(
  deps: { db: Database },
  principal: Principal,
  query: CompanyListQuery,
): Promise<{ items: CompanyListRow[]; total: number; nextAfter: string | null }> {
  const isTerritorial = principal.grants.some((grant) => isTerritorialRole(grant.role));
  const linkedIds = principal.grants
    .filter((grant) => isLinkedRole(grant.role))
    .flatMap((grant) => grant.companyIds ?? []);
  let territory: { code: string; kind: string } | undefined;
  if (query.territory) {
    const kind = await findTerritoryKindByCode(deps.db, query.territory);
    if (!kind)
      throw new AppError("validation_failed", `Unknown territory ${query.territory}.`, [
        { path: "query.territory", message: "unknown territory" },
      ]);
    territory = { code: query.territory, kind };
  }
  const filter = {
    search: query.q || undefined,
    territory,
    sectorPrefix: query.sector,
    sizeClass: query.sizeClass,
    placement: query.placement,
    onlyIds: isTerritorial ? undefined : linkedIds,
  };
  const rows = await findCompanyRows(deps.db, filter, {
    sort: query.sort,
    limit: query.limit + 1,
    after: query.after ? decodeCursor(query.after) : undefined,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const hasMore = rows.length > query.limit && !filter.search;
  return {
    items,
    total: await countCompanies(deps.db, filter),
    nextAfter:
      hasMore && last
        ? encodeCursor({ value: query.sort.endsWith("name") ? last.name : last.headcount, id: last.id })
        : null,
  };
}
