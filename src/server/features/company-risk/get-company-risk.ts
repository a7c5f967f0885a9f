import type { BreachMatrix, CompanyRisk } from "../../../contracts/company-risk.ts";
import {
  assessCompanyRisk,
  type MarketDataValues,
  type RiskRuleSets,
} from "../../../domain/early-warning/assess-company-risk.ts";
import { findModelThresholds } from "../../../domain/early-warning/model-thresholds.ts";
import { computeEbitdaProxy } from "../../../domain/early-warning/recovery-test.ts";
import type { CndcecGroupMapping } from "../../../domain/sectors/map-cndcec-group.ts";
import type { Database } from "../../db/client.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { presentCompanyIdentity } from "../companies/companies.presenter.ts";
import { activeRuleSets } from "../scoring/score-companies.ts";
import {
  presentBreachMatrix,
  presentChanges,
  presentSavedInput,
  presentYear,
} from "./company-risk.presenter.ts";
import {
  findRiskStatements,
  findSectorMapping,
  findStoredRiskLevels,
  findUserInputs,
  isFollowingCompany,
  type RiskStatementRow,
} from "./company-risk.repo.ts";
import { judgeManagementSignals, judgeRecoveryTest, readMarketData } from "./judge-user-inputs.ts";

export type RiskDeps = { db: Database; clock: () => Date };

/** The rule sets the page and the report are computed with: the ones scoring uses. */
export const riskRuleSets: RiskRuleSets = activeRuleSets;

/** The company's CNDCEC sector group, as scoring maps it, and the benchmark status shown in the matrix. */
export async function findSectorGroup(
  db: Database,
  atecoCode: string | null,
): Promise<{ mapping: CndcecGroupMapping | undefined; benchmark: BreachMatrix["benchmark"] }> {
  if (!atecoCode) return { mapping: undefined, benchmark: "no_sector" };
  const sector = await findSectorMapping(db, atecoCode);
  if (sector?.cndcecStatus === "mapped" && sector.cndcecGroup !== null) {
    return { mapping: { status: "mapped", group: sector.cndcecGroup }, benchmark: "mapped" };
  }
  if (sector?.cndcecStatus === "no_benchmark") {
    return { mapping: { status: "no_benchmark" }, benchmark: "no_benchmark" };
  }
  return {
    mapping: { status: "not_mapped", reason: `ATECO ${atecoCode} has no CNDCEC group` },
    benchmark: "not_mapped",
  };
}

// Market data apply to their period: the latest save for each period end (rows come newest first).
function latestMarketDataByPeriod(rows: { periodEndOn: string; values: unknown }[]) {
  const byPeriod: Record<string, MarketDataValues> = {};
  for (const row of rows) {
    if (byPeriod[row.periodEndOn]) continue;
    const values = readMarketData(row.values);
    if (values) byPeriod[row.periodEndOn] = values;
  }
  return byPeriod;
}

const toStatementInput = (row: RiskStatementRow) => ({
  statementId: row.id,
  format: row.format,
  legalForm: row.legalForm,
  periodStartOn: row.periodStartOn,
  periodEndOn: row.periodEndOn,
  items: row.items,
});

/**
 * Everything the company risk page and report show, through the confidentiality gate (an out-of-scope
 * read is audited with `what`): statements, the official (stored) alert level and every model per year,
 * apart from them the results with the period's user inputs, the CNDCEC breach matrix, what moved the
 * scores since the previous year on record, the latest user inputs judged.
 */
export async function getCompanyRisk(
  deps: RiskDeps,
  principal: Principal,
  companyId: string,
  meta: RequestMeta & { what?: string },
): Promise<CompanyRisk> {
  const authorised = await authoriseCompanyAccess(deps, principal, companyId, "confidential", {
    ...meta,
    what: meta.what ?? "risk",
  });
  const { company } = authorised;
  const [statements, storedLevels, sector, marketRows, signalRows, recoveryRows, isFollowed] =
    await Promise.all([
      findRiskStatements(deps.db, companyId),
      findStoredRiskLevels(deps.db, companyId),
      findSectorGroup(deps.db, company.atecoCode),
      findUserInputs(deps.db, companyId, "market_data"),
      findUserInputs(deps.db, companyId, "management_signals", 1),
      findUserInputs(deps.db, companyId, "recovery_test", 1),
      isFollowingCompany(deps.db, principal.userId, companyId),
    ]);
  const assessmentInput = {
    statements: statements.map(toStatementInput),
    atecoCode: company.atecoCode ?? undefined,
    sectorGroup: sector.mapping,
  };
  // The official results are the filings' alone, as scoring stores them; the user inputs' DSCR and market
  // value of equity give a second, separate reading ("with your inputs") that never replaces the official one.
  const years = assessCompanyRisk({ ...assessmentInput, marketDataByPeriod: {} }, riskRuleSets);
  const marketDataByPeriod = latestMarketDataByPeriod(marketRows);
  const yearsWithInputs =
    Object.keys(marketDataByPeriod).length === 0
      ? []
      : assessCompanyRisk({ ...assessmentInput, marketDataByPeriod }, riskRuleSets);
  const storedByPeriod = new Map(storedLevels.map((stored) => [stored.periodEndOn, stored]));
  const latestStatement = statements.at(-1);
  const ebitda = latestStatement
    ? computeEbitdaProxy(toStatementInput(latestStatement), riskRuleSets.crisisCode)
    : undefined;
  const latestYearChanges = years.at(-1)?.changes;
  const signals = signalRows[0];
  const recovery = recoveryRows[0];
  return {
    company: presentCompanyIdentity(authorised),
    ruleSets: { crisisCode: riskRuleSets.crisisCode.version, distress: riskRuleSets.distress.version },
    isFollowed,
    statements: statements.map((row) => ({
      id: row.id,
      periodStartOn: row.periodStartOn,
      periodEndOn: row.periodEndOn,
      fiscalYear: Number(row.periodEndOn.slice(0, 4)),
      format: row.format,
      currency: row.currency,
      items: row.items,
      sourceKind: row.sourceKind,
      sourceFileName: row.sourceFileName,
      filedOn: row.filedOn,
    })),
    years: years.map((year, index) =>
      presentYear(year, storedByPeriod.get(year.periodEndOn), yearsWithInputs[index], riskRuleSets),
    ),
    breachMatrix: presentBreachMatrix(
      years,
      {
        group: sector.mapping?.status === "mapped" ? sector.mapping.group : undefined,
        benchmark: sector.benchmark,
      },
      riskRuleSets,
    ),
    changes: latestYearChanges ? presentChanges(latestYearChanges) : null,
    ebitdaProxy:
      latestStatement && ebitda
        ? {
            periodEndOn: latestStatement.periodEndOn,
            status: ebitda.status,
            valueCents: ebitda.status === "computed" ? ebitda.value : null,
            missing: ebitda.status === "computed" ? [] : ebitda.missing,
          }
        : null,
    recoveryTestCutOffs: findModelThresholds("recovery_test", riskRuleSets),
    inputs: {
      managementSignals: signals ? presentSavedInput(signals) : null,
      recoveryTest: recovery ? presentSavedInput(recovery) : null,
      marketData: marketRows[0] ? presentSavedInput(marketRows[0]) : null,
    },
    legalSignals: signals ? judgeManagementSignals(signals.values, signals.periodEndOn, riskRuleSets) : null,
    recoveryTest: recovery ? judgeRecoveryTest(recovery.values, riskRuleSets) : null,
  };
}
