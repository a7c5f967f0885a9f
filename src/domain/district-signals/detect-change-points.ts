import { summariseBaseline } from "./robust-statistics.ts";

export type ChangePointParameters = {
  /** Penalty = multiplier · σ² · ln n (2). */
  penaltyMultiplier: number;
  /** Fewest observations in a segment (4). */
  minimumSegmentLength: number;
  /** 1.4826: σ = factor × MAD(first differences)/√2. */
  medianAbsoluteDeviationFactor: number;
  /** 1.253314: used in place of the MAD term when the differences' MAD is 0. */
  meanAbsoluteDeviationFactor: number;
};

/** How σ was estimated from the first differences; "none" when they do not vary (no noise to scale by). */
export type NoiseEstimateMethod = "median_absolute_deviation" | "mean_absolute_deviation" | "none";

/** A regime: positions `startIndex`…`endIndex` (inclusive) and its mean level, in the series' units. */
export type Segment = { startIndex: number; endIndex: number; mean: number };

export type ChangePointDetection = {
  /** Positions where a new segment starts (ascending; never 0). */
  changePointIndices: number[];
  segments: Segment[];
  /** σ, in the series' units. */
  noiseStandardDeviation: number;
  noiseEstimateMethod: NoiseEstimateMethod;
  /** β = multiplier · σ² · ln n, in squared units. */
  penalty: number;
};

/**
 * Robust noise σ: 1.4826·MAD of the first differences / √2 — differencing removes the level shifts
 * being looked for, and a difference of two independent errors has variance 2σ². When that MAD is 0,
 * 1.253314·mean absolute deviation of the differences (same fallback as the modified z-score).
 */
export function estimateNoiseStandardDeviation(
  values: readonly number[],
  parameters: Pick<ChangePointParameters, "medianAbsoluteDeviationFactor" | "meanAbsoluteDeviationFactor">,
): { standardDeviation: number; method: NoiseEstimateMethod } {
  if (values.length < 3) return { standardDeviation: 0, method: "none" };
  const differences = values.slice(1).map((value, index) => value - (values[index] ?? 0));
  const summary = summariseBaseline(differences);
  if (summary.medianAbsoluteDeviation > 0) {
    return {
      standardDeviation:
        (parameters.medianAbsoluteDeviationFactor * summary.medianAbsoluteDeviation) / Math.SQRT2,
      method: "median_absolute_deviation",
    };
  }
  if (summary.meanAbsoluteDeviation > 0) {
    return {
      standardDeviation:
        (parameters.meanAbsoluteDeviationFactor * summary.meanAbsoluteDeviation) / Math.SQRT2,
      method: "mean_absolute_deviation",
    };
  }
  return { standardDeviation: 0, method: "none" };
}

function buildSegments(values: readonly number[], changePointIndices: readonly number[]): Segment[] {
  const boundaries = [0, ...changePointIndices, values.length];
  return boundaries.slice(0, -1).map((startIndex, position) => {
    const endExclusive = boundaries[position + 1] ?? values.length;
    const slice = values.slice(startIndex, endExclusive);
    return {
      startIndex,
      endIndex: endExclusive - 1,
      mean: slice.reduce((sum, value) => sum + value, 0) / slice.length,
    };
  });
}

/**
 * PELT (Killick, Fearnhead, Eckley 2012) with the Gaussian mean-change cost (sum of squared deviations
 * from the segment mean), penalty 2·σ²·ln n and a minimum segment length; an exact minimiser of
 * total cost + penalty × segments. No change point when σ is 0 (constant or noiseless linear series).
 */
export function detectChangePoints(
  values: readonly number[],
  parameters: ChangePointParameters,
): ChangePointDetection {
  const count = values.length;
  const minimumLength = parameters.minimumSegmentLength;
  if (!Number.isInteger(minimumLength) || minimumLength < 1) {
    throw new RangeError(`Minimum segment length must be a positive integer, got ${minimumLength}`);
  }
  const noise = estimateNoiseStandardDeviation(values, parameters);
  const penalty =
    count > 1 ? parameters.penaltyMultiplier * noise.standardDeviation ** 2 * Math.log(count) : 0;
  const noChange = (): ChangePointDetection => ({
    changePointIndices: [],
    segments: count === 0 ? [] : buildSegments(values, []),
    noiseStandardDeviation: noise.standardDeviation,
    noiseEstimateMethod: noise.method,
    penalty,
  });
  if (noise.method === "none" || count < 2 * minimumLength) return noChange();

  // Prefix sums make the cost of any segment O(1): Σ(y − ȳ)² = Σy² − (Σy)²/m.
  const prefixSum = [0];
  const prefixSquares = [0];
  values.forEach((value, index) => {
    prefixSum.push((prefixSum[index] ?? 0) + value);
    prefixSquares.push((prefixSquares[index] ?? 0) + value * value);
  });
  const segmentCost = (start: number, end: number): number => {
    const sum = (prefixSum[end] ?? 0) - (prefixSum[start] ?? 0);
    const squares = (prefixSquares[end] ?? 0) - (prefixSquares[start] ?? 0);
    return Math.max(0, squares - (sum * sum) / (end - start));
  };

  // bestCost[t]: optimal penalised cost of values[0…t−1]; lastChange[t]: start of its final segment.
  const bestCost: number[] = new Array(count + 1).fill(Number.POSITIVE_INFINITY);
  const lastChange: number[] = new Array(count + 1).fill(0);
  bestCost[0] = -penalty;
  let candidates: number[] = [];
  for (let end = minimumLength; end <= count; end += 1) {
    const newCandidate = end - minimumLength;
    if (newCandidate === 0 || newCandidate >= minimumLength) candidates.push(newCandidate);
    const costs = candidates.map(
      (start) => (bestCost[start] ?? Number.POSITIVE_INFINITY) + segmentCost(start, end) + penalty,
    );
    let best = Number.POSITIVE_INFINITY;
    costs.forEach((cost, position) => {
      // On ties the earliest start wins, so the segmentation is deterministic.
      if (cost < best) {
        best = cost;
        lastChange[end] = candidates[position] ?? 0;
      }
    });
    bestCost[end] = best;
    // Pruning (K = 0 for this cost): a start that cannot beat `best` now never will.
    candidates = candidates.filter((_, position) => (costs[position] ?? 0) - penalty <= best);
  }

  const changePointIndices: number[] = [];
  for (let end = count; end > 0; end = lastChange[end] ?? 0) {
    const start = lastChange[end] ?? 0;
    if (start > 0) changePointIndices.unshift(start);
  }
  return {
    changePointIndices,
    segments: buildSegments(values, changePointIndices),
    noiseStandardDeviation: noise.standardDeviation,
    noiseEstimateMethod: noise.method,
    penalty,
  };
}
