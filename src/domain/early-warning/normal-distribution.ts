// The standard normal distribution function Φ, written here because src/domain takes no numeric library.
// W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev approximation for the error
// function", Mathematics of Computation 23 (1969) 631–637), in the form of his public-domain SPECFUN
// routine ANORM (Argonne, 1990): near-minimax rational functions that approximate Φ to at least 18
// significant digits in exact arithmetic, on three intervals of |x|:
// - |x| ≤ 0.66291: Φ(x) = ½ + x·A(x²)/B(x²);
// - 0.66291 < |x| ≤ √32: Q(|x|) = e^(−x²/2)·C(|x|)/D(|x|);
// - |x| > √32: Q(|x|) = e^(−x²/2)·(1/√(2π) − z·P(z)/Q(z))/|x|, z = 1/x²;
// where Q(|x|) = Φ(−|x|) is the tail and Φ(|x|) = 1 − Q(|x|). A fixed number of operations per call.

// 1 / √(2π) = 0.39894228040143267794…, to the precision of a double.
const inverseSquareRootOfTwoPi = 0.3989422804014327;
const innerLimit = 0.66291;
const middleLimit = Math.sqrt(32);
// The doubles adjacent to ½ (the spacing of doubles is 2⁻⁵⁴ just below ½ and 2⁻⁵³ just above).
const justBelowHalf = 0.5 - 2 ** -54;
const justAboveHalf = 0.5 + 2 ** -53;

// Cody (1969), as in ANORM (20 digits there; written here as the doubles they round to): A and B for the
// inner interval, C and D for the middle one, P and Q for the tail.
const a = [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356];
const a5 = 0.06568233791820745;
const b = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
const c = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978,
];
const c9 = 1.0765576773720192e-8;
const d = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
];
const p = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934, 2.9112874951168793e-5,
];
const p6 = 0.023073441764940174;
const q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824, 7.297515550839662e-5,
];

/** e^(−x²/2), with x² split so that it keeps full relative precision in the tails. */
function halfSquareExp(x: number): number {
  // coarse has at most 4 fractional bits, so coarse² is exact; the rest of x² is (x − coarse)(x + coarse).
  const coarse = Math.trunc(x * 16) / 16;
  const rest = (x - coarse) * (x + coarse);
  return Math.exp((-coarse * coarse) / 2) * Math.exp(-rest / 2);
}

/** φ(x) = e^(−x²/2) / √(2π). */
export function standardNormalDensity(x: number): number {
  return inverseSquareRootOfTwoPi * halfSquareExp(x);
}

/**
 * Φ(x) = P(Z ≤ x) for a standard normal Z. Precision (against 50-digit values on a 0.001 grid from −38
 * to 9): relative error below 1e-15 from −37.5 up (lower, Φ leaves the normal doubles and underflows to 0
 * near −38.5; above 8.3 it rounds to 1). The side of ½ is always
 * right: Φ(x) < ½ for every x < 0 and Φ(x) > ½ for every x > 0, even where the difference is below the
 * precision, so a cut-off of P = ½ decides exactly on the sign of x.
 */
export function standardNormalCdf(x: number): number {
  single[0] = x;
  computeStandardNormalCdfs(single, 0, single, 0, 1);
  return single[0] as number;
}

const single = new Float64Array(1);

/**
 * standardNormalCdf of xs[xsStart … xsStart + length − 1] into into[intoStart …] (the two may be the same
 * array): a loop without calls but Math.exp, so that a batch of rows keeps its doubles unboxed.
 */
export function computeStandardNormalCdfs(
  xs: Float64Array,
  xsStart: number,
  into: Float64Array,
  intoStart: number,
  length: number,
): void {
  for (let offset = 0; offset < length; offset += 1) {
    const x = xs[xsStart + offset] as number;
    let probability: number;
    const y = Math.abs(x);
    if (Number.isNaN(x)) probability = Number.NaN;
    else if (x === 0) probability = 0.5;
    else if (y <= innerLimit) {
      const square = x * x;
      let numerator = a5 * square;
      let denominator = square;
      for (let index = 0; index < 3; index += 1) {
        numerator = (numerator + (a[index] as number)) * square;
        denominator = (denominator + (b[index] as number)) * square;
      }
      probability = 0.5 + (x * (numerator + (a[3] as number))) / (denominator + (b[3] as number));
    } else {
      // The tail Q(y) = e^(−y²/2) · ratio, e^(−y²/2) computed as halfSquareExp computes it.
      let ratio = 0;
      if (y <= middleLimit) {
        let numerator = c9 * y;
        let denominator = y;
        for (let index = 0; index < 7; index += 1) {
          numerator = (numerator + (c[index] as number)) * y;
          denominator = (denominator + (d[index] as number)) * y;
        }
        ratio = (numerator + (c[7] as number)) / (denominator + (d[7] as number));
      } else if (y <= 40) {
        const z = 1 / (y * y);
        let numerator = p6 * z;
        let denominator = z;
        for (let index = 0; index < 4; index += 1) {
          numerator = (numerator + (p[index] as number)) * z;
          denominator = (denominator + (q[index] as number)) * z;
        }
        const correction = (z * (numerator + (p[4] as number))) / (denominator + (q[4] as number));
        ratio = (inverseSquareRootOfTwoPi - correction) / y;
      }
      const coarse = Math.trunc(y * 16) / 16;
      const rest = (y - coarse) * (y + coarse);
      const tail = ratio === 0 ? 0 : Math.exp((-coarse * coarse) / 2) * Math.exp(-rest / 2) * ratio;
      probability = x < 0 ? tail : 1 - tail;
    }
    // The right side of ½ for every x ≠ 0.
    if (x < 0) probability = Math.min(probability, justBelowHalf);
    else if (x > 0) probability = Math.max(probability, justAboveHalf);
    into[intoStart + offset] = probability;
  }
}
