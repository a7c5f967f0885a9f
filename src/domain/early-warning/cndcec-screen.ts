import { type LegalFormCode, legalFormCodes, normaliseLegalForm } from "../companies/normalise-legal-form.ts";
import type { CndcecGroupMapping } from "../sectors/map-cndcec-group.ts";
import { type CndcecIndices, computeCndcecIndices } from "./cndcec-indices.ts";
import type { Computed, NotComputable, SourcedValue, StatementInput } from "./model-result.ts";
import { createItemReader } from "./read-items.ts";
import { type CndcecIndexId, cndcecIndexIds, type RuleSet } from "./rule-sets/crisis-code-2019.ts";

export type CrisisCodeContext = {
  atecoCode: string | undefined;
  /** mapCndcecGroup's answer for the company's ATECO code; undefined when there is no code. */
  sectorGroup: CndcecGroupMapping | undefined;
  /** Debt service coverage ratio at 6 months, entered by a user (filed statements cannot give it). */
  dscr?: number;
  /** Dividends declared and not yet paid, in cents (default 0). */
  declaredDividendsCents?: number;
  /** Subscribed share capital in cents; default: the statement's share-capital item (A.I). */
  subscribedShareCapitalCents?: number;
};

/** The screen's outcome (early-warning.md §1): which step decided it, and the indices behind it. */
export type CrisisCodeOutcome =
  | { kind: "crisis_presumed"; trigger: "equity" | "dscr" | "all_indices" }
  | { kind: "no_crisis_presumed"; trigger: "dscr" }
  | {
      kind: "partial_signals";
      breached: CndcecIndexId[];
      computableCount: number;
      notComputable: CndcecIndexId[];
    }
  | { kind: "no_signal" }
  | { kind: "incomplete"; notComputable: CndcecIndexId[] }
  | { kind: "no_benchmark"; reason: string };

export type EquityStep = {
  legalForm: LegalFormCode;
  equityCents: number;
  /** The legal minimum applied; 0 means negative equity only. */
  minimumCents: SourcedValue;
  /** S.r.l. only: the capital that chose between the €10,000 and €1 minimum, and where it came from. */
  subscribedShareCapital: { cents: number; from: "context" | "statement" } | undefined;
  result: "negative_equity" | "below_legal_minimum" | "adequate";
};

export type DebtServiceCoverageStep =
  | { status: "not_supplied" }
  | { status: "assessed"; dscr: number; cutOff: SourcedValue; isBelowCutOff: boolean };

export type CrisisCodeScreen = Computed<CrisisCodeOutcome, CrisisCodeOutcome["kind"]> & {
  atecoCode: string | undefined;
  sectorGroup: number | undefined;
  equityStep: EquityStep;
  debtServiceCoverageStep: DebtServiceCoverageStep;
  /** Always computed and shown, also when step 1 or 2 decided the outcome. */
  indices: CndcecIndices;
};

/**
 * The CNDCEC October 2019 crisis-code screen (early-warning.md §1), a screen and not a legal verdict:
 * step 1 equity against the legal form's minimum, step 2 a user-supplied DSCR against 1, step 3 the five
 * sector indices (crisis presumed only when all five are computable and breached). Amounts in cents.
 */
export function screenCrisisCode(
  statement: StatementInput,
  context: CrisisCodeContext,
  ruleSet: RuleSet,
): CrisisCodeScreen | NotComputable {
  const read = createItemReader(statement);
  const equityCents = read("equity");
  if (equityCents === undefined) {
    return {
      status: "not_computable",
      model: "cndcec_screen",
      ruleSetVersion: ruleSet.version,
      missing: ["equity"],
      reason: "the screen's first step needs equity, which the statement's format does not contain",
    };
  }

  const benchmark = findBenchmarkGroup(context, ruleSet);
  const declaredDividendsCents = context.declaredDividendsCents ?? 0;
  const equityStep = judgeEquity(statement, equityCents, context.subscribedShareCapitalCents, ruleSet);
  const debtServiceCoverageStep = judgeDebtServiceCoverage(context.dscr, ruleSet);
  const indices = computeCndcecIndices(
    statement,
    { declaredDividendsCents, sectorGroup: benchmark.group },
    ruleSet,
  );
  const outcome = decideOutcome(equityStep, debtServiceCoverageStep, benchmark, indices);

  const inputs: Record<string, number> = {
    equity: equityCents,
    equityMinimum: equityStep.minimumCents.value,
    declaredDividends: declaredDividendsCents,
  };
  if (equityStep.subscribedShareCapital !== undefined) {
    inputs.subscribedShareCapital = equityStep.subscribedShareCapital.cents;
  }
  if (debtServiceCoverageStep.status === "assessed") inputs.dscr = debtServiceCoverageStep.dscr;

  return {
    status: "computed",
    model: "cndcec_screen",
    ruleSetVersion: ruleSet.version,
    value: outcome,
    zone: outcome.kind,
    inputs,
    atecoCode: context.atecoCode,
    sectorGroup: benchmark.group,
    equityStep,
    debtServiceCoverageStep,
    indices,
  };
}

