/**
 * LOESS on evenly spaced positions 0…n−1, as STL uses it (Cleveland et al. 1990; the netlib Fortran
 * `stlest`/`stless` routines): tricube weights over the `span` nearest positions, times optional
 * robustness weights, then a local constant (degree 0) or local linear (degree 1) fit.
 */
export type LoessOptions = {
  /** q: number of neighbours (odd). When larger than n the bandwidth grows by ⌊(q − n)/2⌋. */
  span: number;
  degree: 0 | 1;
  /** Per-position robustness weights in [0, 1], or undefined for all 1. */
  robustnessWeights?: readonly number[] | undefined;
};

/**
 * The fitted value at position `at` (may lie outside 0…n−1) from the neighbours `left`…`right`
 * (inclusive); undefined when every weight is zero. Units are those of `values`.
 */
export function fitLoessAt(
  values: readonly number[],
  at: number,
  left: number,
  right: number,
  options: LoessOptions,
): number | undefined {
  const count = values.length;
  const range = count - 1;
  let bandwidth = Math.max(at - left, right - at);
  if (options.span > count) bandwidth += Math.floor((options.span - count) / 2);
  // Fortran stlest: distances within 0.1 % of the bandwidth weigh 1, beyond 99.9 % weigh 0.
  const upperCut = 0.999 * bandwidth;
  const lowerCut = 0.001 * bandwidth;
  const weights: number[] = [];
  let weightSum = 0;
  for (let position = left; position <= right; position += 1) {
    const distance = Math.abs(position - at);
    let weight = 0;
    if (distance <= upperCut) {
      weight = distance <= lowerCut ? 1 : (1 - (distance / bandwidth) ** 3) ** 3;
      weight *= options.robustnessWeights?.[position] ?? 1;
    }
    weights.push(weight);
    weightSum += weight;
  }
  if (weightSum <= 0) return undefined;
  for (let offset = 0; offset < weights.length; offset += 1)
    weights[offset] = (weights[offset] ?? 0) / weightSum;
  if (bandwidth > 0 && options.degree === 1) {
    let weightedMean = 0;
    weights.forEach((weight, offset) => {
      weightedMean += weight * (left + offset);
    });
    let spread = 0;
    weights.forEach((weight, offset) => {
      spread += weight * (left + offset - weightedMean) ** 2;
    });
    // A nearly degenerate design (all weight on one position) falls back to the local constant fit.
    if (Math.sqrt(spread) > 0.001 * range) {
      const slope = (at - weightedMean) / spread;
      weights.forEach((weight, offset) => {
        weights[offset] = weight * (slope * (left + offset - weightedMean) + 1);
      });
    }
  }
  return weights.reduce((sum, weight, offset) => sum + weight * (values[left + offset] ?? 0), 0);
}

/** LOESS evaluated at every position 0…n−1 (a position whose weights are all zero keeps its value). */
export function smoothLoess(values: readonly number[], options: LoessOptions): number[] {
  const count = values.length;
  const smoothed: number[] = [];
  if (options.span >= count) {
    for (let position = 0; position < count; position += 1) {
      smoothed.push(fitLoessAt(values, position, 0, count - 1, options) ?? values[position] ?? 0);
    }
    return smoothed;
  }
  // The window of `span` positions slides so that it stays centred on the position where it can.
  const half = Math.floor((options.span + 1) / 2);
  let left = 0;
  let right = options.span - 1;
  for (let position = 0; position < count; position += 1) {
    if (position + 1 > half && right !== count - 1) {
      left += 1;
      right += 1;
    }
    smoothed.push(fitLoessAt(values, position, left, right, options) ?? values[position] ?? 0);
  }
  return smoothed;
}
