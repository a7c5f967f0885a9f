import type { AlertLevel, DistressModel } from "./alert-level.ts";
import type { AlertLevelChange } from "./alert-level-change.ts";
import { isDeteriorating, isFirstAlert } from "./alert-level-history.ts";
import type { DistressModelsRuleSet, EmRating } from "./scoring-rule-set.ts";

/** One company-year as stored by scoring: the alert level and what the lists show beside it. */
export type RiskYearInput = {
  periodEndOn: string;
  statementId: string;
  ruleSetVersion: string;
  level: AlertLevel;
  distressModels: DistressModel[];
  emRating: EmRating | null;
  cndcecOutcome: string | null;
  breachedIndexCount: number;
  revenueCents: number | null;
  employees: number | null;
};

/** A row of the risk projection (company_risk_years) for one company-year. */
export type RiskYearRow = RiskYearInput & {
  fiscalYear: number;
  previousAlertLevel: AlertLevel | null;
  isDeteriorating: boolean;
  isFirstAlert: boolean;
  isLatest: boolean;
};

const fiscalYearOf = (periodEndOn: string) => Number(periodEndOn.slice(0, 4));

/**
 * The risk projection of one company (early-warning.md §7): each year's level beside the previous
 * fiscal year's, deteriorating and first-alert flags, and which year is the latest. `storedLevels`
 * (period end → level stored before this run) decides which rows are reported as changes: new rows
 * and rows whose level moved; the change's previous level is the stored one, else last year's.
 */
export function projectCompanyRisk(
  companyId: string,
  years: readonly RiskYearInput[],
  storedLevels: ReadonlyMap<string, AlertLevel>,
  ruleSet: DistressModelsRuleSet,
): { rows: RiskYearRow[]; changes: AlertLevelChange[] } {
  const ordered = [...years].sort((left, right) => left.periodEndOn.localeCompare(right.periodEndOn));
  const byFiscalYear = new Map<number, RiskYearInput>();
  const levelsByYear: Record<number, AlertLevel> = {};
  for (const year of ordered) {
    byFiscalYear.set(fiscalYearOf(year.periodEndOn), year);
    levelsByYear[fiscalYearOf(year.periodEndOn)] = year.level;
  }
  const latestPeriodEndOn = ordered.at(-1)?.periodEndOn;
  const rows: RiskYearRow[] = [];
  const changes: AlertLevelChange[] = [];
  for (const year of ordered) {
    const fiscalYear = fiscalYearOf(year.periodEndOn);
    const previous = byFiscalYear.get(fiscalYear - 1);
    const row: RiskYearRow = {
      ...year,
      fiscalYear,
      previousAlertLevel: previous?.level ?? null,
      isDeteriorating:
        previous !== undefined &&
        isDeteriorating(
          { level: year.level, emRating: year.emRating ?? undefined },
          { level: previous.level, emRating: previous.emRating ?? undefined },
          ruleSet,
        ),
      isFirstAlert: isFirstAlert(levelsByYear, fiscalYear),
      isLatest: year.periodEndOn === latestPeriodEndOn,
    };
    rows.push(row);
    const storedLevel = storedLevels.get(year.periodEndOn);
    if (storedLevel === year.level) continue;
    changes.push({
      companyId,
      fiscalYear,
      periodEndOn: year.periodEndOn,
      previousLevel: storedLevel ?? row.previousAlertLevel,
      level: year.level,
      isDeteriorating: row.isDeteriorating,
      isFirstAlert: row.isFirstAlert,
      isLatest: row.isLatest,
    });
  }
  return { rows, changes };
}
