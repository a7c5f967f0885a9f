import { isItemInFormat, type LineItemId, type LineItemValues, lineItemIds } from "./line-items.ts";
import type { StatementFormat } from "./statement-formats.ts";

/**
 * Italian statements are drawn up in whole euros (c.c. 2423) and the rounding difference is booked to an
 * equity reserve, so a filed balance sheet balances exactly. One euro absorbs one rounding step from sources
 * that round each item to euros on their own (converted templates); a forgotten item is far larger.
 */
export const balanceToleranceCents = 100;

/** Items without which a statement cannot be scored or read: their absence is reported, not read as zero. */
export const keyLineItemIds = [
  "totalAssets",
  "equity",
  "debts",
  "revenue",
  "valueOfProduction",
  "costsOfProduction",
  "operatingResult",
  "resultBeforeTaxes",
  "netResult",
] as const satisfies readonly LineItemId[];

/** A split is key when its total is not zero: without it the liquidity index would read a zero short-term part. */
const keySplits = [
  { itemId: "receivablesDueWithinOneYear", totalItemId: "receivables" },
  { itemId: "debtsDueWithinOneYear", totalItemId: "debts" },
] as const satisfies readonly { itemId: LineItemId; totalItemId: LineItemId }[];

const partsOfTotals = [
  { partItemIds: ["receivablesDueWithinOneYear"], totalItemId: "receivables" },
  { partItemIds: ["debtsDueWithinOneYear"], totalItemId: "debts" },
  { partItemIds: ["taxDebts", "socialSecurityDebts"], totalItemId: "debts" },
] as const satisfies readonly { partItemIds: readonly LineItemId[]; totalItemId: LineItemId }[];

const liabilitiesAndEquityItemIds = [
  "equity",
  "provisionsForRisksAndCharges",
  "employeeSeveranceIndemnity",
  "debts",
  "accruedLiabilitiesAndDeferredIncome",
] as const satisfies readonly LineItemId[];

export type StatementFinding =
  | {
      code: "balance_sheet_unbalanced";
      severity: "error";
      totalAssetsCents: number;
      liabilitiesAndEquityCents: number;
      /** Total assets minus (equity + provisions + TFR + debts + accrued liabilities). */
      differenceCents: number;
    }
  | { code: "key_item_missing"; severity: "warning"; itemId: LineItemId }
  | {
      code: "part_exceeds_total";
      severity: "error";
      partItemIds: LineItemId[];
      totalItemId: LineItemId;
      partCents: number;
      totalCents: number;
    }
  | { code: "item_not_in_format"; severity: "warning"; itemId: LineItemId }
  | { code: "value_not_integer"; severity: "error"; itemId: LineItemId; value: number };

/**
 * Checks one statement's values against its format: total assets = equity + provisions + TFR + debts +
 * accrued liabilities within `balanceToleranceCents`; key items present; within-one-year and D.12 + D.13 parts
 * not above their totals; no item the format lacks; integer amounts. Absent items count as zero (§0).
 */
export function checkStatement(values: LineItemValues, format: StatementFormat): StatementFinding[] {
  const findings: StatementFinding[] = [];
  const amountOf = (itemId: LineItemId): number => values[itemId] ?? 0;

  const totalAssets = values.totalAssets;
  if (totalAssets !== undefined) {
    const liabilitiesAndEquity = liabilitiesAndEquityItemIds.reduce(
      (sum, itemId) => sum + amountOf(itemId),
      0,
    );
    const difference = totalAssets - liabilitiesAndEquity;
    if (Math.abs(difference) > balanceToleranceCents) {
      findings.push({
        code: "balance_sheet_unbalanced",
        severity: "error",
        totalAssetsCents: totalAssets,
        liabilitiesAndEquityCents: liabilitiesAndEquity,
        differenceCents: difference,
      });
    }
  }

  const requiredItemIds: LineItemId[] = [...keyLineItemIds];
  for (const split of keySplits) {
    if (amountOf(split.totalItemId) !== 0) requiredItemIds.push(split.itemId);
  }
  for (const itemId of requiredItemIds) {
    if (isItemInFormat(itemId, format) && values[itemId] === undefined) {
      findings.push({ code: "key_item_missing", severity: "warning", itemId });
    }
  }

  for (const { partItemIds, totalItemId } of partsOfTotals) {
    if (partItemIds.every((itemId) => values[itemId] === undefined)) continue;
    const part = partItemIds.reduce((sum, itemId) => sum + amountOf(itemId), 0);
    const total = amountOf(totalItemId);
    if (part - total > balanceToleranceCents) {
      findings.push({
        code: "part_exceeds_total",
        severity: "error",
        partItemIds: [...partItemIds],
        totalItemId,
        partCents: part,
        totalCents: total,
      });
    }
  }

  for (const itemId of lineItemIds) {
    const value = values[itemId];
    if (value === undefined) continue;
    if (!isItemInFormat(itemId, format))
      findings.push({ code: "item_not_in_format", severity: "warning", itemId });
    if (!Number.isInteger(value))
      findings.push({ code: "value_not_integer", severity: "error", itemId, value });
  }

  return findings;
}
