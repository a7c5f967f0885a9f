import { compareRatioWithPercent } from "../../src/domain/early-warning/compare-ratio.ts";
import {
  type CndcecIndexId,
  cndcecIndexIds,
  type RuleSet,
} from "../../src/domain/early-warning/rule-sets/crisis-code-2019.ts";
import type { StatementColumns } from "../../src/domain/early-warning/scoring-financial-aggregates.ts";
import {
  getLineItem,
  type LineItemId,
  type StatementFormat,
  statementFormats,
} from "../../src/domain/statements/line-items.ts";

// A columnar version of computeCndcecIndices and of the crisis presumption of screenCrisisCode, written
// for this benchmark only (the engine has none yet). Same formulas and §0 reading; declared dividends are
// 0 and no DSCR is supplied, as in scoreCompanyYear. check-engine-rows.ts compares it with the per-row path.

type Term = { item: LineItemId; sign: 1 | -1 };
const plus = (...items: LineItemId[]): Term[] => items.map((item) => ({ item, sign: 1 }));
const minus = (...items: LineItemId[]): Term[] => items.map((item) => ({ item, sign: -1 }));

/** The CNDCEC formulas (early-warning.md §1); I3's numerator depends on the cash-flow statement. */
export const indexFormulas: Record<CndcecIndexId, { numerator: Term[]; denominator: Term[] }> = {
  I1: { numerator: plus("interestAndOtherFinancialCharges"), denominator: plus("revenue") },
  I2: {
    numerator: [...plus("equity"), ...minus("subscribedCapitalUnpaid")],
    denominator: plus("debts", "accruedLiabilitiesAndDeferredIncome"),
  },
  I3: { numerator: plus("netResult", "nonMonetaryAdjustments"), denominator: plus("totalAssets") },
  I4: {
    numerator: plus(
      "inventories",
      "receivablesDueWithinOneYear",
      "currentFinancialAssets",
      "cashAndEquivalents",
      "accruedIncomeAndPrepaidExpenses",
    ),
    denominator: plus("debtsDueWithinOneYear", "accruedLiabilitiesAndDeferredIncome"),
  },
  I5: { numerator: plus("taxDebts", "socialSecurityDebts"), denominator: plus("totalAssets") },
};

/** I3 without a cash-flow statement: NI + B.10 + B.12 + B.13 + B.9.c − D. */
export const incomeStatementCashFlowTerms: Term[] = [
  ...plus(
    "netResult",
    "depreciationAndWriteDowns",
    "provisionsForRisksExpense",
    "otherProvisionsExpense",
    "severanceIndemnityAccrual",
  ),
  ...minus("financialValueAdjustments"),
];

export type IndexColumns = {
  /** Percent per index, NaN where not computable. */
  percent: Record<CndcecIndexId, Float64Array>;
  /** 1 where the index is breached against the row's sector threshold. */
  isBreached: Record<CndcecIndexId, Uint8Array>;
  computableCount: Uint8Array;
  breachedCount: Uint8Array;
  /** 1 where the screen presumes a crisis (equity below the legal minimum, or all five indices breached). */
  isCrisisPresumed: Uint8Array;
};

/** Row → index of its format in statementFormats (255: no statement). */
export function encodeFormats(formats: readonly (StatementFormat | undefined)[]): Uint8Array {
  const codes = new Uint8Array(formats.length);
  for (let row = 0; row < formats.length; row += 1) {
    const format = formats[row];
    codes[row] = format === undefined ? 255 : statementFormats.indexOf(format);
  }
  return codes;
}

/** Per format code, 1 when the format has the item (an omitted cell then reads 0, else it is missing). */
const formatMask = (item: LineItemId): Uint8Array =>
  Uint8Array.from(statementFormats, (format) => (getLineItem(item).formats.includes(format) ? 1 : 0));

/** Adds the signed terms into `sums`, flagging rows where an item is missing (§0). */
function addTerms(
  terms: readonly Term[],
  columns: StatementColumns,
  formatCodes: Uint8Array,
  sums: Float64Array,
  missing: Uint8Array,
): void {
  const rowCount = sums.length;
  for (const { item, sign } of terms) {
    const column = columns[item] ?? new Float64Array(rowCount).fill(Number.NaN);
    const mask = formatMask(item);
    for (let row = 0; row < rowCount; row += 1) {
      const cell = column[row] ?? Number.NaN;
      if (!Number.isNaN(cell)) sums[row] = (sums[row] ?? 0) + sign * cell;
      else if (mask[formatCodes[row] ?? 0] !== 1) missing[row] = 1;
    }
  }
}

/** Sign of numerator ÷ denominator − percent ÷ 100, in doubles when far from the cut-off, else exact. */
function compareWithThreshold(numerator: number, denominator: number, percent: number, threshold: number) {
  const distance = percent - threshold;
  // Integer cents below 2^53: the double percent is within a few ulps of the exact one.
  if (Math.abs(distance) > 1e-12 * (Math.abs(percent) + Math.abs(threshold))) return Math.sign(distance);
  return compareRatioWithPercent(numerator, denominator, threshold);
}

