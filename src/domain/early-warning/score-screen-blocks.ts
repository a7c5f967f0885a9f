import { compileSums, type ItemList, rowsPerBlock, runBlockSums, type SumProgram } from "./batch-programs.ts";
import { type BlockKernels, type BlockScratch, findBlockKernels } from "./block-kernels.ts";
import { findEquityMinimum, resolveLegalForm } from "./cndcec-screen.ts";
import { cndcecIndexIds, type RuleSet } from "./rule-sets/crisis-code-2019.ts";
import {
  compareWithThreshold,
  type IndexColumns,
  incomeStatementCashFlowTerms,
  indexFormulas,
  isNearThreshold,
  screenOutcomeCodes,
} from "./score-index-columns.ts";
import type { ItemColumns } from "./scoring-financial-aggregates.ts";
import { outcomeKey, tabulateScreenOutcomes } from "./screen-outcome-table.ts";

// The CNDCEC screen of a block of rows from the block's cells: the five indices against the row's sector
// thresholds (early-warning.md §1), then step 1 (equity below the legal minimum) and the outcome.

/** What the screen of a call needs, compiled once. */
export type ScreenPlan = {
  /** Each index's numerator and denominator (and I3's income-statement numerator), in cndcecIndexIds order. */
  program: SumProgram;
  sums: Float64Array;
  /** Offset in `sums` of each index's numerator; the denominator follows, then I3's second numerator. */
  numeratorAt: Int32Array;
  i3Position: number;
  /** thresholds[position × 256 + sector group], percent; NaN: the group has none. */
  thresholds: Float64Array;
  breachSigns: Float64Array;
  hasBenchmark: Uint8Array;
  equityAt: number;
  shareCapitalAt: number;
  /**
   * Per legal-form code c: at 2c the equity minimum, at 2c + 1 the reduced one of an S.r.l. whose
   * subscribed capital is below reducedBelowCapital.
   */
  equityMinimums: Float64Array;
  reducedBelowCapital: number;
  /** decideScreenOutcome of every row summary, at its outcomeKey. */
  outcomes: Uint8Array;
  /** How many indices of each row of the block are computable, and breached. */
  computableCounts: Float64Array;
  breachedCounts: Float64Array;
  /** For the screenIndex kernel: an index's percents, flags and row thresholds, and I3's chosen numerators. */
  percents: Float64Array;
  flags: Uint8Array;
  rowThresholds: Float64Array;
  i3Numerators: Float64Array;
};

/** Compiles the screen of a rule set for the batch's legal forms; its line items are added to `itemList`. */
export function planScreen(
  ruleSet: RuleSet,
  legalForms: readonly string[],
  itemList: ItemList,
  scratch: BlockScratch,
): ScreenPlan {
  const program = compileSums(
    cndcecIndexIds.flatMap((index) => {
      const formula = indexFormulas[index];
      const parts = [formula.numerator, formula.denominator];
      if (index === "I3") parts.push(incomeStatementCashFlowTerms);
      return parts.map((terms) => ({ prefix: -1, terms }));
    }),
    itemList.cellOf,
  );
  const numeratorAt = new Int32Array(cndcecIndexIds.length);
  let sumAt = 0;
  cndcecIndexIds.forEach((index, position) => {
    numeratorAt[position] = sumAt * rowsPerBlock;
    sumAt += index === "I3" ? 3 : 2;
  });
  const { cndcec } = ruleSet;
  const thresholds = new Float64Array(cndcecIndexIds.length * 256).fill(Number.NaN);
  const hasBenchmark = new Uint8Array(256);
  for (const [group, cells] of Object.entries(cndcec.thresholdsPercentByGroup)) {
    hasBenchmark[Number(group)] = 1;
    cndcecIndexIds.forEach((index, position) => {
      thresholds[position * 256 + Number(group)] = cells[index].value;
    });
  }
  return {
    program,
    sums: scratch.takeDoubles(program.prefix.length * rowsPerBlock),
    numeratorAt,
    i3Position: cndcecIndexIds.indexOf("I3"),
    thresholds,
    breachSigns: Float64Array.from(cndcecIndexIds, (index) =>
      cndcec.directions[index].value === "above" ? 1 : -1,
    ),
    hasBenchmark,
    equityAt: itemList.cellOf("equity") * rowsPerBlock,
    shareCapitalAt: itemList.cellOf("shareCapital") * rowsPerBlock,
    equityMinimums: Float64Array.from(
      legalForms.flatMap((form) => [
        findEquityMinimum(ruleSet, resolveLegalForm(form), undefined).value,
        findEquityMinimum(ruleSet, resolveLegalForm(form), 0).value,
      ]),
    ),
    reducedBelowCapital: cndcec.reducedLimitedCompanyMinimum.subscribedCapitalBelowCents.value,
    outcomes: tabulateScreenOutcomes(),
    computableCounts: scratch.takeDoubles(rowsPerBlock),
    breachedCounts: scratch.takeDoubles(rowsPerBlock),
    percents: scratch.takeDoubles(rowsPerBlock),
    flags: scratch.takeBytes(rowsPerBlock),
    rowThresholds: scratch.takeDoubles(rowsPerBlock),
    i3Numerators: scratch.takeDoubles(rowsPerBlock),
  };
}

