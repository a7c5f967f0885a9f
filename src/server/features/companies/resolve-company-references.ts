import type { Database } from "../../db/client.ts";
import { findCompanyIdsByReference } from "./companies.repo.ts";

/** Maps each reference (a company id or tax code) to a company id; unknown ones are left out. */
export function resolveCompanyReferences(
  deps: { db: Database },
  references: readonly string[],
): Promise<Map<string, string>> {
  return findCompanyIdsByReference(deps.db, references);
}
