import type { CompanyScores } from "../../../contracts/scores.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { resolveCompanyReferences } from "../companies/resolve-company-references.ts";
import { explainCompanyScores } from "./explain-company-scores.ts";
import { presentCompanyScores } from "./scoring.presenter.ts";
import { findCompanyScores } from "./scoring.repo.ts";

/** Every model, every year on record, for one company named by tax code or id (the CLI report). */
export async function reportCompany(
  deps: { db: Database },
  reference: string,
): Promise<CompanyScores & { companyId: string }> {
  const found = await resolveCompanyReferences(deps, [reference]);
  const companyId = found.get(reference);
  if (!companyId) throw new AppError("not_found", `No company with tax code or id ${reference}.`);
  const stored = await findCompanyScores(deps.db, companyId);
  return { companyId, ...presentCompanyScores(await explainCompanyScores(deps.db, companyId, stored)) };
}