/**
 * Whether a cell of an optional column is missing (no column, NaN, or no value at that row). Not written
 * `column?.[row] ?? NaN` in the row loop: V8 boxes the double it loads there on every row.
 */
function isMissingCell(column: Float64Array | readonly number[] | undefined, row: number): boolean {
  if (column === undefined) return true;
  if (column instanceof Float64Array) return Number.isNaN(column[row] as number);
  return Number.isNaN(column[row] ?? Number.NaN);
}

/**
 * One index for the block's rows: its percent, and its breach of the row's sector threshold (counted). I3's
 * numerator is chosen and each row's threshold read first; the rows are then flagged by the screenIndex
 * kernel (or flagIndexRows, its loop), and those too close to their threshold to tell in doubles are
 * decided exactly (compareWithThreshold).
 */
function computeIndexBlock(
  plan: ScreenPlan,
  kernels: BlockKernels | undefined,
  position: number,
  adjustments: Float64Array | readonly number[] | undefined,
  sectorGroup: Uint8Array,
  percentColumn: Float64Array,
  breachedColumn: Uint8Array,
  start: number,
  length: number,
): void {
  const { sums, percents, flags, rowThresholds, i3Numerators, computableCounts, breachedCounts } = plan;
  const numeratorOffset = plan.numeratorAt[position] as number;
  const denominatorOffset = numeratorOffset + rowsPerBlock;
  let numerators = sums;
  let numeratorAt = numeratorOffset;
  if (position === plan.i3Position) {
    // I3: the cash-flow statement's total when the filing has it (a cell that is not NaN), else the
    // income statement's.
    const incomeOffset = numeratorOffset + 2 * rowsPerBlock;
    for (let row = 0; row < length; row += 1) {
      const offset = isMissingCell(adjustments, start + row) ? incomeOffset : numeratorOffset;
      i3Numerators[row] = sums[offset + row] as number;
    }
    numerators = i3Numerators;
    numeratorAt = 0;
  }
  // NaN where the row's sector group has no thresholds: never breached.
  const { thresholds } = plan;
  const thresholdOffset = position * 256;
  for (let row = 0; row < length; row += 1) {
    rowThresholds[row] = thresholds[thresholdOffset + (sectorGroup[start + row] as number)] as number;
  }
  const breachSign = plan.breachSigns[position] as number;
  const outputs = { percents, flags, computableCounts, breachedCounts };
  const nearCount = kernels
    ? kernels.screenIndex(
        outputs,
        numerators,
        numeratorAt,
        sums,
        denominatorOffset,
        rowThresholds,
        breachSign,
        length,
      )
    : flagIndexRows(
        outputs,
        numerators,
        numeratorAt,
        sums,
        denominatorOffset,
        rowThresholds,
        breachSign,
        length,
      );
  for (let row = 0; nearCount > 0 && row < length; row += 1) {
    const flag = flags[row] as number;
    if ((flag & 2) === 0) continue;
    const numerator = numerators[numeratorAt + row] as number;
    const denominator = sums[denominatorOffset + row] as number;
    const comparison = compareWithThreshold(
      numerator,
      denominator,
      percents[row] as number,
      rowThresholds[row] as number,
    );
    const breached = comparison === breachSign ? 1 : 0;
    breachedCounts[row] = (breachedCounts[row] as number) + breached - (flag & 1);
    flags[row] = breached;
  }
  percentColumn.set(percents.subarray(0, length), start);
  breachedColumn.set(flags.subarray(0, length), start);
}

/**
 * The screenIndex kernel's loop in JavaScript (BlockKernels.screenIndex says what it does), where
 * WebAssembly SIMD is missing; the kernel's reference in tests.
 */
function flagIndexRows(
  outputs: Parameters<BlockKernels["screenIndex"]>[0],
  numerators: Float64Array,
  numeratorAt: number,
  denominators: Float64Array,
  denominatorAt: number,
  thresholds: Float64Array,
  breachSign: number,
  length: number,
): number {
  const { percents, flags, computableCounts, breachedCounts } = outputs;
  let nearCount = 0;
  for (let row = 0; row < length; row += 1) {
    const numerator = numerators[numeratorAt + row] as number;
    const denominator = denominators[denominatorAt + row] as number;
    // Computable: both sums known and the denominator not 0 (counted without a branch).
    const computable = +!Number.isNaN(numerator) & +!Number.isNaN(denominator) & +(denominator !== 0);
    const percent = (numerator * 100) / denominator;
    percents[row] = computable === 1 ? percent : Number.NaN;
    const threshold = thresholds[row] as number;
    const distance = percent - threshold;
    const breached = +(distance * breachSign > 0) & computable;
    const near = +isNearThreshold(distance, percent, threshold) & computable;
    flags[row] = breached | (near << 1);
    computableCounts[row] = (computableCounts[row] as number) + computable;
    breachedCounts[row] = (breachedCounts[row] as number) + breached;
    nearCount += near;
  }
  return nearCount;
}

