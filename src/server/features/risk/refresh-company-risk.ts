import type { AlertLevel, DistressModel } from "../../../domain/early-warning/alert-level.ts";
import type { AlertLevelChange } from "../../../domain/early-warning/alert-level-change.ts";
import {
  projectCompanyRisk,
  type RiskYearInput,
} from "../../../domain/early-warning/project-company-risk.ts";
import { type EmRating, emRatings } from "../../../domain/early-warning/scoring-rule-set.ts";
import type { Database } from "../../db/client.ts";
import { activeAlertRuleSetVersion, activeRuleSets } from "../scoring/active-rule-sets.ts";
import {
  findProjectedLevels,
  findStoredRiskYears,
  type RiskYearRecord,
  replaceRiskYears,
  type StoredRiskYear,
} from "./risk.repo.ts";

const alertLevels: readonly string[] = ["red", "orange", "green", "grey"];
const distressModelIds: readonly string[] = ["altman_z_double_prime", "zmijewski", "springate"];

/** The projection is refreshed in chunks of companies, each in its own transaction. */
const companiesPerChunk = 200;

// The company's headcount is today's: it stands in for a missing statement headcount only in the
// company's latest year, never in past years (their employee sums would carry today's workforce).
function toRiskYear(stored: StoredRiskYear, latestPeriodEndOn: string | undefined): RiskYearInput {
  return {
    periodEndOn: stored.periodEndOn,
    statementId: stored.statementId,
    ruleSetVersion: stored.ruleSetVersion,
    level: (alertLevels.includes(stored.level) ? stored.level : "grey") as AlertLevel,
    distressModels: stored.distressModels.filter((model): model is DistressModel =>
      distressModelIds.includes(model),
    ),
    emRating: (emRatings as readonly string[]).includes(stored.emRating ?? "")
      ? (stored.emRating as EmRating)
      : null,
    cndcecOutcome: stored.cndcecOutcome,
    breachedIndexCount: stored.breachedIndexCount ?? 0,
    revenueCents: stored.revenueCents === null ? null : Math.round(stored.revenueCents),
    employees:
      stored.statementEmployees !== null
        ? Math.round(stored.statementEmployees)
        : stored.periodEndOn === latestPeriodEndOn
          ? stored.companyHeadcount
          : null,
  };
}

function groupByCompany<Item extends { companyId: string }>(items: readonly Item[]) {
  const groups = new Map<string, Item[]>();
  for (const item of items) {
    const group = groups.get(item.companyId);
    if (group) group.push(item);
    else groups.set(item.companyId, [item]);
  }
  return groups;
}

/**
 * Rebuilds the risk projection (company_risk_years) of the given companies from the alert levels
 * stored under the active rule sets, and returns the company-years whose level is new or moved.
 * Running it again on unchanged scores changes nothing and returns no changes.
 */
export async function refreshCompanyRisk(
  deps: { db: Database; clock: () => Date },
  companyIds: readonly string[],
): Promise<AlertLevelChange[]> {
  const ids = [...new Set(companyIds)];
  const changes: AlertLevelChange[] = [];
  for (let start = 0; start < ids.length; start += companiesPerChunk) {
    const chunk = ids.slice(start, start + companiesPerChunk);
    await deps.db.transaction(async (transaction) => {
      const storedYears = await findStoredRiskYears(transaction, chunk, {
        alertLevel: activeAlertRuleSetVersion,
        crisisCode: activeRuleSets.crisisCode.version,
        distress: activeRuleSets.distress.version,
      });
      const projected = await findProjectedLevels(transaction, chunk);
      const yearsByCompany = groupByCompany(storedYears);
      const projectedByCompany = groupByCompany(projected);
      const records: RiskYearRecord[] = [];
      for (const [companyId, years] of yearsByCompany) {
        const storedLevels = new Map(
          (projectedByCompany.get(companyId) ?? []).map((row) => [row.periodEndOn, row.level as AlertLevel]),
        );
        const latestPeriodEndOn = years
          .map((year) => year.periodEndOn)
          .reduce<string | undefined>(
            (latest, periodEndOn) => (latest === undefined || periodEndOn > latest ? periodEndOn : latest),
            undefined,
          );
        const projection = projectCompanyRisk(
          companyId,
          years.map((year) => toRiskYear(year, latestPeriodEndOn)),
          storedLevels,
          activeRuleSets.distress,
        );
        changes.push(...projection.changes);
        for (const row of projection.rows) {
          records.push({
            companyId,
            periodEndOn: row.periodEndOn,
            fiscalYear: row.fiscalYear,
            statementId: row.statementId,
            ruleSetVersion: row.ruleSetVersion,
            alertLevel: row.level,
            previousAlertLevel: row.previousAlertLevel,
            isDeteriorating: row.isDeteriorating,
            isFirstAlert: row.isFirstAlert,
            isLatest: row.isLatest,
            emRating: row.emRating,
            distressModels: row.distressModels,
            cndcecOutcome: row.cndcecOutcome,
            breachedIndexCount: row.breachedIndexCount,
            revenueCents: row.revenueCents,
            employees: row.employees,
          });
        }
      }
      await replaceRiskYears(transaction, chunk, records, deps.clock());
    });
  }
  return changes;
}
