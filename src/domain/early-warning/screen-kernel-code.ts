import { doublePairBytes, type WasmFunction, wasm, wasmTypes } from "../shared/write-wasm-module.ts";
import { addressOf, loopOverRowPairs, nanPair, onePair, zeroPair } from "./block-kernel-code.ts";
import { nearThresholdRelativeDistance } from "./score-index-columns.ts";

// One CNDCEC index of a block as a WebAssembly SIMD kernel (block-kernels.ts runs it; ADR 011), two rows
// at a time with the same IEEE 754 operations as flagIndexRows. The rare rows too close to their
// threshold to tell in doubles are flagged and decided exactly afterwards, in JavaScript.

const { i32, f64, v128 } = wasmTypes;

// screenIndex(percents, flags, computableCounts, breachedCounts, numerators, denominators, thresholds,
// length, breachSign) → the number of rows near their threshold. Per row, as flagIndexRows (its loop in
// score-screen-blocks.ts): computable where neither sum is NaN and the denominator is not 0; percent =
// (numerator × 100) ÷ denominator (NaN where not computable); breached where (percent − threshold) ×
// breachSign > 0; near where isNearThreshold: |percent − threshold| ≤ nearThresholdRelativeDistance ×
// (|percent| + |threshold|). Flags: 1 breached, 2 near (both only where computable); the counts gain 1
// where computable and where breached.
export const screenIndex: WasmFunction = {
  name: "screenIndex",
  params: [i32, i32, i32, i32, i32, i32, i32, i32, f64],
  results: [i32],
  locals: [i32, i32, v128, v128, v128, v128, v128, v128, v128, v128],
  body: (() => {
    const [percents, flags, computableCounts, breachedCounts, numerators, denominators, thresholds] = [
      0, 1, 2, 3, 4, 5, 6,
    ];
    const [length, breachSign, row, nearCount] = [7, 8, 9, 10];
    const [signs, numerator, denominator, computable, percent, distance, breached] = [
      11, 12, 13, 14, 15, 16, 17,
    ];
    const near = 18;
    const load = (base: number) => [...addressOf(base, row), ...wasm.v128Load];
    const maskToOne = (mask: number) => [...wasm.localGet(mask), ...wasm.v128Const(onePair), ...wasm.v128And];
    const accumulate = (base: number, mask: number) => [
      ...addressOf(base, row),
      ...load(base),
      ...maskToOne(mask),
      ...wasm.f64x2Add,
      ...wasm.v128Store,
    ];
    /** flags[row + lane] = the lane's breached (1) and near (2) bits. */
    const storeFlag = (lane: number) => [
      ...wasm.localGet(flags),
      ...wasm.localGet(row),
      ...wasm.i32Add,
      ...wasm.localGet(breached),
      ...wasm.i64x2ExtractLane(lane),
      ...wasm.i32WrapI64,
      ...wasm.i32Const(1),
      ...wasm.i32And,
      ...wasm.localGet(near),
      ...wasm.i64x2ExtractLane(lane),
      ...wasm.i32WrapI64,
      ...wasm.i32Const(2),
      ...wasm.i32And,
      ...wasm.i32Or,
      ...wasm.i32Store8(lane),
    ];
    const countNear = (lane: number) => [
      ...wasm.localGet(nearCount),
      ...wasm.localGet(near),
      ...wasm.i64x2ExtractLane(lane),
      ...wasm.i32WrapI64,
      ...wasm.i32Const(1),
      ...wasm.i32And,
      ...wasm.i32Add,
      ...wasm.localSet(nearCount),
    ];
    return [
      ...wasm.localGet(breachSign),
      ...wasm.f64x2Splat,
      ...wasm.localSet(signs),
      ...wasm.i32Const(0),
      ...wasm.localSet(nearCount),
      ...loopOverRowPairs(row, length, [
        ...load(numerators),
        ...wasm.localSet(numerator),
        ...load(denominators),
        ...wasm.localSet(denominator),
        // Computable: neither sum NaN, the denominator not 0.
        ...wasm.localGet(numerator),
        ...wasm.localGet(numerator),
        ...wasm.f64x2Equal,
        ...wasm.localGet(denominator),
        ...wasm.localGet(denominator),
        ...wasm.f64x2Equal,
        ...wasm.v128And,
        ...wasm.localGet(denominator),
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2Equal,
        ...wasm.v128AndNot,
        ...wasm.localSet(computable),
        // percent = (numerator × 100) ÷ denominator, stored NaN where not computable.
        ...wasm.localGet(numerator),
        ...wasm.v128Const(doublePairBytes(100)),
        ...wasm.f64x2Multiply,
        ...wasm.localGet(denominator),
        ...wasm.f64x2Divide,
        ...wasm.localSet(percent),
        ...addressOf(percents, row),
        ...wasm.localGet(percent),
        ...wasm.v128Const(nanPair),
        ...wasm.localGet(computable),
        ...wasm.v128Bitselect,
        ...wasm.v128Store,
        // distance = percent − threshold; breached where distance × sign > 0 and computable.
        ...wasm.localGet(percent),
        ...load(thresholds),
        ...wasm.f64x2Subtract,
        ...wasm.localSet(distance),
        ...wasm.localGet(distance),
        ...wasm.localGet(signs),
        ...wasm.f64x2Multiply,
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2GreaterThan,
        ...wasm.localGet(computable),
        ...wasm.v128And,
        ...wasm.localSet(breached),
        // Near: |distance| ≤ nearThresholdRelativeDistance × (|percent| + |threshold|), and computable.
        ...wasm.localGet(distance),
        ...wasm.f64x2Absolute,
        ...wasm.v128Const(doublePairBytes(nearThresholdRelativeDistance)),
        ...wasm.localGet(percent),
        ...wasm.f64x2Absolute,
        ...load(thresholds),
        ...wasm.f64x2Absolute,
        ...wasm.f64x2Add,
        ...wasm.f64x2Multiply,
        ...wasm.f64x2LessThanOrEqual,
        ...wasm.localGet(computable),
        ...wasm.v128And,
        ...wasm.localSet(near),
        ...accumulate(computableCounts, computable),
        ...accumulate(breachedCounts, breached),
        ...storeFlag(0),
        ...storeFlag(1),
        ...countNear(0),
        ...countNear(1),
      ]),
      ...wasm.localGet(nearCount),
    ];
  })(),
};