/**
 * The five indices and the screen's outcome of rows start … start + length − 1, whose cells are in
 * `cells`. Rows whose format has no equity get no screen: counts 0, as scoreCompanyYear does.
 */
export function screenBlock(
  plan: ScreenPlan,
  cells: Float64Array,
  current: ItemColumns,
  sectorGroup: Uint8Array,
  legalFormCodes: Uint8Array,
  result: IndexColumns,
  start: number,
  length: number,
): void {
  runBlockSums(plan.program, cells, plan.sums, length);
  const { computableCounts, breachedCounts } = plan;
  computableCounts.fill(0);
  breachedCounts.fill(0);
  const kernels = findBlockKernels(
    plan.sums,
    plan.percents,
    plan.flags,
    plan.rowThresholds,
    plan.i3Numerators,
    computableCounts,
    breachedCounts,
  );
  const adjustments = current.nonMonetaryAdjustments;
  cndcecIndexIds.forEach((index, position) => {
    const percentColumn = result.percent[index];
    const breachedColumn = result.isBreached[index];
    computeIndexBlock(
      plan,
      kernels,
      position,
      adjustments,
      sectorGroup,
      percentColumn,
      breachedColumn,
      start,
      length,
    );
  });
  const { equityAt, shareCapitalAt, equityMinimums, reducedBelowCapital, hasBenchmark, outcomes } = plan;
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    const equity = cells[equityAt + row] as number;
    // Step 1: findEquityMinimum of the row's legal form, read from the two values planScreen took from it
    // (capital below the reduced-minimum limit, or not known); a missing share capital is not known.
    const capital = cells[shareCapitalAt + row] as number;
    const minimum = equityMinimums[
      2 * (legalFormCodes[at] as number) + +(capital < reducedBelowCapital)
    ] as number;
    const isEquityMissing = +Number.isNaN(equity);
    const isBelowMinimum = +(equity < 0) | +(equity < minimum);
    // Without equity the row has no screen: its counts are 0.
    const kept = 1 - isEquityMissing;
    const computable = (computableCounts[row] as number) * kept;
    const breached = (breachedCounts[row] as number) * kept;
    const outcome = outcomes[
      outcomeKey(
        isEquityMissing,
        isBelowMinimum,
        hasBenchmark[sectorGroup[at] as number] as number,
        breached,
        computable,
      )
    ] as number;
    result.computableCount[at] = computable;
    result.breachedCount[at] = breached;
    result.screenOutcome[at] = outcome;
    result.isCrisisPresumed[at] =
      +(outcome === screenOutcomeCodes.equity) | +(outcome === screenOutcomeCodes.allIndices);
  }
}

/** The index and screen columns of `rowCount` rows (every cell is written by screenBlock). */
export function createIndexColumns(rowCount: number): IndexColumns {
  const percent = {} as IndexColumns["percent"];
  const isBreached = {} as IndexColumns["isBreached"];
  for (const index of cndcecIndexIds) {
    percent[index] = new Float64Array(rowCount);
    isBreached[index] = new Uint8Array(rowCount);
  }
  return {
    percent,
    isBreached,
    computableCount: new Uint8Array(rowCount),
    breachedCount: new Uint8Array(rowCount),
    isCrisisPresumed: new Uint8Array(rowCount),
    screenOutcome: new Uint8Array(rowCount),
  };
}

/** Each row's legal form as a code (its index in `legalForms`); neighbouring rows often share theirs. */
export function encodeLegalForms(
  legalForm: readonly string[],
  rowCount: number,
): { legalFormCodes: Uint8Array; legalForms: string[] } {
  const legalFormCodes = new Uint8Array(rowCount);
  const legalForms: string[] = [];
  let last: string | undefined;
  let lastCode = 0;
  for (let row = 0; row < rowCount; row += 1) {
    const form = legalForm[row] as string;
    if (form !== last || row === 0) {
      lastCode = legalForms.indexOf(form);
      if (lastCode === -1) {
        if (legalForms.length === 256)
          throw new RangeError("More than 256 distinct legal forms in one batch");
        lastCode = legalForms.push(form) - 1;
      }
      last = form;
    }
    legalFormCodes[row] = lastCode;
  }
  return { legalFormCodes, legalForms };
}
