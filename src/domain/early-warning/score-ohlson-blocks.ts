import {
  type AggregateProgram,
  type ColumnReader,
  compileAggregates,
  computeBlockAggregates,
  createColumnReader,
  createItemList,
  readBlockCells,
  rowsPerBlock,
} from "./batch-programs.ts";
import { type BlockKernels, type BlockScratch, findBlockKernels } from "./block-kernels.ts";
import { findOhlsonKernelCoefficients, type OhlsonKernelCoefficients } from "./ohlson-kernel-code.ts";
import type { BatchScores } from "./score-batch.ts";
import type { ModelPlan } from "./score-model-blocks.ts";
import type { AggregateId, ItemColumns } from "./scoring-financial-aggregates.ts";
import {
  computeOhlsonProbability,
  computeOhlsonScore,
  computeOhlsonSize,
  createPriceLevelIndexLookup,
  findOhlsonZoneCode,
  type OhlsonRowInputs,
} from "./scoring-ohlson.ts";
import type { DistressModelsRuleSet } from "./scoring-rule-set.ts";

// Ohlson's T and P for a block of rows (scoreModelBlock calls it after the other models): the current
// year's aggregates from the block, the previous year's net income read from the previous year's
// columns, and the price-level index of each row's period-end year.

/** Ohlson's extra inputs: the previous year's net income (from the previous year's columns) and the index. */
export type OhlsonPlan = {
  reader: ColumnReader;
  program: AggregateProgram;
  cells: Float64Array;
  previousNetIncome: Float64Array;
  readPriceLevelIndex: (year: number | undefined) => number;
  inputs: OhlsonRowInputs;
  /** Each row's T; for the scoreOhlson kernel, each row's SIZE and price-level index. */
  sizes: Float64Array;
  indices: Float64Array;
  scores: Float64Array;
  coefficients: OhlsonKernelCoefficients;
  offsets: Record<Exclude<keyof OhlsonRowInputs, "previousNetIncome" | "priceLevelIndex">, number>;
};

export function planOhlson(
  ruleSet: DistressModelsRuleSet,
  previous: ItemColumns,
  offsetOf: (id: AggregateId) => number,
  scratch: BlockScratch,
): OhlsonPlan {
  const itemList = createItemList();
  const program = compileAggregates(["netIncome"], itemList);
  return {
    reader: createColumnReader(itemList.items, previous, scratch),
    program,
    cells: scratch.takeDoubles(itemList.items.length * rowsPerBlock),
    previousNetIncome: scratch.takeDoubles(rowsPerBlock),
    sizes: scratch.takeDoubles(rowsPerBlock),
    indices: scratch.takeDoubles(rowsPerBlock),
    scores: scratch.takeDoubles(rowsPerBlock),
    coefficients: findOhlsonKernelCoefficients(ruleSet.ohlson),
    readPriceLevelIndex: createPriceLevelIndexLookup(ruleSet.ohlson),
    inputs: {
      totalAssets: 0,
      totalLiabilities: 0,
      workingCapital: 0,
      currentLiabilities: 0,
      currentAssets: 0,
      netIncome: 0,
      fundsFromOperations: 0,
      previousNetIncome: 0,
      priceLevelIndex: 0,
    },
    offsets: {
      totalAssets: offsetOf("totalAssets"),
      totalLiabilities: offsetOf("totalLiabilities"),
      workingCapital: offsetOf("workingCapital"),
      currentLiabilities: offsetOf("currentLiabilities"),
      currentAssets: offsetOf("currentAssets"),
      netIncome: offsetOf("netIncome"),
      fundsFromOperations: offsetOf("fundsFromOperations"),
    },
  };
}

/** Ohlson's T and P, with the previous year's net income and the price-level index of the period-end year. */
export function scoreOhlsonBlock(
  plan: ModelPlan,
  ohlson: OhlsonPlan,
  previousFormatCodes: Uint8Array,
  periodEndYear: Float64Array | readonly number[] | undefined,
  result: NonNullable<BatchScores["ohlson"]>,
  start: number,
  length: number,
) {
  const rule = plan.ruleSet.ohlson;
  const { aggregates } = plan;
  const { inputs, offsets, previousNetIncome } = ohlson;
  readBlockCells(ohlson.reader, previousFormatCodes, start, length, ohlson.cells);
  computeBlockAggregates(ohlson.program, ohlson.cells, previousFormatCodes, start, length, previousNetIncome);
  const kernels = findBlockKernels(
    aggregates,
    previousNetIncome,
    ohlson.sizes,
    ohlson.indices,
    ohlson.scores,
  );
  if (kernels) computeOhlsonScoresWithKernel(plan, ohlson, kernels, periodEndYear, start, length);
  else {
    for (let row = 0; row < length; row += 1) {
      inputs.totalAssets = aggregates[offsets.totalAssets + row] as number;
      inputs.totalLiabilities = aggregates[offsets.totalLiabilities + row] as number;
      inputs.workingCapital = aggregates[offsets.workingCapital + row] as number;
      inputs.currentLiabilities = aggregates[offsets.currentLiabilities + row] as number;
      inputs.currentAssets = aggregates[offsets.currentAssets + row] as number;
      inputs.netIncome = aggregates[offsets.netIncome + row] as number;
      inputs.fundsFromOperations = aggregates[offsets.fundsFromOperations + row] as number;
      inputs.previousNetIncome = previousNetIncome[row] as number;
      inputs.priceLevelIndex = ohlson.readPriceLevelIndex(periodEndYear?.[start + row]);
      ohlson.scores[row] = computeOhlsonScore(rule, inputs);
    }
  }
  // T, P and the zone of each row; not computable where T is not finite.
  const { value, zone, score: scores } = result;
  for (let row = 0; row < length; row += 1) {
    const at = start + row;
    const score = ohlson.scores[row] as number;
    if (!(score - score === 0)) {
      scores[at] = Number.NaN;
      value[at] = Number.NaN;
      zone[at] = 0;
      continue;
    }
    const probability = computeOhlsonProbability(score);
    scores[at] = score;
    value[at] = probability;
    zone[at] = findOhlsonZoneCode(probability, rule);
  }
}

/** Each row's T into ohlson.scores with the scoreOhlson kernel, SIZE and the index computed per row first. */
function computeOhlsonScoresWithKernel(
  plan: ModelPlan,
  ohlson: OhlsonPlan,
  kernels: BlockKernels,
  periodEndYear: Float64Array | readonly number[] | undefined,
  start: number,
  length: number,
) {
  const { aggregates } = plan;
  const { sizes, indices, offsets } = ohlson;
  const totalAssetsAt = offsets.totalAssets;
  for (let row = 0; row < length; row += 1) {
    const index = ohlson.readPriceLevelIndex(periodEndYear?.[start + row]);
    indices[row] = index;
    sizes[row] = computeOhlsonSize(aggregates[totalAssetsAt + row] as number, index);
  }
  kernels.scoreOhlson(
    ohlson.scores,
    sizes,
    indices,
    aggregates,
    offsets,
    ohlson.previousNetIncome,
    ohlson.coefficients,
    length,
  );
}