function computeIndexColumn(
  index: CndcecIndexId,
  columns: StatementColumns,
  formatCodes: Uint8Array,
  sectorGroup: Uint8Array,
  ruleSet: RuleSet,
  result: IndexColumns,
): void {
  const rowCount = formatCodes.length;
  const numerator = new Float64Array(rowCount);
  const denominator = new Float64Array(rowCount);
  const missing = new Uint8Array(rowCount);
  const formula = indexFormulas[index];
  if (index === "I3") {
    // The cash-flow statement's total when the filing has it (a cell that is not NaN), else the income statement.
    const cashFlowRows = new Uint8Array(rowCount);
    const adjustments = columns.nonMonetaryAdjustments;
    for (let row = 0; row < rowCount; row += 1) {
      cashFlowRows[row] = Number.isNaN(adjustments?.[row] ?? Number.NaN) ? 0 : 1;
    }
    const incomeNumerator = new Float64Array(rowCount);
    const incomeMissing = new Uint8Array(rowCount);
    addTerms(formula.numerator, columns, formatCodes, numerator, missing);
    addTerms(incomeStatementCashFlowTerms, columns, formatCodes, incomeNumerator, incomeMissing);
    for (let row = 0; row < rowCount; row += 1) {
      if (cashFlowRows[row] === 1) continue;
      numerator[row] = incomeNumerator[row] ?? 0;
      missing[row] = incomeMissing[row] ?? 0;
    }
  } else addTerms(formula.numerator, columns, formatCodes, numerator, missing);
  addTerms(formula.denominator, columns, formatCodes, denominator, missing);

  const thresholds = new Float64Array(256).fill(Number.NaN);
  for (const [group, cells] of Object.entries(ruleSet.cndcec.thresholdsPercentByGroup)) {
    thresholds[Number(group)] = cells[index].value;
  }
  const breachSign = ruleSet.cndcec.directions[index].value === "above" ? 1 : -1;
  const percentColumn = new Float64Array(rowCount);
  const breachedColumn = new Uint8Array(rowCount);
  const { computableCount, breachedCount } = result;
  for (let row = 0; row < rowCount; row += 1) {
    const top = numerator[row] ?? 0;
    const bottom = denominator[row] ?? 0;
    if (missing[row] === 1 || bottom === 0) {
      percentColumn[row] = Number.NaN;
      continue;
    }
    const percent = (top * 100) / bottom;
    percentColumn[row] = percent;
    computableCount[row] = (computableCount[row] ?? 0) + 1;
    const threshold = thresholds[sectorGroup[row] ?? 0] ?? Number.NaN;
    if (Number.isNaN(threshold)) continue;
    if (compareWithThreshold(top, bottom, percent, threshold) === breachSign) {
      breachedColumn[row] = 1;
      breachedCount[row] = (breachedCount[row] ?? 0) + 1;
    }
  }
  result.percent[index] = percentColumn;
  result.isBreached[index] = breachedColumn;
}

/** Step 1 of the screen: equity below the legal form's minimum (the S.r.l. one chosen by share capital). */
function markEquityBelowMinimum(
  columns: StatementColumns,
  formatCodes: Uint8Array,
  legalForm: readonly string[],
  ruleSet: RuleSet,
  isCrisisPresumed: Uint8Array,
): Uint8Array {
  const { equityMinimumCentsByLegalForm: minimums, reducedLimitedCompanyMinimum: reduced } = ruleSet.cndcec;
  const equityMask = formatMask("equity");
  const capitalMask = formatMask("shareCapital");
  const isEquityMissing = new Uint8Array(formatCodes.length);
  for (let row = 0; row < formatCodes.length; row += 1) {
    const formatCode = formatCodes[row] ?? 0;
    const equityCell = columns.equity?.[row] ?? Number.NaN;
    if (Number.isNaN(equityCell) && equityMask[formatCode] !== 1) {
      isEquityMissing[row] = 1;
      continue;
    }
    const equity = Number.isNaN(equityCell) ? 0 : equityCell;
    const form = legalForm[row] as keyof typeof minimums;
    let minimum = (minimums[form] ?? minimums.other).value;
    if (form === "srl") {
      const capitalCell = columns.shareCapital?.[row] ?? Number.NaN;
      const isCapitalKnown = !Number.isNaN(capitalCell) || capitalMask[formatCode] === 1;
      const capital = Number.isNaN(capitalCell) ? 0 : capitalCell;
      if (isCapitalKnown && capital < reduced.subscribedCapitalBelowCents.value) {
        minimum = reduced.minimumCents.value;
      }
    }
    if (equity < 0 || equity < minimum) isCrisisPresumed[row] = 1;
  }
  return isEquityMissing;
}

/**
 * The five CNDCEC indices of every row against its sector group's thresholds (group 0: none), and the
 * screen's crisis presumption. Rows whose format lacks equity get no screen: counts 0, as scoreCompanyYear does.
 */
export function computeIndexColumns(
  columns: StatementColumns,
  formatCodes: Uint8Array,
  sectorGroup: Uint8Array,
  legalForm: readonly string[],
  ruleSet: RuleSet,
): IndexColumns {
  const rowCount = formatCodes.length;
  const result: IndexColumns = {
    percent: {} as IndexColumns["percent"],
    isBreached: {} as IndexColumns["isBreached"],
    computableCount: new Uint8Array(rowCount),
    breachedCount: new Uint8Array(rowCount),
    isCrisisPresumed: new Uint8Array(rowCount),
  };
  for (const index of cndcecIndexIds) {
    computeIndexColumn(index, columns, formatCodes, sectorGroup, ruleSet, result);
  }
  const isEquityMissing = markEquityBelowMinimum(
    columns,
    formatCodes,
    legalForm,
    ruleSet,
    result.isCrisisPresumed,
  );
  for (let row = 0; row < rowCount; row += 1) {
    if (isEquityMissing[row] === 1) {
      result.computableCount[row] = 0;
      result.breachedCount[row] = 0;
    } else if (result.breachedCount[row] === cndcecIndexIds.length) result.isCrisisPresumed[row] = 1;
  }
  return result;
}
