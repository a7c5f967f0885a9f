import type { LineItemId } from "../statements/line-items.ts";
import { compareRatioWithPercent } from "./compare-ratio.ts";
import type { SourcedValue, StatementInput } from "./model-result.ts";
import { createItemReader } from "./read-items.ts";
import type { CndcecIndexId, RuleSet, ThresholdDirection } from "./rule-sets/crisis-code-2019.ts";

/** Which non-cash items I3 used: the cash-flow statement's total, or the income-statement items. */
export type CashFlowRule = "cash_flow_statement" | "income_statement";

export type CndcecThreshold = { percent: SourcedValue; direction: SourcedValue<ThresholdDirection> };

/** One index: its value (ratio and percent), its sector threshold and whether it is breached, or why not computable. */
export type CndcecIndexResult =
  | {
      status: "computed";
      index: CndcecIndexId;
      ratio: number;
      percent: number;
      /** Undefined when the sector has no CNDCEC benchmark. */
      threshold: CndcecThreshold | undefined;
      isBreached: boolean | undefined;
      /** Items in cents by line-item id (and declaredDividends), plus numerator and denominator. */
      inputs: Record<string, number>;
    }
  | {
      status: "not_computable";
      index: CndcecIndexId;
      cause: "missing_items" | "zero_denominator";
      /** Line-item ids the statement's format lacks (empty for a zero denominator). */
      missing: string[];
      reason: string;
      inputs: Record<string, number>;
    };

export type CndcecIndices = Record<CndcecIndexId, CndcecIndexResult> & { cashFlowRule: CashFlowRule };

type TermName = LineItemId | "declaredDividends";
type Term = { name: TermName; sign: 1 | -1 };

/** One signed item of an index's numerator or denominator. */
export type CndcecIndexTerm = Term;

const plus = (name: TermName): Term => ({ name, sign: 1 });
const minus = (name: TermName): Term => ({ name, sign: -1 });

// The formulas of the CNDCEC table (early-warning.md §1). Within-one-year receivables and debts are the
// items the importer resolved by the §0 order: notes' totals, else the aggregate line, else the per-type sum.
const formulas: Record<Exclude<CndcecIndexId, "I3">, { numerator: Term[]; denominator: Term[] }> = {
  I1: { numerator: [plus("interestAndOtherFinancialCharges")], denominator: [plus("revenue")] },
  I2: {
    numerator: [plus("equity"), minus("subscribedCapitalUnpaid"), minus("declaredDividends")],
    denominator: [plus("debts"), plus("accruedLiabilitiesAndDeferredIncome")],
  },
  I4: {
    numerator: [
      plus("inventories"),
      plus("receivablesDueWithinOneYear"),
      plus("currentFinancialAssets"),
      plus("cashAndEquivalents"),
      plus("accruedIncomeAndPrepaidExpenses"),
    ],
    denominator: [plus("debtsDueWithinOneYear"), plus("accruedLiabilitiesAndDeferredIncome")],
  },
  I5: { numerator: [plus("taxDebts"), plus("socialSecurityDebts")], denominator: [plus("totalAssets")] },
};

// I3 cash flow = NI + non-cash costs − non-cash revenues: the cash-flow statement's total of non-monetary
// adjustments when the filing has it, else B.10 + B.12 + B.13 + B.9.c − D (early-warning.md §1).
const cashFlowTerms: Record<CashFlowRule, Term[]> = {
  cash_flow_statement: [plus("netResult"), plus("nonMonetaryAdjustments")],
  income_statement: [
    plus("netResult"),
    plus("depreciationAndWriteDowns"),
    plus("provisionsForRisksExpense"),
    plus("otherProvisionsExpense"),
    plus("severanceIndemnityAccrual"),
    minus("financialValueAdjustments"),
  ],
};

