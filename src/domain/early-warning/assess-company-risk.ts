import type { CndcecGroupMapping } from "../sectors/map-cndcec-group.ts";
import type { AlertLevel } from "./alert-level.ts";
import { isDeteriorating, isFirstAlert } from "./alert-level-history.ts";
import type { CndcecIndices } from "./cndcec-indices.ts";
import { explainScoreChange, type LinearScoreResult, type ScoreChangeExplanation } from "./explain-change.ts";
import { explainIndexChange, type IndexChangeExplanation } from "./explain-index-change.ts";
import type { ModelId, StatementInput } from "./model-result.ts";
import { type CndcecIndexId, cndcecIndexIds, type RuleSet } from "./rule-sets/crisis-code-2019.ts";
import { type CompanyYearInput, type StoredModelResult, scoreCompanyYear } from "./score-company-year.ts";
import type { AltmanZone } from "./scoring-models.ts";
import type { DistressModelsRuleSet, EmRating } from "./scoring-rule-set.ts";

/** One current statement of the company, oldest first in the list given to assessCompanyRisk. */
export type RiskStatement = StatementInput & { statementId: string };

/** The user inputs no filing carries, for one period (early-warning.md §0). */
export type MarketDataValues = { dscr?: number | undefined; marketValueOfEquityCents?: number | undefined };

/**
 * What moved the scores and the CNDCEC indices between a year and the previous year on record, which is
 * the previous fiscal year only when `isPreviousFiscalYear` (a gap in the filings otherwise).
 */
export type RiskChanges = {
  fromPeriodEndOn: string;
  toPeriodEndOn: string;
  isPreviousFiscalYear: boolean;
  scores: ScoreChangeExplanation[];
  indices: IndexChangeExplanation[];
};

export type RiskYear = {
  statementId: string;
  periodEndOn: string;
  fiscalYear: number;
  /** Every model, as scoreCompanyYear stores it, computed with the period's user inputs. */
  results: StoredModelResult[];
  /** The five indices of the CNDCEC screen; undefined when the screen was not computable. */
  indices: CndcecIndices | undefined;
  level: AlertLevel;
  previousLevel: AlertLevel | undefined;
  emRating: EmRating | undefined;
  isDeteriorating: boolean;
  isFirstAlert: boolean;
  /** The user inputs the year was computed with, if any. */
  marketData: MarketDataValues | undefined;
  changes: RiskChanges | undefined;
};

export type RiskRuleSets = { crisisCode: RuleSet; distress: DistressModelsRuleSet };

/** The linear scores whose change is explained term by term (§7 "what moved the score"). */
export const explainedScoreModels = [
  "altman_z_prime",
  "altman_z_double_prime",
  "springate",
  "zmijewski",
] as const satisfies readonly ModelId[];

function findResult(results: readonly StoredModelResult[], model: ModelId): StoredModelResult | undefined {
  return results.find((result) => result.model === model);
}

// The stored shape back into the engine's result: explainScoreChange reads only status, model, version
// and the recorded inputs, so the zone's literal type does not matter here.
function toLinearScoreResult(result: StoredModelResult): LinearScoreResult {
  if (result.status !== "computed") {
    return {
      status: "not_computable",
      model: result.model,
      ruleSetVersion: result.ruleSetVersion,
      missing: [],
      reason: "not computed",
    };
  }
  return {
    status: "computed",
    model: result.model,
    ruleSetVersion: result.ruleSetVersion,
    value: result.value ?? Number.NaN,
    zone: (result.zone ?? "grey") as AltmanZone,
    inputs: result.inputs,
  };
}

// scoreCompanyYear keeps the screen's indices in the details of its result.
function readIndices(results: readonly StoredModelResult[]): CndcecIndices | undefined {
  const screen = findResult(results, "cndcec_screen");
  if (screen?.status !== "computed") return undefined;
  return screen.details.indices as CndcecIndices | undefined;
}

