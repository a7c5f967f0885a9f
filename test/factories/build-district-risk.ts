import { randomBytes, randomInt } from "node:crypto";
import type { DatabaseHandle } from "../../src/server/db/client.ts";
import { companies, companyRiskYears, financialStatements, scores } from "../../src/server/db/schema.ts";

/** The versions the crafted rows are stored under (the risk projection's `crisis+distress`). */
export const testCrisisVersion = "crisis-code-2019.1";
export const testDistressVersion = "distress-models-2025.1";

export type CraftedCompanyYear = {
  districtCode: string;
  /** The company's country; "IT" unless given. */
  countryCode?: string;
  /** The company's NUTS 3 region; "ITI15" (Prato) unless given. */
  nuts3Code?: string | null;
  atecoCode?: string | null;
  fiscalYear: number;
  level: "red" | "orange" | "green" | "grey";
  employees?: number | null;
  revenueCents?: number | null;
  /** CNDCEC I1 in percent; absent → not computable. */
  i1Percent?: number;
  zDoublePrime?: number;
};

/**
 * Integration-test rows for the district aggregates: a company placed in the district, a current
 * statement, its risk-projection row and the stored CNDCEC screen and Z″ results it reads medians from.
 */
export async function insertCraftedCompanyYears(
  database: DatabaseHandle,
  rows: readonly CraftedCompanyYear[],
): Promise<void> {
  for (const row of rows) {
    const [company] = await database.db
      .insert(companies)
      .values({
        countryCode: row.countryCode ?? "IT",
        taxCode: String(randomInt(10_000_000_000, 99_999_999_999)),
        name: `Crafted ${randomBytes(3).toString("hex")} S.r.l.`,
        atecoCode: row.atecoCode === undefined ? "13.20.00" : row.atecoCode,
        nuts3Code: row.nuts3Code === undefined ? "ITI15" : row.nuts3Code,
        districtCode: row.districtCode,
      })
      .returning({ id: companies.id });
    const companyId = company?.id as string;
    const periodEndOn = `${row.fiscalYear}-12-31`;
    const [statement] = await database.db
      .insert(financialStatements)
      .values({
        companyId,
        periodStartOn: `${row.fiscalYear}-01-01`,
        periodEndOn,
        format: "abridged",
        items: {},
        isOwnPeriod: true,
        isCurrent: true,
        sourceKind: "manual",
        sourceContentHash: randomBytes(16).toString("hex"),
        importerVersion: "test",
      })
      .returning({ id: financialStatements.id });
    const statementId = statement?.id as string;
    const computedAt = new Date("2026-03-01T00:00:00.000Z");
    await database.db.insert(companyRiskYears).values({
      companyId,
      periodEndOn,
      fiscalYear: row.fiscalYear,
      statementId,
      ruleSetVersion: `${testCrisisVersion}+${testDistressVersion}`,
      alertLevel: row.level,
      isDeteriorating: false,
      isFirstAlert: false,
      isLatest: true,
      revenueCents: row.revenueCents === undefined ? 100_000_00 : row.revenueCents,
      employees: row.employees === undefined ? 10 : row.employees,
      computedAt,
    });
    await database.db.insert(scores).values([
      {
        companyId,
        statementId,
        periodEndOn,
        model: "cndcec_screen",
        ruleSetVersion: testCrisisVersion,
        status: "computed",
        value: 0,
        zone: "no_crisis_presumed",
        details: {
          indices:
            row.i1Percent === undefined
              ? { I1: { status: "not_computable" } }
              : { I1: { status: "computed", percent: row.i1Percent, ratio: row.i1Percent / 100 } },
        },
        computedAt,
      },
      {
        companyId,
        statementId,
        periodEndOn,
        model: "altman_z_double_prime",
        ruleSetVersion: testDistressVersion,
        status: row.zDoublePrime === undefined ? "not_computable" : "computed",
        value: row.zDoublePrime ?? null,
        zone: null,
        computedAt,
      },
    ]);
  }
}

/** `count` company-years alike. */
export function repeat(count: number, row: CraftedCompanyYear): CraftedCompanyYear[] {
  return Array.from({ length: count }, () => ({ ...row }));
}
