import {
  type NormalisedCompany,
  normaliseCompany,
  type RawCompany,
} from "../../../domain/companies/normalise-company.ts";
import type { Database } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { buildCompanyLookups } from "./build-company-lookups.ts";
import { findCompaniesByKeys, insertCompanies, updateCompanyRow } from "./registry.repo.ts";

async function normaliseOrFail(db: Database, raw: RawCompany): Promise<NormalisedCompany> {
  const result = normaliseCompany(raw, await buildCompanyLookups(db));
  if ("problems" in result) {
    throw new AppError(
      "validation_failed",
      result.problems.map((problem) => `${problem.field}: ${problem.message}`).join("; "),
      result.problems.map((problem) => ({ path: `body.${problem.field}`, message: problem.message })),
    );
  }
  return result.company;
}

/** Registers a company; its tax code must be valid and not yet registered in its country. */
export async function createCompany(
  deps: { db: Database; clock: () => Date },
  raw: RawCompany,
): Promise<string> {
  const company = await normaliseOrFail(deps.db, raw);
  const existing = await findCompaniesByKeys(deps.db, [company]);
  const duplicate = existing.get(`${company.countryCode}:${company.taxCode}`);
  if (duplicate) {
    throw new AppError(
      "conflict",
      `${company.countryCode} ${company.taxCode} is already registered as ${duplicate.name}.`,
      [{ path: "body.taxCode", message: "already registered" }],
    );
  }
  const [id] = await insertCompanies(deps.db, [company], deps.clock());
  return id as string;
}

/** Replaces a company's registry data (its country and tax code may change only to a free pair). */
export async function updateCompany(
  deps: { db: Database; clock: () => Date },
  companyId: string,
  raw: RawCompany,
): Promise<void> {
  const company = await normaliseOrFail(deps.db, raw);
  const existing = await findCompaniesByKeys(deps.db, [company]);
  const other = existing.get(`${company.countryCode}:${company.taxCode}`);
  if (other && other.id !== companyId) {
    throw new AppError("conflict", `${company.countryCode} ${company.taxCode} belongs to ${other.name}.`, [
      { path: "body.taxCode", message: "belongs to another company" },
    ]);
  }
  await updateCompanyRow(deps.db, companyId, company, deps.clock());
}
