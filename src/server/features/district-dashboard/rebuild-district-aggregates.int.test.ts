import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { textileStatementItems } from "../../../../test/factories/textile-statement-items.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { insertCraftedCompanyYears, repeat } from "../../../../test/factories/build-district-risk.ts";
import { buildDistrict } from "../../../../test/factories/build-territory.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { companies, districtRiskAggregates } from "../../db/schema.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";
import {
  rebuildDistrictAggregates,
  rebuildDistrictAggregatesIfMissing,
} from "./rebuild-district-aggregates.ts";

let database: DatabaseHandle;
const clock = () => fixedNow;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function aggregateOf(districtCode: string, sectorCode: string, fiscalYear: number) {
  const rows = await database.db
    .select()
    .from(districtRiskAggregates)
    .where(
      and(
        eq(districtRiskAggregates.districtCode, districtCode),
        eq(districtRiskAggregates.sectorCode, sectorCode),
        eq(districtRiskAggregates.fiscalYear, fiscalYear),
      ),
    );
  return rows[0];
}

describe(rebuildDistrictAggregates, () => {
  it("does nothing at start while the risk projection is empty", async () => {
    expect(await rebuildDistrictAggregatesIfMissing({ db: database.db, clock })).toBe(false);
  });

  it("counts levels, shares in distress, sums and medians per district, sector and year", async () => {
    const district = await buildDistrict(database);
    await insertCraftedCompanyYears(database, [
      {
        districtCode: district.code,
        fiscalYear: 2024,
        level: "red",
        employees: 30,
        revenueCents: 600,
        i1Percent: 4,
        zDoublePrime: 0.5,
      },
      {
        districtCode: district.code,
        fiscalYear: 2024,
        level: "red",
        employees: 10,
        revenueCents: 200,
        i1Percent: 6,
        zDoublePrime: 0.7,
      },
      {
        districtCode: district.code,
        fiscalYear: 2024,
        level: "green",
        employees: 60,
        revenueCents: 200,
        i1Percent: 1,
        zDoublePrime: 3.1,
      },
      { districtCode: district.code, fiscalYear: 2024, level: "orange", employees: null, revenueCents: 1000 },
      { districtCode: district.code, fiscalYear: 2024, level: "grey", employees: 5, revenueCents: null },
      {
        districtCode: district.code,
        atecoCode: "25.62.00",
        fiscalYear: 2024,
        level: "green",
        employees: 4,
        revenueCents: 50,
      },
      {
        districtCode: district.code,
        atecoCode: null,
        fiscalYear: 2024,
        level: "red",
        employees: 1,
        revenueCents: 1,
      },
      ...repeat(2, { districtCode: district.code, fiscalYear: 2023, level: "green" }),
    ]);
    const result = await rebuildDistrictAggregates({ db: database.db, clock });
    expect(result.fiscalYears).toEqual([2023, 2024]);

    const textiles = await aggregateOf(district.code, "13", 2024);
    expect(textiles).toMatchObject({
      companyCount: 5,
      redCount: 2,
      orangeCount: 1,
      greenCount: 1,
      greyCount: 1,
      revenueCents: 2000,
      employees: 105,
      ruleSetVersion: "crisis-code-2019.1+distress-models-2025.1",
    });
    expect(textiles?.distressShareByCount).toBeCloseTo(2 / 4);
    // Employees: red 40 of 100 assessable with a headcount (the orange company has none; grey is out).
    expect(textiles?.distressShareByEmployees).toBeCloseTo(40 / 100);
    expect(textiles?.distressShareByRevenue).toBeCloseTo(800 / 2000);
    expect(textiles?.medians).toMatchObject({
      I1: { median: 4, companyCount: 3 },
      altman_z_double_prime: { median: 0.7, companyCount: 3 },
      I2: { median: null, companyCount: 0 },
    });
    expect(await aggregateOf(district.code, "25", 2024)).toMatchObject({ companyCount: 1, greenCount: 1 });
    expect(await aggregateOf(district.code, "none", 2024)).toMatchObject({ companyCount: 1, redCount: 1 });
    expect(await aggregateOf(district.code, "*", 2024)).toMatchObject({ companyCount: 7, redCount: 3 });
    expect(await aggregateOf(district.code, "*", 2023)).toMatchObject({ companyCount: 2, greenCount: 2 });
    expect((await aggregateOf("*", "*", 2024))?.companyCount).toBeGreaterThanOrEqual(7);
  });

  it("replaces every aggregate, so a company moved out of a district leaves its figures", async () => {
    const district = await buildDistrict(database);
    await insertCraftedCompanyYears(
      database,
      repeat(3, { districtCode: district.code, fiscalYear: 2022, level: "red" }),
    );
    await rebuildDistrictAggregates({ db: database.db, clock });
    expect((await aggregateOf(district.code, "*", 2022))?.companyCount).toBe(3);
    await database.db
      .update(companies)
      .set({ districtCode: null })
      .where(eq(companies.districtCode, district.code));
    await rebuildDistrictAggregates({ db: database.db, clock });
    expect(await aggregateOf(district.code, "*", 2022)).toBeUndefined();
  });

  it("reads the index values that scoring stored, through the real scoring and risk projection", async () => {
    const district = await buildDistrict(database);
    const company = await buildCompany(database, { districtCode: district.code });
    await buildStatement(database, company.id, 2021, textileStatementItems("healthy"));
    await buildStatement(database, company.id, 2022, textileStatementItems("failing"));
    await scoreCompanies({ db: database.db, clock }, [company.id]);
    await rebuildDistrictAggregates({ db: database.db, clock });
    const healthy = await aggregateOf(district.code, "13", 2021);
    const failing = await aggregateOf(district.code, "13", 2022);
    expect(healthy).toMatchObject({ companyCount: 1, greenCount: 1 });
    expect(failing).toMatchObject({ companyCount: 1, redCount: 1 });
    const medians = healthy?.medians as Record<string, { median: number | null; companyCount: number }>;
    expect(medians.I1?.companyCount).toBe(1);
    expect(medians.I1?.median).toBeTypeOf("number");
    expect(medians.altman_z_double_prime?.companyCount).toBe(1);
  });
});
