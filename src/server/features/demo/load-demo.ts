import { createHash } from "node:crypto";
import { type DemoCompany, generateDemo } from "../../../domain/demo/generate-demo.ts";
import type { Database } from "../../db/client.ts";
import { loadDemoSeries } from "../district-series/load-demo-series.ts";
import { readReferenceFile } from "../territories/reference-files.ts";
import { grantRole } from "../users/change-grants.ts";
import { createUser } from "../users/invite-user.ts";
import {
  countCompaniesAll,
  type DemoCompanyRow,
  type DemoStatementRow,
  findDemoLoadedAt,
  findMunicipalitiesOfRegions,
  insertDemoRows,
  markDemoLoaded,
} from "./demo.repo.ts";
import { demoPassword, demoUsers } from "./demo-users.ts";

export const defaultDemoSeed = 2026;
const demoImporterVersion = "demo-generator-1";

/** A UUID derived from the seed and the generator's id, so the same seed gives the same rows. */
function deterministicUuid(seed: number, name: string): string {
  const hex = createHash("sha256").update(`sector-demo:${seed}:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The register row of a generated company (bench loaders reuse it with their own id and tax code). */
export function toDemoCompanyRow(
  company: DemoCompany,
  id: string,
  taxCode: string,
  at: Date,
): DemoCompanyRow {
  return {
    id,
    countryCode: company.countryCode,
    taxCode,
    name: company.name,
    legalForm: company.legalForm,
    atecoCode: company.atecoCode,
    address: company.address,
    municipalityCode: company.municipalityCode ?? null,
    nuts3Code: company.nuts3Code,
    districtCode: company.districtId,
    districtSource: company.municipalityCode ? "municipality" : "manual",
    headcount: company.headcountByYear.at(-1) ?? null,
    sizeClass: company.sizeClass,
    isDemo: true,
    createdAt: at,
    updatedAt: at,
  };
}

/** The current statement row of a generated company-year, with the caller's identity fields. */
export function toDemoStatementRow(
  company: DemoCompany,
  statement: DemoCompany["statements"][number],
  source: { id?: string; companyId: string; sourceContentHash: string; importerVersion: string; at: Date },
): DemoStatementRow {
  return {
    ...(source.id === undefined ? {} : { id: source.id }),
    companyId: source.companyId,
    periodStartOn: statement.periodStartOn,
    periodEndOn: statement.periodEndOn,
    format: statement.format,
    currency: statement.currency,
    legalForm: company.legalForm,
    items: statement.items,
    isOwnPeriod: true,
    isCurrent: true,
    sourceKind: "demo",
    sourceFileName: null,
    sourceContentHash: source.sourceContentHash,
    importerVersion: source.importerVersion,
    createdAt: source.at,
  };
}

function toRows(seed: number, generated: DemoCompany[], at: Date) {
  const companyRows: DemoCompanyRow[] = [];
  const statementRows: DemoStatementRow[] = [];
  for (const company of generated) {
    const id = deterministicUuid(seed, company.id);
    companyRows.push(toDemoCompanyRow(company, id, company.taxCode, at));
    for (const statement of company.statements) {
      statementRows.push(
        toDemoStatementRow(company, statement, {
          id: deterministicUuid(seed, `${company.id}:${statement.periodEndOn}`),
          companyId: id,
          sourceContentHash: createHash("sha256")
            .update(JSON.stringify([id, statement.periodEndOn, statement.items]))
            .digest("hex"),
          importerVersion: demoImporterVersion,
          at,
        }),
      );
    }
  }
  return { companyRows, statementRows };
}

export type DemoLoadResult =
  | { isLoaded: true; companies: number; statements: number; users: { role: string; email: string }[] }
  | { isLoaded: false; reason: "already_loaded" | "database_not_empty" };

/**
 * Loads the demo district: three districts with about 1,500 generated companies and five years of
 * statements (deterministic for a seed), and one user per role with territorial grants. Only on a
 * database without companies; the whole load is one transaction.
 */
export async function loadDemo(
  deps: { db: Database; clock: () => Date },
  options: { seed?: number; firstYear?: number; onProgress?: (step: string) => void } = {},
): Promise<DemoLoadResult> {
  if (await findDemoLoadedAt(deps.db)) return { isLoaded: false, reason: "already_loaded" };
  if ((await countCompaniesAll(deps.db)) > 0) return { isLoaded: false, reason: "database_not_empty" };
  const seed = options.seed ?? defaultDemoSeed;
  const now = deps.clock();
  const districts = readReferenceFile("districts.csv").map((row) => ({
    id: row.id ?? "",
    country: row.country ?? "",
    nuts3: row.nuts3 ?? "",
    mainIndustryNace: row.main_industry_nace ?? "",
    ...(row.main_town ? { mainTown: row.main_town } : {}),
  }));
  const municipalities = await findMunicipalitiesOfRegions(
    deps.db,
    districts.map((district) => district.nuts3),
  );
  options.onProgress?.("generating companies and statements");
  const { companies } = generateDemo({
    seed,
    firstYear: options.firstYear ?? 2020,
    years: 5,
    districts,
    municipalities,
  });
  const { companyRows, statementRows } = toRows(seed, companies, now);
  const pratoFirms = companies.filter((company) => company.districtId === "prato-tessile");
  const declining = pratoFirms.filter((company) => company.trajectory === "declining").slice(0, 3);
  const representedFirm =
    pratoFirms.find((company) => company.trajectory === "declining" && company.sizeClass === "small") ??
    pratoFirms[0];
  options.onProgress?.("writing companies and statements");
  await deps.db.transaction(async (tx) => {
    await insertDemoRows(tx, companyRows, statementRows);
    await markDemoLoaded(tx, now);
  });
  options.onProgress?.("importing the district series");
  await loadDemoSeries(deps, {
    seed,
    firstStatementYear: options.firstYear ?? 2020,
    statementYears: 5,
    districtIds: districts.map((district) => district.id),
  });
  options.onProgress?.("creating the demo users");
  const operator = { userId: null, email: "demo-loader" };
  const meta = { ipAddress: undefined, requestId: undefined };
  for (const user of demoUsers) {
    const userId = await createUser(deps, {
      email: user.email,
      displayName: user.displayName,
      password: demoPassword,
      locale: user.locale,
    });
    const linked =
      user.linkedTo === "declining-prato-firms"
        ? declining
        : user.linkedTo === "one-prato-firm" && representedFirm
          ? [representedFirm]
          : [];
    if (linked.length > 0) {
      const companyIds = linked.map((company) => deterministicUuid(seed, company.id));
      await grantRole(deps, operator, { userId, role: user.role, companyIds }, meta);
    }
    for (const territoryCode of user.territoryCodes) {
      await grantRole(deps, operator, { userId, role: user.role, territoryCode, companyIds: [] }, meta);
    }
  }
  return {
    isLoaded: true,
    companies: companyRows.length,
    statements: statementRows.length,
    users: demoUsers.map((user) => ({ role: user.role, email: user.email })),
  };
}
