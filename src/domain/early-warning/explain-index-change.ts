import { type CashFlowRule, type CndcecIndexResult, findCndcecIndexTerms } from "./cndcec-indices.ts";
import type { CndcecIndexId } from "./rule-sets/crisis-code-2019.ts";

/** One item's part of an index's change, in percentage points. */
export type IndexItemContribution = {
  item: string;
  side: "numerator" | "denominator";
  sign: 1 | -1;
  previousCents: number;
  currentCents: number;
  /** Percentage points this item's change moved the index by. */
  contributionPoints: number;
};

export type IndexChangeExplanation =
  | {
      status: "explained";
      index: CndcecIndexId;
      previousPercent: number;
      currentPercent: number;
      changePoints: number;
      numeratorEffectPoints: number;
      denominatorEffectPoints: number;
      /** Numerator items first, then denominator items; they add up to changePoints. */
      items: IndexItemContribution[];
    }
  | { status: "not_explainable"; index: CndcecIndexId; reason: "not_computed" };

type Side = readonly { name: string; sign: 1 | -1 }[];

// The terms of both years (I3 may switch between the cash-flow and income-statement rule): an item a
// year's rule did not use counts as 0 in that year, which keeps the sums exact.
function unionOfTerms(current: Side, previous: Side): Side {
  const union = [...current];
  for (const term of previous) if (!union.some((known) => known.name === term.name)) union.push(term);
  return union;
}

/**
 * What moved a CNDCEC index between two years (early-warning.md §7): the change of each numerator and
 * denominator item, in percentage points. With N/D the index, Δ = ΔN/D₁ − N₀·ΔD/(D₀·D₁), split per item;
 * the contributions add up exactly to the change (up to floating-point rounding).
 */
export function explainIndexChange(
  current: CndcecIndexResult,
  previous: CndcecIndexResult,
  cashFlowRules: { current: CashFlowRule; previous: CashFlowRule },
): IndexChangeExplanation {
  const index = current.index;
  if (current.status !== "computed" || previous.status !== "computed") {
    return { status: "not_explainable", index, reason: "not_computed" };
  }
  const currentTerms = findCndcecIndexTerms(index, cashFlowRules.current);
  const previousTerms = findCndcecIndexTerms(index, cashFlowRules.previous);
  const numeratorTerms = unionOfTerms(currentTerms.numerator, previousTerms.numerator);
  const denominatorTerms = unionOfTerms(currentTerms.denominator, previousTerms.denominator);
  const previousNumerator = previous.inputs.numerator ?? 0;
  const previousDenominator = previous.inputs.denominator ?? 0;
  const currentDenominator = current.inputs.denominator ?? 0;
  const amountOf = (inputs: Record<string, number>, item: string) => inputs[item] ?? 0;

  const numeratorItems = numeratorTerms.map((term): IndexItemContribution => {
    const previousCents = amountOf(previous.inputs, term.name);
    const currentCents = amountOf(current.inputs, term.name);
    return {
      item: term.name,
      side: "numerator",
      sign: term.sign,
      previousCents,
      currentCents,
      contributionPoints: (100 * term.sign * (currentCents - previousCents)) / currentDenominator,
    };
  });
  const denominatorItems = denominatorTerms.map((term): IndexItemContribution => {
    const previousCents = amountOf(previous.inputs, term.name);
    const currentCents = amountOf(current.inputs, term.name);
    return {
      item: term.name,
      side: "denominator",
      sign: term.sign,
      previousCents,
      currentCents,
      contributionPoints:
        (-100 * previousNumerator * term.sign * (currentCents - previousCents)) /
        (previousDenominator * currentDenominator),
    };
  });
  const sum = (items: IndexItemContribution[]) =>
    items.reduce((total, item) => total + item.contributionPoints, 0);
  return {
    status: "explained",
    index,
    previousPercent: previous.percent,
    currentPercent: current.percent,
    changePoints: current.percent - previous.percent,
    numeratorEffectPoints: sum(numeratorItems),
    denominatorEffectPoints: sum(denominatorItems),
    items: [...numeratorItems, ...denominatorItems],
  };
}
