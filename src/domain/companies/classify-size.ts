export type SizeCeiling = {
  /** Staff headcount in annual work units must be strictly below this. */
  headcountBelow: number;
  turnoverAtMostCents: number;
  balanceSheetTotalAtMostCents: number;
};

export type SizeThresholds = { micro: SizeCeiling; small: SizeCeiling; medium: SizeCeiling };

/**
 * Commission Recommendation 2003/361/EC, Annex, art. 2: micro < 10 staff and turnover or balance sheet
 * ≤ €2m; small < 50 and ≤ €10m / €10m; medium < 250 and turnover ≤ €50m or balance sheet ≤ €43m. Euro cents.
 */
export const smeThresholds2003: SizeThresholds = {
  micro: { headcountBelow: 10, turnoverAtMostCents: 200_000_000, balanceSheetTotalAtMostCents: 200_000_000 },
  small: {
    headcountBelow: 50,
    turnoverAtMostCents: 1_000_000_000,
    balanceSheetTotalAtMostCents: 1_000_000_000,
  },
  medium: {
    headcountBelow: 250,
    turnoverAtMostCents: 5_000_000_000,
    balanceSheetTotalAtMostCents: 4_300_000_000,
  },
};

export type SizeInput = {
  headcount: number | undefined;
  turnoverCents: number | undefined;
  balanceSheetTotalCents: number | undefined;
};

export type SizeClassification =
  | { size: "micro" | "small" | "medium" | "large"; basis: "headcount_and_financials" | "headcount_only" }
  | { size: "unknown"; reason: "headcount_missing" };

const sizesFromSmallest = ["micro", "small", "medium"] as const;

/**
 * Classifies an enterprise as micro, small, medium or large: the smallest class whose headcount ceiling is met
 * AND whose turnover OR balance-sheet ceiling is met (2003/361/EC; thresholds passed in, amounts in euro cents).
 * Without any financial figure the headcount alone decides (basis "headcount_only"); without headcount: unknown.
 */
export function classifySize(input: SizeInput, thresholds: SizeThresholds): SizeClassification {
  const headcount = knownOrUndefined(input.headcount);
  if (headcount === undefined) return { size: "unknown", reason: "headcount_missing" };
  const turnoverCents = knownOrUndefined(input.turnoverCents);
  const balanceSheetTotalCents = knownOrUndefined(input.balanceSheetTotalCents);
  const hasFinancials = turnoverCents !== undefined || balanceSheetTotalCents !== undefined;
  const basis = hasFinancials ? "headcount_and_financials" : "headcount_only";

  for (const size of sizesFromSmallest) {
    const ceiling = thresholds[size];
    if (headcount >= ceiling.headcountBelow) continue;
    // A missing figure cannot meet its ceiling: with one figure missing the size can be overstated, never understated.
    const isFinancialCeilingMet =
      !hasFinancials ||
      (turnoverCents !== undefined && turnoverCents <= ceiling.turnoverAtMostCents) ||
      (balanceSheetTotalCents !== undefined &&
        balanceSheetTotalCents <= ceiling.balanceSheetTotalAtMostCents);
    if (isFinancialCeilingMet) return { size, basis };
  }
  return { size: "large", basis };
}

// NaN, infinities and negative amounts are data errors, treated like a missing value.
function knownOrUndefined(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? value : undefined;
}
