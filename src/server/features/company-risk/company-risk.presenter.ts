import type {
  BreachMatrix,
  LegalSignalJudgement,
  RecoveryTestResult,
  RiskChanges,
  RiskModelResult,
  RiskYear,
  SavedUserInput,
  SourcedThreshold,
  UserInputKind,
} from "../../../contracts/company-risk.ts";
import type {
  RiskChanges as DomainRiskChanges,
  RiskYear as DomainRiskYear,
  RiskRuleSets,
} from "../../../domain/early-warning/assess-company-risk.ts";
import type { LegalSignalResult, LegalSignals } from "../../../domain/early-warning/legal-signals.ts";
import type { ModelId, SourcedValue } from "../../../domain/early-warning/model-result.ts";
import { findModelThresholds } from "../../../domain/early-warning/model-thresholds.ts";
import type { RecoveryTest } from "../../../domain/early-warning/recovery-test.ts";
import { cndcecIndexIds } from "../../../domain/early-warning/rule-sets/crisis-code-2019.ts";
import type { StoredModelResult } from "../../../domain/early-warning/score-company-year.ts";
import type { StoredRiskLevel, UserInputRow } from "./company-risk.repo.ts";

/** The order models are listed in, on the page and in the report. */
export const modelOrder: readonly ModelId[] = [
  "alert_level",
  "cndcec_screen",
  "altman_z_prime",
  "altman_z_double_prime",
  "zmijewski",
  "springate",
  "ohlson",
  "altman_z",
];

const finite = (value: number | undefined | null): number | null =>
  value !== undefined && value !== null && Number.isFinite(value) ? value : null;

const toThreshold = (name: string, sourced: SourcedValue): SourcedThreshold => ({
  name,
  value: sourced.value,
  source: sourced.source,
  tag: sourced.tag,
});

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];

// Only the small, displayable details; the screen's indices travel in the breach matrix instead.
function presentDetails(result: StoredModelResult): RiskModelResult["details"] {
  const details: RiskModelResult["details"] = {};
  const { emRating, emScore, score, reasons, outcome } = result.details as Record<string, unknown>;
  if (typeof emRating === "string") details.emRating = emRating;
  if (typeof emScore === "number" && Number.isFinite(emScore)) details.emScore = emScore;
  if (typeof score === "number" && Number.isFinite(score)) details.score = score;
  if (reasons !== undefined) details.reasons = asStrings(reasons);
  if (outcome && typeof outcome === "object") {
    const { trigger, breached } = outcome as { trigger?: unknown; breached?: unknown };
    if (typeof trigger === "string") details.trigger = trigger;
    if (breached !== undefined) details.breached = asStrings(breached);
  }
  return details;
}

export function presentModel(result: StoredModelResult, ruleSets: RiskRuleSets): RiskModelResult {
  const reason = (result.details as { reason?: unknown }).reason;
  return {
    model: result.model,
    ruleSetVersion: result.ruleSetVersion,
    status: result.status,
    value: finite(result.value),
    zone: result.zone,
    missing:
      result.status === "not_computable" ? asStrings((result.details as { missing?: unknown }).missing) : [],
    reason: typeof reason === "string" ? reason : null,
    details: presentDetails(result),
    thresholds: findModelThresholds(result.model, ruleSets),
  };
}

const alertLevels: readonly string[] = ["red", "orange", "green", "grey"];
const isAlertLevel = (value: string | null | undefined): value is RiskYear["alert"]["level"] =>
  value !== null && value !== undefined && alertLevels.includes(value);

const alertReasons = (results: readonly StoredModelResult[]) =>
  asStrings(
    (results.find((result) => result.model === "alert_level")?.details as { reasons?: unknown } | undefined)
      ?.reasons,
  );

const isSameResult = (left: StoredModelResult, right: StoredModelResult | undefined) =>
  right !== undefined &&
  left.status === right.status &&
  left.zone === right.zone &&
  finite(left.value) === finite(right.value);

