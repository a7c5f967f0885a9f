import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { textileStatementItems } from "../../../../test/factories/textile-statement-items.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { companies, companyRiskYears, financialStatements } from "../../db/schema.ts";
import { scoreCompanies, scoreUnscoredCompanies } from "../scoring/score-companies.ts";
import { backfillCompanyRisk } from "./backfill-company-risk.ts";
import { refreshCompanyRisk } from "./refresh-company-risk.ts";

let database: DatabaseHandle;
const clock = () => fixedNow;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

type Health = "healthy" | "strained" | "failing";

async function buildCompanyWithYears(years: [number, Health][]) {
  const company = await buildCompany(database);
  for (const [year, health] of years) {
    await buildStatement(database, company.id, year, textileStatementItems(health));
  }
  return company;
}

function riskRows(companyIds: string[]) {
  return database.db
    .select()
    .from(companyRiskYears)
    .where(inArray(companyRiskYears.companyId, companyIds))
    .orderBy(asc(companyRiskYears.companyId), asc(companyRiskYears.periodEndOn));
}

describe(refreshCompanyRisk, () => {
  it("projects each year's level with the previous year, deteriorating, first alert and the latest year", async () => {
    const company = await buildCompanyWithYears([
      [2022, "healthy"],
      [2023, "strained"],
      [2024, "failing"],
    ]);
    const result = await scoreCompanies({ db: database.db, clock }, [company.id]);
    const rows = await riskRows([company.id]);
    expect(
      rows.map((row) => [
        row.fiscalYear,
        row.alertLevel,
        row.previousAlertLevel,
        row.isDeteriorating,
        row.isFirstAlert,
        row.isLatest,
      ]),
    ).toEqual([
      [2022, "green", null, false, false, false],
      [2023, "orange", "green", true, true, false],
      [2024, "red", "orange", true, false, true],
    ]);
    const latest = rows[2];
    expect(latest?.distressModels).toEqual(["altman_z_double_prime", "zmijewski", "springate"]);
    expect(latest?.cndcecOutcome).toBe("crisis_presumed");
    expect(latest?.revenueCents).toBe(textileStatementItems("failing").revenue);
    expect(latest?.ruleSetVersion).toContain("+");
    expect(result.changes.map((change) => [change.fiscalYear, change.previousLevel, change.level])).toEqual([
      [2022, null, "green"],
      [2023, "green", "orange"],
      [2024, "orange", "red"],
    ]);
  });

  it("returns the changes once: re-running on unchanged scores changes nothing", async () => {
    const company = await buildCompanyWithYears([
      [2023, "healthy"],
      [2024, "strained"],
    ]);
    const first = await scoreCompanies({ db: database.db, clock }, [company.id]);
    expect(first.changes).toHaveLength(2);
    const before = await riskRows([company.id]);
    const second = await scoreCompanies({ db: database.db, clock }, [company.id]);
    expect(second.changes).toEqual([]);
    expect(await refreshCompanyRisk({ db: database.db, clock }, [company.id])).toEqual([]);
    expect(await riskRows([company.id])).toEqual(before);
  });

  it("reports a moved level with the level stored before, and moves the latest year to a new statement", async () => {
    const company = await buildCompanyWithYears([
      [2023, "healthy"],
      [2024, "healthy"],
    ]);
    await scoreCompanies({ db: database.db, clock }, [company.id]);
    // A corrected 2024 statement replaces the current one.
    await database.db
      .update(financialStatements)
      .set({ isCurrent: false })
      .where(
        and(eq(financialStatements.companyId, company.id), eq(financialStatements.periodEndOn, "2024-12-31")),
      );
    await buildStatement(database, company.id, 2024, textileStatementItems("failing"));
    await buildStatement(database, company.id, 2025, textileStatementItems("failing"));
    const result = await scoreCompanies({ db: database.db, clock }, [company.id]);
    expect(
      result.changes.map((change) => [
        change.fiscalYear,
        change.previousLevel,
        change.level,
        change.isLatest,
      ]),
    ).toEqual([
      [2024, "green", "red", false],
      [2025, "red", "red", true],
    ]);
    const rows = await riskRows([company.id]);
    expect(rows.map((row) => [row.fiscalYear, row.isLatest, row.isFirstAlert])).toEqual([
      [2023, false, false],
      [2024, false, true],
      [2025, true, false],
    ]);
  });

  it("deletes the years that no longer have a current statement", async () => {
    const company = await buildCompanyWithYears([
      [2023, "healthy"],
      [2024, "strained"],
    ]);
    await scoreCompanies({ db: database.db, clock }, [company.id]);
    await database.db
      .update(financialStatements)
      .set({ isCurrent: false })
      .where(
        and(eq(financialStatements.companyId, company.id), eq(financialStatements.periodEndOn, "2024-12-31")),
      );
    await refreshCompanyRisk({ db: database.db, clock }, [company.id]);
    const rows = await riskRows([company.id]);
    expect(rows.map((row) => [row.fiscalYear, row.isLatest])).toEqual([[2023, true]]);
  });

  it("uses the statement's average headcount, else the company's", async () => {
    const company = await buildCompanyWithYears([[2024, "healthy"]]);
    const withHeadcount = await buildCompany(database);
    await buildStatement(database, withHeadcount.id, 2024, {
      ...textileStatementItems("healthy"),
      averageEmployees: 37,
    });
    await scoreCompanies({ db: database.db, clock }, [company.id, withHeadcount.id]);
    const rows = await riskRows([company.id, withHeadcount.id]);
    const byCompany = new Map(rows.map((row) => [row.companyId, row.employees]));
    expect(byCompany.get(withHeadcount.id)).toBe(37);
    expect(byCompany.has(company.id)).toBe(true);
  });

  it("uses the company's current headcount only for its latest year when statements give none", async () => {
    const company = await buildCompany(database);
    await database.db.update(companies).set({ headcount: 120 }).where(eq(companies.id, company.id));
    const { averageEmployees: _omitted, ...withoutHeadcount } = textileStatementItems("healthy");
    for (const year of [2022, 2023, 2024]) await buildStatement(database, company.id, year, withoutHeadcount);
    await scoreCompanies({ db: database.db, clock }, [company.id]);
    const rows = await riskRows([company.id]);
    expect(rows.map((row) => [row.fiscalYear, row.employees])).toEqual([
      [2022, null],
      [2023, null],
      [2024, 120],
    ]);
  });
});

describe(backfillCompanyRisk, () => {
  it("projects a database scored before the projection existed, once, without reporting changes", async () => {
    const company = await buildCompanyWithYears([[2024, "strained"]]);
    await scoreCompanies({ db: database.db, clock }, [company.id]);
    // Empty the projection, as in a database from before it existed.
    await database.db.delete(companyRiskYears);
    expect(await backfillCompanyRisk({ db: database.db, clock })).toBeGreaterThan(0);
    expect((await riskRows([company.id])).map((row) => row.alertLevel)).toEqual(["orange"]);
    expect(await backfillCompanyRisk({ db: database.db, clock })).toBe(0);
    const unscored = await scoreUnscoredCompanies({ db: database.db, clock });
    expect(unscored.changes).toEqual([]);
  });
});
