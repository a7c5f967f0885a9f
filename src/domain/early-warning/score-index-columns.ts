import type { LineItemId } from "../statements/line-items.ts";
import { type CndcecIndexTerm, findCndcecIndexTerms } from "./cndcec-indices.ts";
import { compareRatioWithPercent } from "./compare-ratio.ts";
import { type CndcecIndexId, cndcecIndexIds, type RuleSet } from "./rule-sets/crisis-code-2019.ts";
import { findOmittedCellValues, type StatementColumns } from "./scoring-financial-aggregates.ts";

// The columnar twin of computeCndcecIndices and screenCrisisCode for the batch path: same formulas and §0
// reading; declared dividends are 0 and no DSCR is supplied, as when scoring filed statements.
// score-company-year-columns.test.ts compares every row with the per-row path.

type Term = { item: LineItemId; sign: 1 | -1 };

// The formulas are computeCndcecIndices' own; declared dividends are 0 when scoring filed statements, so
// their term (in I2's numerator) is left out.
const toItemTerms = (terms: readonly CndcecIndexTerm[]): Term[] =>
  terms.flatMap(({ name, sign }) => (name === "declaredDividends" ? [] : [{ item: name, sign }]));

/** The CNDCEC formulas (early-warning.md §1), I3 with the cash-flow statement's total. */
export const indexFormulas = Object.fromEntries(
  cndcecIndexIds.map((index) => {
    const terms = findCndcecIndexTerms(index, "cash_flow_statement");
    return [index, { numerator: toItemTerms(terms.numerator), denominator: toItemTerms(terms.denominator) }];
  }),
) as Record<CndcecIndexId, { numerator: Term[]; denominator: Term[] }>;

/** I3's numerator without a cash-flow statement: NI + B.10 + B.12 + B.13 + B.9.c − D. */
export const incomeStatementCashFlowTerms: Term[] = toItemTerms(
  findCndcecIndexTerms("I3", "income_statement").numerator,
);

export type IndexColumns = {
  /** Percent per index, NaN where not computable. */
  percent: Record<CndcecIndexId, Float64Array>;
  /** 1 where the index is breached against the row's sector threshold. */
  isBreached: Record<CndcecIndexId, Uint8Array>;
  computableCount: Uint8Array;
  breachedCount: Uint8Array;
  /** 1 where the screen presumes a crisis (equity below the legal minimum, or all five indices breached). */
  isCrisisPresumed: Uint8Array;
  /** The screen's outcome of each row, as its index in screenOutcomes. */
  screenOutcome: Uint8Array;
};

/**
 * The outcomes of screenCrisisCode without a DSCR (the zone stored for the screen, and what decided a
 * presumed crisis); "not_computable": the format has no equity.
 */
export const screenOutcomes = [
  { kind: "not_computable" },
  { kind: "crisis_presumed", trigger: "equity" },
  { kind: "crisis_presumed", trigger: "all_indices" },
  { kind: "partial_signals" },
  { kind: "no_signal" },
  { kind: "incomplete" },
  { kind: "no_benchmark" },
] as const;

const outcomeCode = {
  notComputable: 0,
  equity: 1,
  allIndices: 2,
  partialSignals: 3,
  noSignal: 4,
  incomplete: 5,
  noBenchmark: 6,
} as const;

// Rows are taken a block at a time, with scratch arrays reused from block to block (they stay in cache).
const rowsPerBlock = 2048;

type Scratch = {
  numerator: Float64Array;
  denominator: Float64Array;
  missing: Uint8Array;
  incomeNumerator: Float64Array;
  incomeMissing: Uint8Array;
  isEquityMissing: Uint8Array;
  isEquityBelowMinimum: Uint8Array;
};