/**
 * The five CNDCEC 2019 indices I1–I5 of a statement (early-warning.md §1), each compared with the sector
 * group's threshold (percent; alert only strictly beyond it). Missing items or a zero denominator make an
 * index not computable, never 0 or infinite. `sectorGroup` undefined: values without thresholds.
 */
export function computeCndcecIndices(
  statement: StatementInput,
  options: { declaredDividendsCents: number; sectorGroup: number | undefined },
  ruleSet: RuleSet,
): CndcecIndices {
  const readItem = createItemReader(statement);
  const read = (name: TermName) =>
    name === "declaredDividends" ? options.declaredDividendsCents : readItem(name);
  const sectorThresholds =
    options.sectorGroup === undefined
      ? undefined
      : ruleSet.cndcec.thresholdsPercentByGroup[options.sectorGroup];
  const thresholdOf = (index: CndcecIndexId): CndcecThreshold | undefined =>
    sectorThresholds === undefined
      ? undefined
      : { percent: sectorThresholds[index], direction: ruleSet.cndcec.directions[index] };

  const cashFlowRule: CashFlowRule =
    statement.items.nonMonetaryAdjustments === undefined ? "income_statement" : "cash_flow_statement";
  const compute = (index: CndcecIndexId, numerator: Term[], denominator: Term[]) =>
    computeIndex(index, numerator, denominator, read, thresholdOf(index));

  return {
    I1: compute("I1", formulas.I1.numerator, formulas.I1.denominator),
    I2: compute("I2", formulas.I2.numerator, formulas.I2.denominator),
    I3: compute("I3", cashFlowTerms[cashFlowRule], [plus("totalAssets")]),
    I4: compute("I4", formulas.I4.numerator, formulas.I4.denominator),
    I5: compute("I5", formulas.I5.numerator, formulas.I5.denominator),
    cashFlowRule,
  };
}

function computeIndex(
  index: CndcecIndexId,
  numeratorTerms: readonly Term[],
  denominatorTerms: readonly Term[],
  read: (name: TermName) => number | undefined,
  threshold: CndcecThreshold | undefined,
): CndcecIndexResult {
  const inputs: Record<string, number> = {};
  const missing: string[] = [];
  const sum = (terms: readonly Term[]) =>
    terms.reduce((total, term) => {
      const value = read(term.name);
      if (value === undefined) {
        missing.push(term.name);
        return total;
      }
      inputs[term.name] = value;
      return total + term.sign * value;
    }, 0);
  const numerator = sum(numeratorTerms);
  const denominator = sum(denominatorTerms);

  if (missing.length > 0) {
    return {
      status: "not_computable",
      index,
      cause: "missing_items",
      missing,
      reason: `${index} needs ${missing.join(", ")}, which the statement's format does not contain`,
      inputs,
    };
  }
  inputs.numerator = numerator;
  inputs.denominator = denominator;
  if (denominator === 0) {
    const denominatorNames = denominatorTerms.map((term) => term.name).join(" + ");
    return {
      status: "not_computable",
      index,
      cause: "zero_denominator",
      missing: [],
      reason: `${index} has a zero denominator (${denominatorNames} = 0)`,
      inputs,
    };
  }

  let isBreached: boolean | undefined;
  if (threshold !== undefined) {
    const comparison = compareRatioWithPercent(numerator, denominator, threshold.percent.value);
    isBreached = threshold.direction.value === "above" ? comparison > 0 : comparison < 0;
  }
  return {
    status: "computed",
    index,
    ratio: numerator / denominator,
    percent: (numerator * 100) / denominator,
    threshold,
    isBreached,
    inputs,
  };
}

/** The signed items of an index's numerator and denominator (I3 by its cash-flow rule), as computed above. */
export function findCndcecIndexTerms(
  index: CndcecIndexId,
  cashFlowRule: CashFlowRule,
): { numerator: readonly Term[]; denominator: readonly Term[] } {
  if (index === "I3") return { numerator: cashFlowTerms[cashFlowRule], denominator: [plus("totalAssets")] };
  return formulas[index];
}