/** The legal form code of a statement: a code as it is, any other text normalised. */
export function resolveLegalForm(legalForm: string): LegalFormCode {
  const code = legalFormCodes.find((candidate) => candidate === legalForm);
  return code ?? normaliseLegalForm(legalForm);
}

/**
 * Step 1's minimum equity for a legal form: an S.r.l. whose subscribed capital is known and below the
 * rule set's limit has the reduced minimum; every other case the form's own.
 */
export function findEquityMinimum(
  ruleSet: RuleSet,
  legalForm: LegalFormCode,
  subscribedCapitalCents: number | undefined,
): SourcedValue {
  const reduced = ruleSet.cndcec.reducedLimitedCompanyMinimum;
  if (
    legalForm === "srl" &&
    subscribedCapitalCents !== undefined &&
    subscribedCapitalCents < reduced.subscribedCapitalBelowCents.value
  ) {
    return reduced.minimumCents;
  }
  return ruleSet.cndcec.equityMinimumCentsByLegalForm[legalForm];
}

function judgeEquity(
  statement: StatementInput,
  equityCents: number,
  contextCapitalCents: number | undefined,
  ruleSet: RuleSet,
): EquityStep {
  const legalForm = resolveLegalForm(statement.legalForm);
  let subscribedShareCapital: EquityStep["subscribedShareCapital"];
  if (legalForm === "srl") {
    const statementCapitalCents = createItemReader(statement)("shareCapital");
    subscribedShareCapital =
      contextCapitalCents !== undefined
        ? { cents: contextCapitalCents, from: "context" }
        : statementCapitalCents !== undefined
          ? { cents: statementCapitalCents, from: "statement" }
          : undefined;
  }
  const minimumCents = findEquityMinimum(ruleSet, legalForm, subscribedShareCapital?.cents);
  let result: EquityStep["result"] = "adequate";
  if (equityCents < 0) result = "negative_equity";
  else if (equityCents < minimumCents.value) result = "below_legal_minimum";
  return { legalForm, equityCents, minimumCents, subscribedShareCapital, result };
}

function judgeDebtServiceCoverage(dscr: number | undefined, ruleSet: RuleSet): DebtServiceCoverageStep {
  if (dscr === undefined) return { status: "not_supplied" };
  if (!Number.isFinite(dscr)) throw new RangeError(`DSCR must be a finite number, got ${dscr}`);
  const cutOff = ruleSet.cndcec.debtServiceCoverageCutOff;
  return { status: "assessed", dscr, cutOff, isBelowCutOff: dscr < cutOff.value };
}

type Benchmark = { group: number; reason: undefined } | { group: undefined; reason: string };

function findBenchmarkGroup(context: CrisisCodeContext, ruleSet: RuleSet): Benchmark {
  const mapping = context.sectorGroup;
  if (mapping === undefined) return { group: undefined, reason: "the company has no ATECO code" };
  if (mapping.status === "no_benchmark") {
    return {
      group: undefined,
      reason: `ATECO ${context.atecoCode ?? "code"} belongs to a sector without CNDCEC thresholds`,
    };
  }
  if (mapping.status === "not_mapped")
    return { group: undefined, reason: `sector not mapped: ${mapping.reason}` };
  if (ruleSet.cndcec.thresholdsPercentByGroup[mapping.group] === undefined) {
    return {
      group: undefined,
      reason: `rule set ${ruleSet.version} has no thresholds for group ${mapping.group}`,
    };
  }
  return { group: mapping.group, reason: undefined };
}

function decideOutcome(
  equityStep: EquityStep,
  debtServiceCoverageStep: DebtServiceCoverageStep,
  benchmark: Benchmark,
  indices: CndcecIndices,
): CrisisCodeOutcome {
  if (equityStep.result !== "adequate") return { kind: "crisis_presumed", trigger: "equity" };
  if (debtServiceCoverageStep.status === "assessed") {
    return debtServiceCoverageStep.isBelowCutOff
      ? { kind: "crisis_presumed", trigger: "dscr" }
      : { kind: "no_crisis_presumed", trigger: "dscr" };
  }
  if (benchmark.group === undefined) return { kind: "no_benchmark", reason: benchmark.reason };

  const notComputable = cndcecIndexIds.filter((index) => indices[index].status === "not_computable");
  const breached = cndcecIndexIds.filter((index) => {
    const result = indices[index];
    return result.status === "computed" && result.isBreached === true;
  });
  if (breached.length === cndcecIndexIds.length) return { kind: "crisis_presumed", trigger: "all_indices" };
  if (breached.length > 0) {
    const computableCount = cndcecIndexIds.length - notComputable.length;
    return { kind: "partial_signals", breached, computableCount, notComputable };
  }
  return notComputable.length === 0 ? { kind: "no_signal" } : { kind: "incomplete", notComputable };
}
