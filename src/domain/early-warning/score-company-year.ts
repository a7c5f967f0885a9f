import type { CndcecGroupMapping } from "../sectors/map-cndcec-group.ts";
import { computeEquityChangeRatio, decideAlertLevel } from "./alert-level.ts";
import { screenCrisisCode } from "./cndcec-screen.ts";
import type { ModelId, NotComputable, StatementInput } from "./model-result.ts";
import type { RuleSet } from "./rule-sets/crisis-code-2019.ts";
import { computeAltmanZ, computeAltmanZDoublePrime, computeAltmanZPrime } from "./scoring-altman.ts";
import { computeOhlson } from "./scoring-ohlson.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";
import { computeSpringate } from "./scoring-springate.ts";
import { computeZmijewski } from "./scoring-zmijewski.ts";

/** One model's result in the flat shape stored with each statement version (scores table). */
export type StoredModelResult = {
  model: ModelId;
  ruleSetVersion: string;
  status: "computed" | "not_computable";
  value: number | null;
  zone: string | null;
  inputs: Record<string, number>;
  details: Record<string, unknown>;
};

export type CompanyYearInput = {
  statement: StatementInput;
  previous: StatementInput | undefined;
  atecoCode: string | undefined;
  sectorGroup: CndcecGroupMapping | undefined;
  marketValueOfEquityCents?: number | undefined;
  /** DSCR at 6 months entered by a user: step 2 of the CNDCEC screen (early-warning.md §1). */
  dscr?: number | undefined;
};

function flatten(
  result:
    | {
        status: "computed";
        model: ModelId;
        ruleSetVersion: string;
        value: unknown;
        zone: string;
        inputs: Record<string, number>;
      }
    | NotComputable,
  details: Record<string, unknown> = {},
): StoredModelResult {
  if (result.status === "not_computable") {
    return {
      model: result.model,
      ruleSetVersion: result.ruleSetVersion,
      status: "not_computable",
      value: null,
      zone: null,
      inputs: {},
      details: { missing: result.missing, reason: result.reason },
    };
  }
  return {
    model: result.model,
    ruleSetVersion: result.ruleSetVersion,
    status: "computed",
    value: typeof result.value === "number" ? result.value : null,
    zone: result.zone,
    inputs: result.inputs,
    details,
  };
}

/**
 * Every early-warning model for one company-year — the CNDCEC screen, Altman Z (with a market value),
 * Z′, Z″, Zmijewski, Springate, Ohlson (with the previous year) — and the alert level of §7.
 */
export function scoreCompanyYear(
  input: CompanyYearInput,
  ruleSets: { crisisCode: RuleSet; distress: DistressModelsRuleSet },
): StoredModelResult[] {
  const { statement } = input;
  const screen = screenCrisisCode(
    statement,
    {
      atecoCode: input.atecoCode,
      sectorGroup: input.sectorGroup,
      ...(input.dscr === undefined ? {} : { dscr: input.dscr }),
    },
    ruleSets.crisisCode,
  );
  const zPrime = computeAltmanZPrime(statement, ruleSets.distress);
  const zDoublePrime = computeAltmanZDoublePrime(statement, ruleSets.distress);
  const zmijewski = computeZmijewski(statement, ruleSets.distress);
  const springate = computeSpringate(statement, ruleSets.distress);
  const ohlson = computeOhlson(statement, input.previous, ruleSets.distress);
  const altmanZ = computeAltmanZ(statement, input.marketValueOfEquityCents, ruleSets.distress);
  const indices =
    screen.status === "computed"
      ? Object.values(screen.indices).filter((index) => typeof index === "object")
      : [];
  const computableIndices = indices.filter((index) => index.status === "computed");
  const breached = computableIndices.filter(
    (index) => index.status === "computed" && index.isBreached === true,
  );
  const alert = decideAlertLevel(
    {
      cndcec: {
        isCrisisPresumed: screen.status === "computed" && screen.zone === "crisis_presumed",
        breachedIndexCount: breached.length,
        computableIndexCount: computableIndices.length,
      },
      zDoublePrime,
      zmijewski,
      springate,
      equityChangeRatio: computeEquityChangeRatio(statement.items.equity, input.previous?.items.equity),
    },
    ruleSets.distress,
  );
  return [
    screen.status === "computed"
      ? {
          ...flatten({ ...screen, value: breached.length }),
          details: {
            outcome: screen.value,
            sectorGroup: screen.sectorGroup ?? null,
            equityStep: screen.equityStep,
            indices: screen.indices,
          },
        }
      : flatten(screen),
    flatten(altmanZ),
    flatten(zPrime),
    flatten(
      zDoublePrime,
      zDoublePrime.status === "computed"
        ? { emScore: zDoublePrime.emScore, emRating: zDoublePrime.emRating }
        : {},
    ),
    flatten(zmijewski, zmijewski.status === "computed" ? { score: zmijewski.score } : {}),
    flatten(springate),
    flatten(ohlson, ohlson.status === "computed" ? { score: ohlson.score } : {}),
    {
      model: "alert_level",
      ruleSetVersion: `${ruleSets.crisisCode.version}+${ruleSets.distress.version}`,
      status: "computed",
      value: null,
      zone: alert.level,
      inputs: {},
      details: { reasons: alert.reasons, distressModels: alert.distressModels },
    },
  ];
}
