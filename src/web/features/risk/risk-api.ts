import { z } from "zod";
import {
  CompanyRiskSchema,
  type ManagementSignalsValues,
  type MarketDataValues,
  type RecoveryTestValues,
  SavedManagementSignalsSchema,
  SavedMarketDataSchema,
  SavedRecoveryTestSchema,
  type ScoreFeedbackInput,
  ScoreFeedbackSchema,
  UserInputHistorySchema,
  type UserInputKind,
} from "../../../contracts/company-risk.ts";
import { apiRequest } from "../../api-client.ts";

const base = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

export const getCompanyRisk = (companyId: string) => apiRequest(`${base(companyId)}/risk`, CompanyRiskSchema);

export const saveManagementSignals = (
  companyId: string,
  periodEndOn: string,
  values: ManagementSignalsValues,
) =>
  apiRequest(`${base(companyId)}/inputs/management_signals`, SavedManagementSignalsSchema, {
    method: "PUT",
    body: { periodEndOn, values },
  });

export const saveRecoveryTest = (companyId: string, periodEndOn: string, values: RecoveryTestValues) =>
  apiRequest(`${base(companyId)}/inputs/recovery_test`, SavedRecoveryTestSchema, {
    method: "PUT",
    body: { periodEndOn, values },
  });

export const saveMarketData = (companyId: string, periodEndOn: string, values: MarketDataValues) =>
  apiRequest(`${base(companyId)}/inputs/market_data`, SavedMarketDataSchema, {
    method: "PUT",
    body: { periodEndOn, values },
  });

export const getInputHistory = (companyId: string, kind: UserInputKind) =>
  apiRequest(`${base(companyId)}/inputs/${kind}/history`, UserInputHistorySchema);

export const giveFeedback = (companyId: string, feedback: ScoreFeedbackInput) =>
  apiRequest(`${base(companyId)}/feedback`, ScoreFeedbackSchema, { method: "POST", body: feedback });

// The follows API belongs to the detection area; only its status matters here.
export const setFollowing = (companyId: string, isFollowing: boolean) =>
  apiRequest(`/api/me/follows/companies/${encodeURIComponent(companyId)}`, z.unknown(), {
    method: isFollowing ? "PUT" : "DELETE",
  });

export const reportUrl = (companyId: string, language: "it" | "en") =>
  `${base(companyId)}/report.pdf?lang=${language}`;
