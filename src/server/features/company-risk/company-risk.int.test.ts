import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, fixedNow } from "../../../../test/app.ts";
import { createTestDatabase } from "../../../../test/db.ts";
import { buildCompany } from "../../../../test/factories/build-company.ts";
import { buildTerritory } from "../../../../test/factories/build-territory.ts";
import { buildUser, type SignedIn, signIn } from "../../../../test/factories/build-user.ts";
import {
  CompanyRiskSchema,
  SavedManagementSignalsSchema,
  SavedMarketDataSchema,
  SavedRecoveryTestSchema,
  ScoreFeedbackSchema,
  UserInputHistorySchema,
} from "../../../contracts/company-risk.ts";
import { ErrorResponseSchema } from "../../../contracts/errors.ts";
import { healthyItems } from "../../../domain/early-warning/scoring-test-statements.ts";
import { type DatabaseHandle, queryRows } from "../../db/client.ts";
import { financialStatements, sectors } from "../../db/schema.ts";
import { scoreCompanies } from "../scoring/score-companies.ts";

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await buildTerritory(database, { code: "IT", kind: "country" });
  await buildTerritory(database, { code: "ITI15", kind: "nuts3" });
  await buildTerritory(database, { code: "ITC47", kind: "nuts3" });
  // The factory's companies are textile finishing (ATECO 13.20.00): CNDCEC group 2.
  await database.db
    .insert(sectors)
    .values({
      code: "13.20.00",
      level: "subcategory",
      sectionCode: "C",
      titleIt: "Tessitura",
      titleEn: "Weaving of textiles",
      cndcecGroup: 2,
      cndcecStatus: "mapped",
    })
    .onConflictDoNothing();
});
afterAll(async () => {
  await database.close();
});

const euros = (amount: number) => Math.round(amount * 100);

async function buildOrdinaryStatement(companyId: string, year: number, items: Record<string, number>) {
  await database.db.insert(financialStatements).values({
    companyId,
    periodStartOn: `${year}-01-01`,
    periodEndOn: `${year}-12-31`,
    format: "ordinary",
    currency: "EUR",
    items,
    isOwnPeriod: true,
    isCurrent: true,
    sourceKind: "xbrl",
    sourceFileName: `bilancio-${year}.xbrl`,
    sourceContentHash: randomBytes(16).toString("hex"),
    importerVersion: "test",
    filedOn: `${year + 1}-05-30`,
  });
}

// 2024: a loss, equity down to 100,000 euros and 120,000 euros of tax debts.
const lossYear = {
  ...healthyItems,
  operatingResult: euros(-150_000),
  resultBeforeTaxes: euros(-200_000),
  netResult: euros(-300_000),
  resultOfTheYear: euros(-300_000),
  equity: euros(100_000),
  taxDebts: euros(120_000),
};

async function setUp() {
  // Each call a second later, so that saves have distinct times (the history is newest first).
  let now = fixedNow.getTime();
  const clock = () => {
    now += 1000;
    return new Date(now);
  };
  const app = createTestApp(database, { clock });
  const firm = await buildCompany(database, { nuts3Code: "ITI15", name: "Lanificio Risk Test S.p.A." });
  await buildOrdinaryStatement(firm.id, 2023, { ...healthyItems });
  await buildOrdinaryStatement(firm.id, 2024, lossYear);
  const otherFirm = await buildCompany(database, { nuts3Code: "ITI15" });
  const [analyst, outsider, representative, administrator] = await Promise.all([
    buildUser(database, [{ role: "analyst", territoryCode: "ITI15" }], { displayName: "Anna Analyst" }),
    buildUser(database, [{ role: "analyst", territoryCode: "ITC47" }]),
    buildUser(database, [{ role: "company_representative", companyIds: [otherFirm.id] }]),
    buildUser(database, [{ role: "administrator", territoryCode: "IT" }]),
  ]);
  const sessions = {
    analyst: await signIn(app, analyst?.email ?? ""),
    outsider: await signIn(app, outsider?.email ?? ""),
    representative: await signIn(app, representative?.email ?? ""),
    administrator: await signIn(app, administrator?.email ?? ""),
  };
  return { app, firm, sessions };
}

type App = Awaited<ReturnType<typeof setUp>>["app"];

