import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany, buildStatement } from "../../../../test/factories/build-company.ts";
import { insertCraftedCompanyYears, repeat } from "../../../../test/factories/build-district-risk.ts";
import { buildDistrict } from "../../../../test/factories/build-territory.ts";
import { textileStatementItems } from "../../../../test/factories/textile-statement-items.ts";
import type { DatabaseHandle } from "../../db/client.ts";
import { companies, companyRiskYears, districtRiskAggregates } from "../../db/schema.ts";
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
    // The companies behind the weighted shares are kept beside the medians, for disclosure control.
    expect(textiles?.medians).toMatchObject({
      distressShareCompanyCounts: {
        byEmployees: { inDistress: 2, notInDistress: 1 },
        byRevenue: { inDistress: 2, notInDistress: 2 },
      },
    });
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

  it("replaces only the fiscal years asked for, every district's and the all-districts rows of each", async () => {
    const district = await buildDistrict(database);
    await insertCraftedCompanyYears(database, [
      ...repeat(2, { districtCode: district.code, fiscalYear: 2015, level: "green" }),
      ...repeat(2, { districtCode: district.code, fiscalYear: 2016, level: "green" }),
    ]);
    await rebuildDistrictAggregates({ db: database.db, clock });
    const allOf2016 = (await aggregateOf("*", "*", 2016))?.companyCount ?? 0;
    await database.db
      .update(companyRiskYears)
      .set({ alertLevel: "red" })
      .where(
        inArray(
          companyRiskYears.companyId,
          database.db
            .select({ id: companies.id })
            .from(companies)
            .where(eq(companies.districtCode, district.code)),
        ),
      );
    const later = () => new Date(fixedNow.getTime() + 60_000);
    const result = await rebuildDistrictAggregates(
      { db: database.db, clock: later },
      { fiscalYears: [2016] },
    );
    expect(result.fiscalYears).toEqual([2016]);
    expect(await aggregateOf(district.code, "*", 2016)).toMatchObject({ redCount: 2, greenCount: 0 });
    expect(await aggregateOf("*", "*", 2016)).toMatchObject({ companyCount: allOf2016, redCount: 2 });
    // 2015 is left as it was, computed before.
    const untouched = await aggregateOf(district.code, "*", 2015);
    expect(untouched).toMatchObject({ redCount: 0, greenCount: 2 });
    expect(untouched?.computedAt).toEqual(fixedNow);
    expect(await rebuildDistrictAggregates({ db: database.db, clock }, { fiscalYears: [] })).toEqual({
      aggregates: 0,
      fiscalYears: [],
    });
  });

  it("lets concurrent rebuilds wait for each other, leaving one row per cell", async () => {
    const district = await buildDistrict(database);
    await insertCraftedCompanyYears(
      database,
      repeat(3, { districtCode: district.code, fiscalYear: 2014, level: "orange" }),
    );
    await Promise.all([
      rebuildDistrictAggregates({ db: database.db, clock }),
      rebuildDistrictAggregates({ db: database.db, clock }, { fiscalYears: [2014] }),
      rebuildDistrictAggregates({ db: database.db, clock }),
    ]);
    const rows = await database.db
      .select()
      .from(districtRiskAggregates)
      .where(
        and(
          eq(districtRiskAggregates.districtCode, district.code),
          eq(districtRiskAggregates.fiscalYear, 2014),
        ),
      );
    expect(rows.map((row) => [row.sectorCode, row.orangeCount])).toEqual(
      expect.arrayContaining([
        ["*", 3],
        ["13", 3],
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it("after scoring, rebuilds the scored companies' fiscal years only", async () => {
    const district = await buildDistrict(database);
    await insertCraftedCompanyYears(
      database,
      repeat(2, { districtCode: district.code, fiscalYear: 2013, level: "green" }),
    );
    await rebuildDistrictAggregates({ db: database.db, clock });
    // A change of 2013 that no scoring run touches stays out of the aggregates until 2013 is rebuilt.
    await database.db
      .update(companyRiskYears)
      .set({ alertLevel: "red" })
      .where(
        and(
          eq(companyRiskYears.fiscalYear, 2013),
          inArray(
            companyRiskYears.companyId,
            database.db
              .select({ id: companies.id })
              .from(companies)
              .where(eq(companies.districtCode, district.code)),
          ),
        ),
      );
    const company = await buildCompany(database, { districtCode: district.code });
    await buildStatement(database, company.id, 2011, textileStatementItems("healthy"));
    await buildStatement(database, company.id, 2012, textileStatementItems("failing"));
    await scoreCompanies({ db: database.db, clock }, [company.id]);
    expect(await aggregateOf(district.code, "13", 2011)).toMatchObject({ companyCount: 1, greenCount: 1 });
    expect(await aggregateOf(district.code, "13", 2012)).toMatchObject({ companyCount: 1, redCount: 1 });
    expect(await aggregateOf(district.code, "*", 2013)).toMatchObject({ greenCount: 2, redCount: 0 });
  });

  it("rebuilds at start aggregates built before the companies behind the weighted shares were kept", async () => {
    const district = await buildDistrict(database);
    await insertCraftedCompanyYears(
      database,
      repeat(2, { districtCode: district.code, fiscalYear: 2012, level: "red" }),
    );
    await rebuildDistrictAggregates({ db: database.db, clock });
    expect(await rebuildDistrictAggregatesIfMissing({ db: database.db, clock })).toBe(false);
    await database.db
      .update(districtRiskAggregates)
      .set({ medians: {} })
      .where(eq(districtRiskAggregates.districtCode, district.code));
    expect(await rebuildDistrictAggregatesIfMissing({ db: database.db, clock })).toBe(true);
    expect((await aggregateOf(district.code, "*", 2012))?.medians).toMatchObject({
      distressShareCompanyCounts: { byEmployees: { inDistress: 2, notInDistress: 0 } },
    });
  });
});
