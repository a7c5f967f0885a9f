import { alertLevelCodes } from "./decide-alert-level-columns.ts";
import type { ModelId } from "./model-result.ts";
import { type CndcecIndexId, cndcecIndexIds, type RuleSet } from "./rule-sets/crisis-code-2019.ts";
import type { ScoreColumns } from "./score-batch.ts";
import type { StoredModelResult } from "./score-company-year.ts";
import type { CompanyYearScores } from "./score-company-year-columns.ts";
import { screenOutcomes } from "./score-index-columns.ts";
import { findEmRatingOfCode, zoneCodes } from "./scoring-models.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

type ZoneNames = readonly [distress: string, grey: string | undefined, safe: string];

const altmanZones: ZoneNames = ["distress", "grey", "safe"];
const distressZones: ZoneNames = ["distress", undefined, "no_distress"];
const springateZones: ZoneNames = ["failing", undefined, "not_failing"];

const notComputable = (model: ModelId, ruleSetVersion: string): StoredModelResult => ({
  model,
  ruleSetVersion,
  status: "not_computable",
  value: null,
  zone: null,
  inputs: {},
  details: {},
});

function readModel(
  model: ModelId,
  ruleSetVersion: string,
  columns: ScoreColumns | undefined,
  zones: ZoneNames,
  row: number,
  details: (() => Record<string, unknown>) | undefined = undefined,
): StoredModelResult {
  const code = columns?.zone[row] ?? zoneCodes.notComputable;
  if (columns === undefined || code === zoneCodes.notComputable) return notComputable(model, ruleSetVersion);
  const zone = code === zoneCodes.distress ? zones[0] : code === zoneCodes.grey ? zones[1] : zones[2];
  return {
    model,
    ruleSetVersion,
    status: "computed",
    value: columns.value[row] ?? null,
    zone: zone ?? null,
    inputs: {},
    details: details ? details() : {},
  };
}

/** The row's CNDCEC group when the rule set has thresholds for it (as the per-row screen names it), else null. */
function findBenchmarkGroup(scores: CompanyYearScores, row: number, ruleSet: RuleSet): number | null {
  const group = scores.sectorGroup[row] ?? 0;
  return ruleSet.cndcec.thresholdsPercentByGroup[group] === undefined ? null : group;
}

function readScreen(scores: CompanyYearScores, row: number, ruleSet: RuleSet): StoredModelResult {
  const { indices } = scores;
  const outcome = screenOutcomes[indices.screenOutcome[row] ?? 0] ?? screenOutcomes[0];
  if (outcome.kind === "not_computable") return notComputable("cndcec_screen", ruleSet.version);
  const indexDetails: Partial<Record<CndcecIndexId, Record<string, unknown>>> = {};
  for (const index of cndcecIndexIds) {
    const percent = indices.percent[index][row] ?? Number.NaN;
    indexDetails[index] = Number.isNaN(percent)
      ? { status: "not_computable" }
      : { status: "computed", percent, isBreached: indices.isBreached[index][row] === 1 };
  }
  return {
    model: "cndcec_screen",
    ruleSetVersion: ruleSet.version,
    status: "computed",
    value: indices.breachedCount[row] ?? 0,
    zone: outcome.kind,
    inputs: {},
    details: {
      outcome: { ...outcome },
      sectorGroup: findBenchmarkGroup(scores, row, ruleSet),
      indices: indexDetails,
    },
  };
}

/**
 * The results of one batch row in the shape stored with each statement (scores table), one per model as
 * scoreCompanyYear gives them. Inputs are left empty and details hold only what lists and aggregates read
 * (zones, EM rating, index percentages, alert reasons): the full explanation is derived on demand from the
 * stored statement.
 */
export function readStoredResults(
  scores: CompanyYearScores,
  row: number,
  ruleSets: { crisisCode: RuleSet; distress: DistressModelsRuleSet },
): StoredModelResult[] {
  const { models, alertLevel } = scores;
  const distressVersion = ruleSets.distress.version;
  const zDoublePrime = models.altmanZDoublePrime;
  const decision = alertLevel.decisions[alertLevel.decision[row] ?? 0];
  return [
    readScreen(scores, row, ruleSets.crisisCode),
    readModel("altman_z", distressVersion, undefined, altmanZones, row),
    readModel("altman_z_prime", distressVersion, models.altmanZPrime, altmanZones, row),
    readModel("altman_z_double_prime", distressVersion, zDoublePrime, altmanZones, row, () => ({
      emScore: zDoublePrime.emScore[row],
      emRating: findEmRatingOfCode(zDoublePrime.emRating[row] ?? -1) ?? null,
    })),
    readModel("zmijewski", distressVersion, models.zmijewski, distressZones, row, () => ({
      score: models.zmijewski.score[row],
    })),
    readModel("springate", distressVersion, models.springate, springateZones, row),
    readModel("ohlson", distressVersion, models.ohlson, distressZones, row, () => ({
      score: models.ohlson?.score[row],
    })),
    {
      model: "alert_level",
      ruleSetVersion: `${ruleSets.crisisCode.version}+${distressVersion}`,
      status: "computed",
      value: null,
      zone: alertLevelCodes[alertLevel.level[row] ?? 0] ?? "grey",
      inputs: {},
      details: { reasons: decision?.reasons ?? [], distressModels: decision?.distressModels ?? [] },
    },
  ];
}