/**
 * One year of the page. The official alert block is the stored projection (what lists, dashboards and
 * notifications show) when scoring has stored this statement, else the same computation from the filings.
 * `official` is computed without user inputs, as scoring does; `withInputs`, with the period's DSCR and
 * market value of equity, is shown apart and only with the models those inputs change.
 */
export function presentYear(
  official: DomainRiskYear,
  stored: StoredRiskLevel | undefined,
  withInputs: DomainRiskYear | undefined,
  ruleSets: RiskRuleSets,
): RiskYear {
  const alert = official.results.find((result) => result.model === "alert_level");
  const isStored =
    stored !== undefined && stored.statementId === official.statementId && isAlertLevel(stored.level);
  return {
    statementId: official.statementId,
    periodEndOn: official.periodEndOn,
    fiscalYear: official.fiscalYear,
    alert:
      isStored && stored
        ? {
            level: stored.level as RiskYear["alert"]["level"],
            previousLevel: isAlertLevel(stored.previousLevel) ? stored.previousLevel : null,
            isDeteriorating: stored.isDeteriorating,
            isFirstAlert: stored.isFirstAlert,
            emRating: stored.emRating,
            reasons: alertReasons(official.results),
            ruleSetVersion: stored.ruleSetVersion,
            isStored: true,
          }
        : {
            level: official.level,
            previousLevel: official.previousLevel ?? null,
            isDeteriorating: official.isDeteriorating,
            isFirstAlert: official.isFirstAlert,
            emRating: official.emRating ?? null,
            reasons: alertReasons(official.results),
            ruleSetVersion: alert?.ruleSetVersion ?? "",
            isStored: false,
          },
    models: modelOrder.flatMap((model) => {
      const result = official.results.find((candidate) => candidate.model === model);
      return result ? [presentModel(result, ruleSets)] : [];
    }),
    withInputs:
      withInputs?.marketData === undefined
        ? null
        : {
            dscr: finite(withInputs.marketData.dscr),
            marketValueOfEquityCents: finite(withInputs.marketData.marketValueOfEquityCents),
            level: withInputs.level,
            reasons: alertReasons(withInputs.results),
            models: modelOrder.flatMap((model) => {
              const result = withInputs.results.find((candidate) => candidate.model === model);
              const officialResult = official.results.find((candidate) => candidate.model === model);
              return result && !isSameResult(result, officialResult) ? [presentModel(result, ruleSets)] : [];
            }),
          },
  };
}

/** The CNDCEC indices × years, with each index's direction and the sector group's threshold. */
export function presentBreachMatrix(
  years: readonly DomainRiskYear[],
  sector: { group: number | undefined; benchmark: BreachMatrix["benchmark"] },
  ruleSets: RiskRuleSets,
): BreachMatrix {
  const thresholds =
    sector.group === undefined
      ? undefined
      : ruleSets.crisisCode.cndcec.thresholdsPercentByGroup[sector.group];
  return {
    sectorGroup: sector.group ?? null,
    benchmark: sector.benchmark,
    indices: cndcecIndexIds.map((index) => {
      const threshold = thresholds?.[index];
      return {
        index,
        direction: ruleSets.crisisCode.cndcec.directions[index].value,
        threshold: threshold ? toThreshold(index, threshold) : null,
        cells: years.map((year) => {
          const cell = year.indices?.[index];
          if (!cell) {
            return {
              periodEndOn: year.periodEndOn,
              status: "not_computable" as const,
              percent: null,
              isBreached: null,
              reason: "screen not computable",
            };
          }
          return cell.status === "computed"
            ? {
                periodEndOn: year.periodEndOn,
                status: "computed" as const,
                percent: finite(cell.percent),
                isBreached: cell.isBreached ?? null,
                reason: null,
              }
            : {
                periodEndOn: year.periodEndOn,
                status: "not_computable" as const,
                percent: null,
                isBreached: null,
                reason: cell.reason,
              };
        }),
      };
    }),
  };
}