const send = (app: App, session: SignedIn, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: session.headers(),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function auditActions(
  companyId: string,
): Promise<{ action: string; details: Record<string, unknown> }[]> {
  return queryRows(
    database.db,
    sql`select action, details from audit_events where company_id = ${companyId} order by id`,
  );
}

async function fieldsOf(response: Response) {
  return (ErrorResponseSchema.parse(await response.json()).error.fields ?? []).map((field) => field.path);
}

describe("GET /api/companies/{companyId}/risk", () => {
  it("gives every model per year with its rule-set thresholds, the breach matrix and what moved the score", async () => {
    const { app, firm, sessions } = await setUp();
    const response = await send(app, sessions.analyst, "GET", `/api/companies/${firm.id}/risk`);
    expect(response.status).toBe(200);
    const risk = CompanyRiskSchema.parse(await response.json());
    expect(risk.company.name).toBe("Lanificio Risk Test S.p.A.");
    expect(risk.statements.map((statement) => [statement.fiscalYear, statement.sourceFileName])).toEqual([
      [2023, "bilancio-2023.xbrl"],
      [2024, "bilancio-2024.xbrl"],
    ]);
    const [first, latest] = risk.years;
    expect(first?.alert.level).toBe("green");
    expect(latest?.alert).toMatchObject({
      previousLevel: "green",
      isDeteriorating: true,
      isFirstAlert: true,
    });
    const zDoublePrime = latest?.models.find((model) => model.model === "altman_z_double_prime");
    expect(zDoublePrime?.thresholds.map((threshold) => [threshold.name, threshold.value])).toEqual([
      ["distressBelow", 1.1],
      ["safeAbove", 2.6],
    ]);
    expect(zDoublePrime?.thresholds[0]?.source).toContain("Altman");
    expect(latest?.models.find((model) => model.model === "altman_z")?.missing).toContain(
      "marketValueOfEquity",
    );

    expect(risk.breachMatrix.sectorGroup).toBe(2);
    const i5 = risk.breachMatrix.indices.find((row) => row.index === "I5");
    expect(i5?.threshold).toMatchObject({ value: 4.9, tag: "S" });
    expect(i5?.cells.map((cell) => [cell.periodEndOn, cell.isBreached])).toEqual([
      ["2023-12-31", false],
      ["2024-12-31", true],
    ]);

    expect(risk.changes).toMatchObject({ fromPeriodEndOn: "2023-12-31", isPreviousFiscalYear: true });
    // Not scored yet: the level is the one scoring will store.
    expect(latest?.alert.isStored).toBe(false);
    expect(latest?.withInputs).toBeNull();
    for (const score of risk.changes?.scores ?? []) {
      expect(score.status, score.model).toBe("explained");
      const sum = score.terms.reduce((total, term) => total + (term.change ?? 0), 0);
      expect(sum).toBeCloseTo(score.scoreChange ?? Number.NaN, 10);
    }
    const i5Change = risk.changes?.indices.find((index) => index.index === "I5");
    expect(i5Change?.changePoints).toBeCloseTo(12, 10);
    expect(risk.ebitdaProxy?.status).toBe("computed");
    expect(risk.isFollowed).toBe(false);
    expect(risk.inputs).toEqual({ managementSignals: null, recoveryTest: null, marketData: null });
  });

  it("asks an analyst outside the scope for a reason, hides the company from a linked role, and audits an out-of-scope read", async () => {
    const { app, firm, sessions } = await setUp();
    const path = `/api/companies/${firm.id}`;
    const requests: [string, string, unknown?][] = [
      ["GET", `${path}/risk`],
      ["GET", `${path}/report.pdf`],
      ["GET", `${path}/inputs/market_data/history`],
      ["PUT", `${path}/inputs/market_data`, { periodEndOn: "2024-12-31", values: { dscr: 1.2 } }],
      ["POST", `${path}/feedback`, { periodEndOn: "2024-12-31", isUseful: true, reasonCode: "other" }],
    ];
    for (const [method, url, body] of requests) {
      const outside = await send(app, sessions.outsider, method, url, body);
      expect(outside.status, `${method} ${url}`).toBe(403);
      expect(ErrorResponseSchema.parse(await outside.json()).error.code).toBe("reason_required");
      // Saving inputs is for administrators and analysts (PUT under /companies is an editor's action).
      const expected = method === "PUT" ? 403 : 404;
      expect((await send(app, sessions.representative, method, url, body)).status, `${method} ${url}`).toBe(
        expected,
      );
    }
    expect(await auditActions(firm.id)).toEqual([]);

    const reason = "Supplier of a district firm in the crisis table";
    expect(
      (await send(app, sessions.outsider, "POST", `${path}/out-of-scope-access`, { reason })).status,
    ).toBe(201);
    expect((await send(app, sessions.outsider, "GET", `${path}/risk`)).status).toBe(200);
    const actions = await auditActions(firm.id);
    expect(actions.at(-1)).toMatchObject({ action: "confidential.read", details: { what: "risk" } });
  });
});

describe("PUT /api/companies/{companyId}/inputs/{kind}", () => {
  it("refuses bad management data naming the field, then judges and keeps every save", async () => {
    const { app, firm, sessions } = await setUp();
    const url = `/api/companies/${firm.id}/inputs/management_signals`;
    const bad = await send(app, sessions.analyst, "PUT", url, {
      periodEndOn: "2024-12-31",
      values: { wagesOverdueCents: -5, bogus: 1 },
    });
    expect(bad.status).toBe(400);
    const fields = await fieldsOf(bad);
    expect(fields).toContain("body.values.wagesOverdueCents");
    expect(fields).toContain("body.values");

    const values = { wagesOverdueCents: euros(60_000), monthlyPayrollCents: euros(100_000) };
    const saved = await send(app, sessions.analyst, "PUT", url, { periodEndOn: "2024-12-31", values });
    expect(saved.status).toBe(200);
    const body = SavedManagementSignalsSchema.parse(await saved.json());
    expect(body.result.rulesInForceFrom).toBe("2022-08-19");
    expect(body.result.firedSignals).toEqual(["wagesOverdue"]);
    const wages = body.result.signals.find((signal) => signal.signal === "wagesOverdue");
    expect(
      wages?.thresholds.find((threshold) => threshold.name === "wagesShareOfMonthlyPayroll"),
    ).toMatchObject({
      value: 0.5,
    });
    expect(wages?.thresholds[0]?.source).toContain("Art. 3 c.4 CCII");
    expect(body.input).toMatchObject({ kind: "management_signals", enteredByName: "Anna Analyst", values });

    const again = { ...values, wagesOverdueCents: euros(10_000) };
    expect(
      (await send(app, sessions.analyst, "PUT", url, { periodEndOn: "2024-12-31", values: again })).status,
    ).toBe(200);
    const history = UserInputHistorySchema.parse(
      await (await send(app, sessions.analyst, "GET", `${url}/history`)).json(),
    );
    expect(history.items.map((item) => item.values.wagesOverdueCents)).toEqual([
      euros(10_000),
      euros(60_000),
    ]);
    const risk = CompanyRiskSchema.parse(
      await (await send(app, sessions.analyst, "GET", `/api/companies/${firm.id}/risk`)).json(),
    );
    // The latest save is in force: wages below half the payroll, the other signals lack their inputs.
    expect(risk.legalSignals).toMatchObject({ zone: "incomplete", firedSignals: [] });
    const saves = (await auditActions(firm.id)).filter((event) => event.action === "company_inputs.saved");
    expect(saves.map((event) => event.details.kind)).toEqual(["management_signals", "management_signals"]);
  });

  it("bands the recovery test and says which items are missing", async () => {
    const { app, firm, sessions } = await setUp();
    const url = `/api/companies/${firm.id}/inputs/recovery_test`;
    const partial = SavedRecoveryTestSchema.parse(
      await (
        await send(app, sessions.analyst, "PUT", url, {
          periodEndOn: "2024-12-31",
          values: { overdueDebtCents: 100 },
        })
      ).json(),
    );
    expect(partial.result.status).toBe("not_computable");
    expect(partial.result.missing).toContain("normalisedEbitdaCents");
    const values = {
      overdueDebtCents: euros(300_000),
      rescheduledOrSuspendedDebtCents: 0,
      creditLinesNotRenewedCents: 0,
      loanInstalmentsDueWithinTwoYearsCents: 0,
      plannedInvestmentsCents: 0,
      nonStrategicAssetDisposalProceedsCents: 0,
      plannedNewEquityAndShareholderLoansCents: 0,
      availableCashCents: 0,
      workforceReorganisationFundingCents: 0,
      firstYearGrossOperatingMarginCents: 0,
      normalisedEbitdaCents: euros(200_000),
      maintenanceCapitalExpenditureCents: euros(50_000),
      incomeTaxesCents: 0,
    };
    // A = 300,000, B = 150,000: ratio 2, at the cut-off, so the lower band "still contained".
    const full = SavedRecoveryTestSchema.parse(
      await (await send(app, sessions.analyst, "PUT", url, { periodEndOn: "2024-12-31", values })).json(),
    );
    expect(full.result).toMatchObject({ status: "computed", band: "still_contained", ratio: 2 });
    expect(full.result.cutOffs.map((cutOff) => cutOff.value)).toEqual([1, 2, 5]);
  });

  it("recomputes Altman Z with a market value of equity and the screen with a DSCR", async () => {
    const { app, firm, sessions } = await setUp();
    const url = `/api/companies/${firm.id}/inputs/market_data`;
    const empty = await send(app, sessions.analyst, "PUT", url, { periodEndOn: "2024-12-31", values: {} });
    expect(empty.status).toBe(400);
    expect(await fieldsOf(empty)).toContain("body.values.dscr");
    const badDate = await send(app, sessions.analyst, "PUT", url, {
      periodEndOn: "31/12/2024",
      values: { dscr: 1 },
    });
    expect(await fieldsOf(badDate)).toContain("body.periodEndOn");

    const saved = SavedMarketDataSchema.parse(
      await (
        await send(app, sessions.analyst, "PUT", url, {
          periodEndOn: "2024-12-31",
          values: { marketValueOfEquityCents: euros(900_000), dscr: 0.8 },
        })
      ).json(),
    );
    expect(saved.result.statementFound).toBe(true);
    expect(saved.result.altmanZ?.status).toBe("computed");
    expect(saved.result.cndcecScreen?.zone).toBe("crisis_presumed");
    const risk = CompanyRiskSchema.parse(
      await (await send(app, sessions.analyst, "GET", `/api/companies/${firm.id}/risk`)).json(),
    );
    const latest = risk.years.at(-1);
    // The official models stay the filings' own; the recomputation is shown apart, "with your inputs".
    expect(latest?.models.find((model) => model.model === "altman_z")?.status).toBe("not_computable");
    expect(latest?.withInputs?.models.find((model) => model.model === "altman_z")?.status).toBe("computed");
    expect(latest?.withInputs).toMatchObject({ dscr: 0.8, marketValueOfEquityCents: euros(900_000) });
    expect(risk.years[0]?.withInputs).toBeNull();
  });

  it("shows the stored alert level as the official one; saving inputs shows their result apart and changes nothing stored", async () => {
    const { app, firm, sessions } = await setUp();
    await scoreCompanies({ db: database.db, clock: () => fixedNow }, [firm.id]);
    const storedRows = () =>
      queryRows<{ period_end_on: string; alert_level: string }>(
        database.db,
        sql`select period_end_on::text, alert_level from company_risk_years where company_id = ${firm.id} order by period_end_on`,
      );
    const stored = await storedRows();
    expect(stored.map((row) => row.alert_level)[0]).toBe("green");
    // A DSCR below 1 presumes a crisis in the healthy 2023: red, but only with the user's inputs.
    const saved = await send(app, sessions.analyst, "PUT", `/api/companies/${firm.id}/inputs/market_data`, {
      periodEndOn: "2023-12-31",
      values: { dscr: 0.8 },
    });
    expect(saved.status).toBe(200);
    const risk = CompanyRiskSchema.parse(
      await (await send(app, sessions.analyst, "GET", `/api/companies/${firm.id}/risk`)).json(),
    );
    const [first, latest] = risk.years;
    expect(first?.alert).toMatchObject({ level: "green", isStored: true });
    expect(first?.withInputs?.level).toBe("red");
    expect(first?.withInputs?.models.map((model) => model.model)).toEqual(["alert_level", "cndcec_screen"]);
    expect(latest?.alert).toMatchObject({
      level: stored[1]?.alert_level,
      previousLevel: "green",
      isStored: true,
    });
    expect(latest?.withInputs).toBeNull();
    expect(await storedRows()).toEqual(stored);

    // The page reads the projection lists and notifications use, not a recomputation.
    await database.db.execute(
      sql`update company_risk_years set alert_level = 'orange', is_first_alert = false where company_id = ${firm.id} and period_end_on = '2024-12-31'`,
    );
    const again = CompanyRiskSchema.parse(
      await (await send(app, sessions.analyst, "GET", `/api/companies/${firm.id}/risk`)).json(),
    );
    expect(again.years[1]?.alert).toMatchObject({ level: "orange", isFirstAlert: false, isStored: true });
  });
});

describe("POST /api/companies/{companyId}/feedback", () => {
  it("refuses an unknown reason code or a period without a statement, and records valid feedback with an audit row", async () => {
    const { app, firm, sessions } = await setUp();
    const url = `/api/companies/${firm.id}/feedback`;
    const badCode = await send(app, sessions.analyst, "POST", url, {
      periodEndOn: "2024-12-31",
      isUseful: true,
      reasonCode: "meh",
    });
    expect(await fieldsOf(badCode)).toContain("body.reasonCode");
    const noStatement = await send(app, sessions.analyst, "POST", url, {
      periodEndOn: "2019-12-31",
      isUseful: false,
      reasonCode: "data_error",
    });
    expect(noStatement.status).toBe(400);
    expect(await fieldsOf(noStatement)).toEqual(["body.periodEndOn"]);

    const created = await send(app, sessions.analyst, "POST", url, {
      periodEndOn: "2024-12-31",
      model: "altman_z_double_prime",
      isUseful: false,
      reasonCode: "false_alarm",
      comment: "Loss from a one-off write-down",
    });
    expect(created.status).toBe(201);
    const feedback = ScoreFeedbackSchema.parse(await created.json());
    const rows = await queryRows<{ reason_code: string; is_useful: boolean }>(
      database.db,
      sql`select reason_code, is_useful from score_feedback where id = ${feedback.id}`,
    );
    expect(rows).toEqual([{ reason_code: "false_alarm", is_useful: false }]);
    expect((await auditActions(firm.id)).map((event) => event.action)).toEqual(["score_feedback.given"]);
  });
});
