import type { ScoreFeedback, ScoreFeedbackInput } from "../../../contracts/company-risk.ts";
import { AppError } from "../../http/errors.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import { authoriseCompanyAccess } from "../companies/authorise-company-access.ts";
import { findRiskStatements, insertScoreFeedback } from "./company-risk.repo.ts";
import type { RiskDeps } from "./get-company-risk.ts";

/** Records "useful / not useful" on a company-year's result with a reason code; audited. */
export async function giveScoreFeedback(
  deps: RiskDeps,
  principal: Principal,
  companyId: string,
  input: ScoreFeedbackInput,
  meta: RequestMeta,
): Promise<ScoreFeedback> {
  await authoriseCompanyAccess(deps, principal, companyId, "confidential", { ...meta, what: "feedback" });
  const statements = await findRiskStatements(deps.db, companyId);
  if (!statements.some((statement) => statement.periodEndOn === input.periodEndOn)) {
    throw new AppError("validation_failed", "The company has no statement for this period.", [
      { path: "body.periodEndOn", message: "No statement of the company ends on this date." },
    ]);
  }
  const now = deps.clock();
  const feedback = {
    userId: principal.userId,
    companyId,
    periodEndOn: input.periodEndOn,
    model: input.model ?? null,
    isUseful: input.isUseful,
    reasonCode: input.reasonCode,
    comment: input.comment ? input.comment : null,
    createdAt: now,
  };
  const id = await deps.db.transaction(async (tx) => {
    const feedbackId = await insertScoreFeedback(tx, feedback);
    await insertAuditEvent(tx, {
      occurredAt: now,
      action: "score_feedback.given",
      actorUserId: principal.userId,
      actorEmail: principal.email,
      companyId,
      details: {
        feedbackId,
        periodEndOn: input.periodEndOn,
        model: feedback.model,
        isUseful: input.isUseful,
        reasonCode: input.reasonCode,
      },
      ipAddress: meta.ipAddress,
      requestId: meta.requestId,
    });
    return feedbackId;
  });
  return {
    id,
    periodEndOn: feedback.periodEndOn,
    model: feedback.model,
    isUseful: feedback.isUseful,
    reasonCode: input.reasonCode,
    comment: feedback.comment,
    createdAt: now.toISOString(),
  };
}