/** Adds the signed terms of rows start … start + length − 1 into `sums`, flagging rows where an item is missing (§0). */
function addTerms(
  terms: readonly Term[],
  columns: StatementColumns,
  formatCodes: Uint8Array,
  start: number,
  length: number,
  sums: Float64Array,
  missing: Uint8Array,
): void {
  for (const { item, sign } of terms) {
    const column = columns[item];
    // NaN for a format without the item: an omitted cell is then missing, not 0.
    const omitted = findOmittedCellValues(item);
    if (!column) {
      for (let row = 0; row < length; row += 1) {
        if (Number.isNaN(omitted[formatCodes[start + row] ?? 0])) missing[row] = 1;
      }
      continue;
    }
    for (let row = 0; row < length; row += 1) {
      const cell = column[start + row] ?? Number.NaN;
      if (!Number.isNaN(cell)) sums[row] = (sums[row] ?? 0) + sign * cell;
      else if (Number.isNaN(omitted[formatCodes[start + row] ?? 0])) missing[row] = 1;
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

/** Per sector group (0–255), the index's threshold in percent (NaN: none). */
function findThresholds(index: CndcecIndexId, ruleSet: RuleSet): Float64Array {
  const thresholds = new Float64Array(256).fill(Number.NaN);
  for (const [group, cells] of Object.entries(ruleSet.cndcec.thresholdsPercentByGroup)) {
    thresholds[Number(group)] = cells[index].value;
  }
  return thresholds;
}

/** The numerator, denominator and missing flags of one index for a block of rows. */
function sumIndexTerms(
  index: CndcecIndexId,
  columns: StatementColumns,
  formatCodes: Uint8Array,
  start: number,
  length: number,
  scratch: Scratch,
): void {
  const { numerator, denominator, missing } = scratch;
  numerator.fill(0, 0, length);
  denominator.fill(0, 0, length);
  missing.fill(0, 0, length);
  const formula = indexFormulas[index];
  addTerms(formula.numerator, columns, formatCodes, start, length, numerator, missing);
  if (index === "I3") {
    // The cash-flow statement's total when the filing has it (a cell that is not NaN), else the income statement.
    const { incomeNumerator, incomeMissing } = scratch;
    incomeNumerator.fill(0, 0, length);
    incomeMissing.fill(0, 0, length);
    addTerms(
      incomeStatementCashFlowTerms,
      columns,
      formatCodes,
      start,
      length,
      incomeNumerator,
      incomeMissing,
    );
    const adjustments = columns.nonMonetaryAdjustments;
    for (let row = 0; row < length; row += 1) {
      if (!Number.isNaN(adjustments?.[start + row] ?? Number.NaN)) continue;
      numerator[row] = incomeNumerator[row] ?? 0;
      missing[row] = incomeMissing[row] ?? 0;
    }
  }
  addTerms(formula.denominator, columns, formatCodes, start, length, denominator, missing);
}

function computeIndexRows(
  index: CndcecIndexId,
  thresholds: Float64Array,
  breachSign: number,
  sectorGroup: Uint8Array,
  start: number,
  length: number,
  scratch: Scratch,
  result: IndexColumns,
): void {
  const { numerator, denominator, missing } = scratch;
  const percentColumn = result.percent[index];
  const breachedColumn = result.isBreached[index];
  const { computableCount, breachedCount } = result;
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    const top = numerator[row] ?? 0;
    const bottom = denominator[row] ?? 0;
    if (missing[row] === 1 || bottom === 0) {
      percentColumn[at] = Number.NaN;
      continue;
    }
    const percent = (top * 100) / bottom;
    percentColumn[at] = percent;
    computableCount[at] = (computableCount[at] ?? 0) + 1;
    const threshold = thresholds[sectorGroup[at] ?? 0] ?? Number.NaN;
    if (Number.isNaN(threshold)) continue;
    if (compareWithThreshold(top, bottom, percent, threshold) === breachSign) {
      breachedColumn[at] = 1;
      breachedCount[at] = (breachedCount[at] ?? 0) + 1;
    }
  }
}

/** Step 1 of the screen for a block: equity below the legal form's minimum (the S.r.l. one chosen by share capital). */
function markEquityBelowMinimum(
  columns: StatementColumns,
  formatCodes: Uint8Array,
  legalForm: readonly string[],
  ruleSet: RuleSet,
  start: number,
  length: number,
  isEquityMissing: Uint8Array,
  isEquityBelowMinimum: Uint8Array,
): void {
  const { equityMinimumCentsByLegalForm: minimums, reducedLimitedCompanyMinimum: reduced } = ruleSet.cndcec;
  const omittedEquity = findOmittedCellValues("equity");
  const omittedCapital = findOmittedCellValues("shareCapital");
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    const formatCode = formatCodes[at] ?? 0;
    const equityCell = columns.equity?.[at] ?? Number.NaN;
    isEquityMissing[row] = 0;
    isEquityBelowMinimum[row] = 0;
    if (Number.isNaN(equityCell) && Number.isNaN(omittedEquity[formatCode])) {
      isEquityMissing[row] = 1;
      continue;
    }
    const equity = Number.isNaN(equityCell) ? 0 : equityCell;
    const form = legalForm[at] as keyof typeof minimums;
    let minimum = (minimums[form] ?? minimums.other).value;
    if (form === "srl") {
      const capitalCell = columns.shareCapital?.[at] ?? Number.NaN;
      const isCapitalKnown = !Number.isNaN(capitalCell) || !Number.isNaN(omittedCapital[formatCode]);
      const capital = Number.isNaN(capitalCell) ? 0 : capitalCell;
      if (isCapitalKnown && capital < reduced.subscribedCapitalBelowCents.value) {
        minimum = reduced.minimumCents.value;
      }
    }
    if (equity < 0 || equity < minimum) isEquityBelowMinimum[row] = 1;
  }
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
    screenOutcome: new Uint8Array(rowCount),
  };
  for (const index of cndcecIndexIds) {
    result.percent[index] = new Float64Array(rowCount);
    result.isBreached[index] = new Uint8Array(rowCount);
  }
  const blockRows = Math.max(1, Math.min(rowsPerBlock, rowCount));
  const scratch: Scratch = {
    numerator: new Float64Array(blockRows),
    denominator: new Float64Array(blockRows),
    missing: new Uint8Array(blockRows),
    incomeNumerator: new Float64Array(blockRows),
    incomeMissing: new Uint8Array(blockRows),
    isEquityMissing: new Uint8Array(blockRows),
    isEquityBelowMinimum: new Uint8Array(blockRows),
  };
  const thresholds = cndcecIndexIds.map((index) => findThresholds(index, ruleSet));
  const breachSigns = cndcecIndexIds.map((index) =>
    ruleSet.cndcec.directions[index].value === "above" ? 1 : -1,
  );
  const hasBenchmark = new Uint8Array(256);
  for (const group of Object.keys(ruleSet.cndcec.thresholdsPercentByGroup)) hasBenchmark[Number(group)] = 1;
  for (let start = 0; start < rowCount; start += rowsPerBlock) {
    const length = Math.min(rowCount, start + rowsPerBlock) - start;
    cndcecIndexIds.forEach((index, position) => {
      sumIndexTerms(index, columns, formatCodes, start, length, scratch);
      computeIndexRows(
        index,
        thresholds[position] as Float64Array,
        breachSigns[position] ?? 1,
        sectorGroup,
        start,
        length,
        scratch,
        result,
      );
    });
    const { isEquityMissing, isEquityBelowMinimum } = scratch;
    markEquityBelowMinimum(
      columns,
      formatCodes,
      legalForm,
      ruleSet,
      start,
      length,
      isEquityMissing,
      isEquityBelowMinimum,
    );
    for (let row = 0; row < length; row += 1) {
      const at = start + row;
      const breached = result.breachedCount[at] ?? 0;
      let outcome: number;
      if (isEquityMissing[row] === 1) {
        result.computableCount[at] = 0;
        result.breachedCount[at] = 0;
        outcome = outcomeCode.notComputable;
      } else if (isEquityBelowMinimum[row] === 1) outcome = outcomeCode.equity;
      else if (hasBenchmark[sectorGroup[at] ?? 0] !== 1) outcome = outcomeCode.noBenchmark;
      else if (breached === cndcecIndexIds.length) outcome = outcomeCode.allIndices;
      else if (breached > 0) outcome = outcomeCode.partialSignals;
      else if (result.computableCount[at] === cndcecIndexIds.length) outcome = outcomeCode.noSignal;
      else outcome = outcomeCode.incomplete;
      result.screenOutcome[at] = outcome;
      if (outcome === outcomeCode.equity || outcome === outcomeCode.allIndices)
        result.isCrisisPresumed[at] = 1;
    }
  }
  return result;
}
