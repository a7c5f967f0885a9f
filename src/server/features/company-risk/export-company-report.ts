import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import type { ReportLanguage } from "./company-report-text.ts";
import { getCompanyRisk, type RiskDeps } from "./get-company-risk.ts";
import { renderCompanyReport } from "./render-company-report.ts";

/**
 * The company risk report as a PDF, through the confidentiality gate; the export itself is written to the
 * audit log (in scope too), like every export of confidential data.
 */
export async function exportCompanyReport(
  deps: RiskDeps,
  principal: Principal,
  companyId: string,
  language: ReportLanguage,
  meta: RequestMeta,
  options: { compress?: boolean } = {},
): Promise<{ fileName: string; pdf: Buffer }> {
  const risk = await getCompanyRisk(deps, principal, companyId, { ...meta, what: "report.pdf" });
  const now = deps.clock();
  await insertAuditEvent(deps.db, {
    occurredAt: now,
    action: "export.company_report",
    actorUserId: principal.userId,
    actorEmail: principal.email,
    companyId,
    details: { format: "pdf", language, years: risk.years.map((year) => year.fiscalYear) },
    ipAddress: meta.ipAddress,
    requestId: meta.requestId,
  });
  const pdf = await renderCompanyReport(risk, { language, generatedAt: now, compress: options.compress });
  const stamp = now.toISOString().slice(0, 10);
  return { fileName: `sector-risk-${risk.company.taxCode}-${stamp}.pdf`, pdf };
}
