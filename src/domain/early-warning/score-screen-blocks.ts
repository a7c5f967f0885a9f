import { compileSums, type ItemList, rowsPerBlock, runBlockSums, type SumProgram } from "./batch-programs.ts";
import { findEquityMinimum, resolveLegalForm } from "./cndcec-screen.ts";
import { cndcecIndexIds, type RuleSet } from "./rule-sets/crisis-code-2019.ts";
import {
  compareWithThreshold,
  type IndexColumns,
  incomeStatementCashFlowTerms,
  indexFormulas,
  screenOutcomeCodes,
} from "./score-index-columns.ts";
import type { ItemColumns } from "./scoring-financial-aggregates.ts";

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
  /** Per legal-form code: the equity minimum, and the reduced one of an S.r.l. with small capital. */
  equityMinimums: Float64Array;
  reducedEquityMinimums: Float64Array;
  reducedBelowCapital: number;
  computableCounts: Uint8Array;
  breachedCounts: Uint8Array;
};

/** Compiles the screen of a rule set for the batch's legal forms; its line items are added to `itemList`. */
export function planScreen(ruleSet: RuleSet, legalForms: readonly string[], itemList: ItemList): ScreenPlan {
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
    sums: new Float64Array(program.prefix.length * rowsPerBlock),
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
      legalForms,
      (form) => findEquityMinimum(ruleSet, resolveLegalForm(form), undefined).value,
    ),
    reducedEquityMinimums: Float64Array.from(
      legalForms,
      (form) => findEquityMinimum(ruleSet, resolveLegalForm(form), 0).value,
    ),
    reducedBelowCapital: cndcec.reducedLimitedCompanyMinimum.subscribedCapitalBelowCents.value,
    computableCounts: new Uint8Array(rowsPerBlock),
    breachedCounts: new Uint8Array(rowsPerBlock),
  };
}

/** One index for the block's rows: its percent, and its breach of the row's sector threshold (counted). */
function computeIndexBlock(
  plan: ScreenPlan,
  position: number,
  adjustments: Float64Array | readonly number[] | undefined,
  sectorGroup: Uint8Array,
  percentColumn: Float64Array,
  breachedColumn: Uint8Array,
  start: number,
  length: number,
): void {
  const { sums, computableCounts, breachedCounts, thresholds } = plan;
  const numeratorOffset = plan.numeratorAt[position] as number;
  const denominatorOffset = numeratorOffset + rowsPerBlock;
  // I3: the cash-flow statement's total when the filing has it (a cell that is not NaN), else the income
  // statement's; -1 for the other indices.
  const incomeOffset = position === plan.i3Position ? numeratorOffset + 2 * rowsPerBlock : -1;
  const thresholdOffset = position * 256;
  const breachSign = plan.breachSigns[position] as number;
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    let numerator = sums[numeratorOffset + row] as number;
    const denominator = sums[denominatorOffset + row] as number;
    if (incomeOffset >= 0) {
      const adjustment = adjustments?.[at] ?? Number.NaN;
      if (Number.isNaN(adjustment)) numerator = sums[incomeOffset + row] as number;
    }
    breachedColumn[at] = 0;
    if (Number.isNaN(numerator) || Number.isNaN(denominator) || denominator === 0) {
      percentColumn[at] = Number.NaN;
      continue;
    }
    const percent = (numerator * 100) / denominator;
    percentColumn[at] = percent;
    computableCounts[row] = (computableCounts[row] as number) + 1;
    const threshold = thresholds[thresholdOffset + (sectorGroup[at] as number)] as number;
    if (Number.isNaN(threshold)) continue;
    if (compareWithThreshold(numerator, denominator, percent, threshold) === breachSign) {
      breachedColumn[at] = 1;
      breachedCounts[row] = (breachedCounts[row] as number) + 1;
    }
  }
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
  cndcecIndexIds.forEach((index, position) => {
    computeIndexBlock(
      plan,
      position,
      current.nonMonetaryAdjustments,
      sectorGroup,
      result.percent[index],
      result.isBreached[index],
      start,
      length,
    );
  });
  const { equityAt, shareCapitalAt, equityMinimums, reducedEquityMinimums, reducedBelowCapital } = plan;
  const indexCount = cndcecIndexIds.length;
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    const equity = cells[equityAt + row] as number;
    let computable = computableCounts[row] as number;
    let breached = breachedCounts[row] as number;
    // Step 1: findEquityMinimum of the row's legal form, read from the two values planScreen took from it
    // (capital below the reduced-minimum limit, or not known); a missing share capital is not known.
    const capital = cells[shareCapitalAt + row] as number;
    const code = legalFormCodes[at] as number;
    const minimum =
      capital < reducedBelowCapital
        ? (reducedEquityMinimums[code] as number)
        : (equityMinimums[code] as number);
    let outcome: number;
    if (Number.isNaN(equity)) {
      computable = 0;
      breached = 0;
      outcome = screenOutcomeCodes.notComputable;
    } else if (equity < 0 || equity < minimum) outcome = screenOutcomeCodes.equity;
    else if (plan.hasBenchmark[sectorGroup[at] as number] !== 1) outcome = screenOutcomeCodes.noBenchmark;
    else if (breached === indexCount) outcome = screenOutcomeCodes.allIndices;
    else if (breached > 0) outcome = screenOutcomeCodes.partialSignals;
    else if (computable === indexCount) outcome = screenOutcomeCodes.noSignal;
    else outcome = screenOutcomeCodes.incomplete;
    result.computableCount[at] = computable;
    result.breachedCount[at] = breached;
    result.screenOutcome[at] = outcome;
    result.isCrisisPresumed[at] =
      outcome === screenOutcomeCodes.equity || outcome === screenOutcomeCodes.allIndices ? 1 : 0;
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