export function presentChanges(changes: DomainRiskChanges): RiskChanges {
  return {
    fromPeriodEndOn: changes.fromPeriodEndOn,
    toPeriodEndOn: changes.toPeriodEndOn,
    isPreviousFiscalYear: changes.isPreviousFiscalYear,
    scores: changes.scores.map((score) =>
      score.status === "explained"
        ? {
            model: score.model,
            status: "explained" as const,
            reason: null,
            previousScore: finite(score.previousScore),
            currentScore: finite(score.currentScore),
            scoreChange: finite(score.scoreChange),
            terms: score.terms.map((term) => ({
              numerator: term.numerator,
              denominator: term.denominator,
              coefficient: term.coefficient,
              previousRatio: finite(term.previousRatio),
              currentRatio: finite(term.currentRatio),
              change: finite(term.change),
            })),
          }
        : {
            model: score.model,
            status: "not_explainable" as const,
            reason: score.reason,
            previousScore: null,
            currentScore: null,
            scoreChange: null,
            terms: [],
          },
    ),
    indices: changes.indices.map((index) =>
      index.status === "explained"
        ? {
            index: index.index,
            status: "explained" as const,
            reason: null,
            previousPercent: finite(index.previousPercent),
            currentPercent: finite(index.currentPercent),
            changePoints: finite(index.changePoints),
            items: index.items.map((item) => ({
              item: item.item,
              side: item.side,
              previousCents: item.previousCents,
              currentCents: item.currentCents,
              contributionPoints: finite(item.contributionPoints),
            })),
          }
        : {
            index: index.index,
            status: "not_explainable" as const,
            reason: index.reason,
            previousPercent: null,
            currentPercent: null,
            changePoints: null,
            items: [],
          },
    ),
  };
}

function presentSignal(
  result: LegalSignalResult,
  article: "article3" | "article25Novies",
): LegalSignalJudgement["signals"][number] {
  return {
    signal: result.signal,
    article,
    status: result.status,
    missing: result.missing,
    thresholds: Object.entries(result.thresholds).map(([name, sourced]) => toThreshold(name, sourced)),
    reason: result.reason ?? null,
  };
}

export function presentLegalSignals(signals: LegalSignals): LegalSignalJudgement {
  return {
    ruleSetVersion: signals.ruleSetVersion,
    periodEndOn: signals.periodEndOn,
    rulesInForceFrom: signals.rulesInForceFrom ?? null,
    zone: signals.zone,
    firedSignals: signals.firedSignals,
    signals: [
      ...Object.values(signals.article3).map((result) => presentSignal(result, "article3")),
      ...Object.values(signals.article25Novies).map((result) => presentSignal(result, "article25Novies")),
    ],
  };
}

export function presentRecoveryTest(test: RecoveryTest, ruleSets: RiskRuleSets): RecoveryTestResult {
  const base = {
    ruleSetVersion: test.ruleSetVersion,
    decreeVersion: { value: test.decreeVersion.value, source: test.decreeVersion.source },
    cutOffs: findModelThresholds("recovery_test", ruleSets),
  };
  if (test.status === "not_computable") {
    return {
      ...base,
      status: "not_computable",
      band: null,
      ratio: null,
      debtToRestructureCents: null,
      yearlyFlowCents: null,
      missing: test.missing,
    };
  }
  return {
    ...base,
    status: "computed",
    band: test.zone,
    ratio: finite(test.value),
    debtToRestructureCents: finite(test.inputs.debtToRestructureCents),
    yearlyFlowCents: finite(test.inputs.yearlyFlowCents),
    missing: [],
  };
}

export function presentSavedInput(row: UserInputRow): SavedUserInput {
  const values: SavedUserInput["values"] = {};
  for (const [name, value] of Object.entries(row.values)) {
    if (typeof value === "number" || typeof value === "boolean" || typeof value === "string")
      values[name] = value;
  }
  return {
    id: row.id,
    kind: row.kind as UserInputKind,
    periodEndOn: row.periodEndOn,
    values,
    enteredAt: row.enteredAt.toISOString(),
    enteredByName: row.enteredByName,
  };
}
