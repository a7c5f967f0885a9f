import type { Database } from "../../db/client.ts";
import { insertAuditEvent } from "../audit/audit.repo.ts";
import type { Principal, RequestMeta } from "../auth/principal.ts";
import type { DistrictReportLanguage } from "./district-report-text.ts";
import { getDistrictDashboard } from "./get-district-dashboard.ts";
import { renderDistrictReport } from "./render-district-report.ts";

/**
 * The district report as PDF for a user whose scope covers the district, from the precomputed
 * aggregates; the export is written to the audit log.
 */
export async function createDistrictReport(
  deps: { db: Database; clock: () => Date },
  principal: Principal,
  districtCode: string,
  language: DistrictReportLanguage,
  meta: RequestMeta,
): Promise<Buffer> {
  const { district, dashboard } = await getDistrictDashboard(
    deps,
    { kind: "scope", principal },
    districtCode,
  );
  const now = deps.clock();
  const totals = dashboard.cells.filter((cell) => cell.sectorCode === "*");
  const latestYear = dashboard.years.at(-1);
  const statementCount = totals.reduce((sum, cell) => sum + (cell.figures.companyCount ?? 0), 0);
  const pdf = await renderDistrictReport({
    language,
    districtName: language === "it" ? district.nameIt : district.nameEn,
    countryCode: district.countryCode,
    generatedAt: now,
    years: totals.map((cell) => ({ fiscalYear: cell.fiscalYear, figures: cell.figures })),
    sectors: dashboard.cells
      .filter((cell) => cell.sectorCode !== "*" && cell.fiscalYear === latestYear)
      .map((cell) => {
        const sector = dashboard.sectors.find((item) => item.code === cell.sectorCode);
        return {
          code: cell.sectorCode,
          title: (language === "en" ? sector?.titleEn : sector?.titleIt) ?? sector?.titleIt ?? "",
          figures: cell.figures,
        };
      }),
    ruleSetVersions: dashboard.source.ruleSetVersions,
    computedAt: dashboard.source.computedAt ? new Date(dashboard.source.computedAt) : undefined,
    statementCount,
  });
  await insertAuditEvent(deps.db, {
    occurredAt: now,
    action: "export.district_report",
    actorUserId: principal.userId,
    actorEmail: principal.email,
    details: { districtCode, language, fiscalYears: dashboard.years, bytes: pdf.byteLength },
    ipAddress: meta.ipAddress,
    requestId: meta.requestId,
  });
  return pdf;
}
