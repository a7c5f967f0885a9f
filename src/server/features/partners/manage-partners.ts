import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import {
  findExistingPartnerIds,
  findPartnersOfCompany,
  insertPartner,
  type PartnerRow,
  replaceCompanyPartners,
} from "./partners.repo.ts";

type Deps = { db: Database; clock: () => Date };

export function createPartner(deps: Deps, input: Omit<PartnerRow, "id">): Promise<PartnerRow> {
  return insertPartner(deps.db, input, deps.clock());
}

/** Sets which partners a company is linked to (and how); the caller has checked access to the company. */
export async function linkCompanyPartners(
  deps: Deps,
  companyId: string,
  links: { partnerId: string; relation: string }[],
) {
  const uniqueIds = [...new Set(links.map((link) => link.partnerId))];
  if (uniqueIds.length !== links.length) {
    throw new AppError("validation_failed", "A partner appears twice.", [
      { path: "body.links", message: "a partner appears twice" },
    ]);
  }
  const found = await findExistingPartnerIds(deps.db, uniqueIds);
  const missing = uniqueIds.filter((id) => !found.includes(id));
  if (missing.length > 0) {
    throw new AppError("validation_failed", `Unknown partners: ${missing.join(", ")}.`, [
      { path: "body.links", message: `unknown: ${missing.join(", ")}` },
    ]);
  }
  await deps.db.transaction((tx) => replaceCompanyPartners(tx, companyId, links));
  return findPartnersOfCompany(deps.db, companyId);
}

export function findCompanyPartners(deps: Deps, companyId: string) {
  return findPartnersOfCompany(deps.db, companyId);
}
