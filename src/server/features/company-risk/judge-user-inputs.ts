import {
  type LegalSignalJudgement,
  ManagementSignalsValuesSchema,
  MarketDataValuesSchema,
  type RecoveryTestResult,
  RecoveryTestValuesSchema,
} from "../../../contracts/company-risk.ts";
import type { MarketDataValues, RiskRuleSets } from "../../../domain/early-warning/assess-company-risk.ts";
import { judgeLegalSignals } from "../../../domain/early-warning/legal-signals.ts";
import { computeRecoveryTest } from "../../../domain/early-warning/recovery-test.ts";
import { presentLegalSignals, presentRecoveryTest } from "./company-risk.presenter.ts";

/** The art. 3 / art. 25-novies signals of stored management data, by the rule in force on the period's end. */
export function judgeManagementSignals(
  values: unknown,
  periodEndOn: string,
  ruleSets: RiskRuleSets,
): LegalSignalJudgement | null {
  const parsed = ManagementSignalsValuesSchema.safeParse(values);
  if (!parsed.success) return null;
  return presentLegalSignals(judgeLegalSignals(parsed.data, periodEndOn, ruleSets.crisisCode));
}

/** The recovery-test band of stored items (D.M. 21-03-2023 cut-offs from the rule set). */
export function judgeRecoveryTest(values: unknown, ruleSets: RiskRuleSets): RecoveryTestResult | null {
  const parsed = RecoveryTestValuesSchema.safeParse(values);
  if (!parsed.success) return null;
  return presentRecoveryTest(computeRecoveryTest(parsed.data, ruleSets.crisisCode), ruleSets);
}

/** Stored market data as the risk assessment reads it; malformed rows are ignored. */
export function readMarketData(values: unknown): MarketDataValues | undefined {
  const parsed = MarketDataValuesSchema.safeParse(values);
  return parsed.success ? parsed.data : undefined;
}