function explainChanges(current: RiskYear, previous: RiskYear, ruleSets: RiskRuleSets): RiskChanges {
  const scores = explainedScoreModels.map((model): ScoreChangeExplanation => {
    const now = findResult(current.results, model);
    const before = findResult(previous.results, model);
    if (!now || !before) return { status: "not_explainable", model, reason: "not_computed" };
    return explainScoreChange(toLinearScoreResult(now), toLinearScoreResult(before), ruleSets.distress);
  });
  const indices = cndcecIndexIds.map((index: CndcecIndexId): IndexChangeExplanation => {
    if (!current.indices || !previous.indices)
      return { status: "not_explainable", index, reason: "not_computed" };
    return explainIndexChange(current.indices[index], previous.indices[index], {
      current: current.indices.cashFlowRule,
      previous: previous.indices.cashFlowRule,
    });
  });
  return {
    fromPeriodEndOn: previous.periodEndOn,
    toPeriodEndOn: current.periodEndOn,
    isPreviousFiscalYear: previous.fiscalYear === current.fiscalYear - 1,
    scores,
    indices,
  };
}

const isOneYearBefore = (previous: RiskStatement | undefined, statement: RiskStatement) =>
  previous !== undefined &&
  Number(previous.periodEndOn.slice(0, 4)) === Number(statement.periodEndOn.slice(0, 4)) - 1;

/**
 * A company's risk history: every model per year (scoreCompanyYear with the period's DSCR and market value
 * of equity), the alert level beside the previous fiscal year's with deteriorating and first alert (§7; no
 * previous level across a gap in the filings), and what moved each linear score and CNDCEC index since the
 * previous year on record. Statements oldest first.
 */
export function assessCompanyRisk(
  input: {
    statements: readonly RiskStatement[];
    atecoCode: string | undefined;
    sectorGroup: CndcecGroupMapping | undefined;
    marketDataByPeriod: Readonly<Record<string, MarketDataValues>>;
  },
  ruleSets: RiskRuleSets,
): RiskYear[] {
  const years: RiskYear[] = [];
  const levelsByYear: Record<number, AlertLevel> = {};
  input.statements.forEach((statement, position) => {
    const previousStatement = input.statements[position - 1];
    const marketData = input.marketDataByPeriod[statement.periodEndOn];
    const yearInput: CompanyYearInput = {
      statement,
      previous: isOneYearBefore(previousStatement, statement) ? previousStatement : undefined,
      atecoCode: input.atecoCode,
      sectorGroup: input.sectorGroup,
      marketValueOfEquityCents: marketData?.marketValueOfEquityCents,
      dscr: marketData?.dscr,
    };
    const results = scoreCompanyYear(yearInput, ruleSets);
    const fiscalYear = Number(statement.periodEndOn.slice(0, 4));
    const level = (findResult(results, "alert_level")?.zone ?? "grey") as AlertLevel;
    const zDoublePrime = findResult(results, "altman_z_double_prime");
    const emRating = zDoublePrime?.details.emRating as EmRating | undefined;
    const previous = years.at(-1);
    // §7 compares with the previous year's level: the adjacent fiscal year, as the projection does.
    const previousFiscalYear = previous?.fiscalYear === fiscalYear - 1 ? previous : undefined;
    levelsByYear[fiscalYear] = level;
    const year: RiskYear = {
      statementId: statement.statementId,
      periodEndOn: statement.periodEndOn,
      fiscalYear,
      results,
      indices: readIndices(results),
      level,
      previousLevel: previousFiscalYear?.level,
      emRating,
      isDeteriorating: previousFiscalYear
        ? isDeteriorating(
            { level, emRating },
            { level: previousFiscalYear.level, emRating: previousFiscalYear.emRating },
            ruleSets.distress,
          )
        : false,
      isFirstAlert: isFirstAlert(levelsByYear, fiscalYear),
      marketData,
      changes: undefined,
    };
    if (previous) year.changes = explainChanges(year, previous, ruleSets);
    years.push(year);
  });
  return years;
}
