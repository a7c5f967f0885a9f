import type {
  LegalSignalJudgement,
  ManagementSignalsValues,
  MarketDataValues,
  RecoveryTestResult,
  RecoveryTestValues,
  RiskModelResult,
  SavedUserInput,
} from "../../../contracts/company-risk.ts";
import { assessCompanyRisk } from "../../../domain/early-warning/assess-company-risk.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { presentModel, presentSavedInput } from "./company-risk.presenter.ts";
import { findRiskStatements, findUserInputs, insertUserInput } from "./company-risk.repo.ts";
import { findSectorGroup, type RiskDeps, riskRuleSets } from "./get-company-risk.ts";
import { judgeManagementSignals, judgeRecoveryTest } from "./judge-user-inputs.ts";

type SavedInputs = {
  management_signals: { values: ManagementSignalsValues; result: LegalSignalJudgement };
  recovery_test: { values: RecoveryTestValues; result: RecoveryTestResult };
  market_data: {
    values: MarketDataValues;
    result: {
      statementFound: boolean;
      altmanZ: RiskModelResult | null;
      cndcecScreen: RiskModelResult | null;
    };
  };
};

// Altman Z and the CNDCEC screen of the period, recomputed with the market data just saved.
async function judgeMarketData(
  deps: RiskDeps,
  company: { id: string; atecoCode: string | null },
  periodEndOn: string,
  values: MarketDataValues,
) {
  const statements = await findRiskStatements(deps.db, company.id);
  if (!statements.some((statement) => statement.periodEndOn === periodEndOn)) {
    return { statementFound: false, altmanZ: null, cndcecScreen: null };
  }
  const years = assessCompanyRisk(
    {
      statements: statements.map((row) => ({ ...row, statementId: row.id })),
      atecoCode: company.atecoCode ?? undefined,
      sectorGroup: (await findSectorGroup(deps.db, company.atecoCode)).mapping,
      marketDataByPeriod: { [periodEndOn]: values },
    },
    riskRuleSets,
  );
  const year = years.find((candidate) => candidate.periodEndOn === periodEndOn);
  const find = (model: string) => year?.results.find((result) => result.model === model);
  const altmanZ = find("altman_z");
  const screen = find("cndcec_screen");
  return {
    statementFound: true,
    altmanZ: altmanZ ? presentModel(altmanZ, riskRuleSets) : null,
    cndcecScreen: screen ? presentModel(screen, riskRuleSets) : null,
  };
}

/**
 * Stores one save of a kind of user input for a company period (every save a new row, the latest in force),
 * audited, and returns it with its judged result: the legal signals by the rule in force, the recovery-test
 * band, or Altman Z and the screen recomputed with the market data.
 */
export async function saveUserInput<Kind extends keyof SavedInputs>(
  deps: RiskDeps,
  principal: Principal,
  companyId: string,
  kind: Kind,
  body: { periodEndOn: string; values: SavedInputs[Kind]["values"] },
  meta: RequestMeta,
): Promise<{ input: SavedUserInput; result: SavedInputs[Kind]["result"] }> {
  const { company } = await authoriseCompanyAccess(deps, principal, companyId, "confidential", {
    ...meta,
    what: `inputs.${kind}`,
  });
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    const inputId = await insertUserInput(tx, {
      companyId,
      kind,
      periodEndOn: body.periodEndOn,
      values: body.values,
      enteredByUserId: principal.userId,
      enteredAt: now,
    });
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "company_inputs.saved",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      companyId,
      details: { kind, periodEndOn: body.periodEndOn, inputId },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
  });
  const [saved] = await findUserInputs(deps.db, companyId, kind, 1);
  if (!saved) throw new Error("The saved input was not found after saving it.");
  let result: SavedInputs[keyof SavedInputs]["result"] | null;
  if (kind === "management_signals")
    result = judgeManagementSignals(body.values, body.periodEndOn, riskRuleSets);
  else if (kind === "recovery_test") result = judgeRecoveryTest(body.values, riskRuleSets);
  else result = await judgeMarketData(deps, company, body.periodEndOn, body.values as MarketDataValues);
  if (!result) throw new Error(`The ${kind} values passed validation but could not be judged.`);
  return { input: presentSavedInput(saved), result: result as SavedInputs[Kind]["result"] };
}
