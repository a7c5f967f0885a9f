import { doublePairBytes, type WasmFunction, wasm, wasmTypes } from "../shared/write-wasm-module.ts";

// The instructions of the batch path's WebAssembly SIMD kernels (block-kernels.ts runs them; ADR 011).
// Each works on two rows at a time, over doubles at byte addresses in the kernels' memory, and each lane
// goes through the same IEEE 754 operations, in the same order, as the JavaScript it replaces.

const { i32, f64, v128 } = wasmTypes;
export const nanPair = doublePairBytes(Number.NaN);
export const zeroPair = doublePairBytes(0);
export const onePair = doublePairBytes(1);

/** Pushes the byte address of double `row` of the array at the address in local `base`. */
export const addressOf = (base: number, row: number) => [
  ...wasm.localGet(base),
  ...wasm.localGet(row),
  ...wasm.i32Const(3),
  ...wasm.i32ShiftLeft,
  ...wasm.i32Add,
];

/** A loop over rows 0, 2, 4, … below `length` (local `lengthLocal`), counting in local `row`; length ≥ 1. */
export const loopOverRowPairs = (row: number, lengthLocal: number, body: readonly number[]) => [
  ...wasm.i32Const(0),
  ...wasm.localSet(row),
  ...wasm.loop,
  ...body,
  ...wasm.localGet(row),
  ...wasm.i32Const(2),
  ...wasm.i32Add,
  ...wasm.localTee(row),
  ...wasm.localGet(lengthLocal),
  ...wasm.i32LessThanUnsigned,
  ...wasm.branchIf(0),
  ...wasm.end,
];

// readCells(cells, codes, length, table), in place: a finite cell stays, a NaN cell becomes 0 where the
// row's format code has 0xff in the 16-byte table (its format has the item) and NaN elsewhere, ±∞ NaN.
export const readCells: WasmFunction = {
  name: "readCells",
  params: [i32, i32, i32, i32],
  locals: [i32, v128, v128],
  body: (() => {
    const [cells, codes, length, table, row, formatMask, cell] = [0, 1, 2, 3, 4, 5, 6];
    // Bytes 0–7 of each pair's mask from the first row's code, bytes 8–15 from the second's.
    const spreadCodes = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    return [
      ...wasm.localGet(table),
      ...wasm.v128Load,
      ...wasm.localSet(formatMask),
      ...loopOverRowPairs(row, length, [
        ...addressOf(cells, row),
        ...addressOf(cells, row),
        ...wasm.v128Load,
        ...wasm.localTee(cell),
        // bitselect(cell, fallback, finite): the fallback is NaN with the bits of (NaN and format has it) cleared.
        ...wasm.v128Const(nanPair),
        ...wasm.localGet(cell),
        ...wasm.localGet(cell),
        ...wasm.f64x2NotEqual,
        ...wasm.localGet(formatMask),
        ...wasm.localGet(codes),
        ...wasm.localGet(row),
        ...wasm.i32Add,
        ...wasm.v128Load16Splat,
        ...wasm.v128Const(spreadCodes),
        ...wasm.i8x16Swizzle,
        ...wasm.i8x16Swizzle,
        ...wasm.v128And,
        ...wasm.v128AndNot,
        // Finite: cell − cell is 0 (NaN for NaN and ±∞).
        ...wasm.localGet(cell),
        ...wasm.localGet(cell),
        ...wasm.f64x2Subtract,
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2Equal,
        ...wasm.v128Bitselect,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};

// addTerm(into, cells, factor, length): into[r] = into[r] + factor × cells[r].
export const addTerm: WasmFunction = {
  name: "addTerm",
  params: [i32, i32, f64, i32],
  locals: [i32, v128],
  body: (() => {
    const [into, cells, factor, length, row, factors] = [0, 1, 2, 3, 4, 5];
    return [
      ...wasm.localGet(factor),
      ...wasm.f64x2Splat,
      ...wasm.localSet(factors),
      ...loopOverRowPairs(row, length, [
        ...addressOf(into, row),
        ...addressOf(into, row),
        ...wasm.v128Load,
        ...wasm.localGet(factors),
        ...addressOf(cells, row),
        ...wasm.v128Load,
        ...wasm.f64x2Multiply,
        ...wasm.f64x2Add,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};

// addRatioTerm(scores, tops, bottoms, factor, length): scores[r] = scores[r] + factor × ratio, the ratio
// tops[r] ÷ bottoms[r], NaN where bottoms[r] is 0.
export const addRatioTerm: WasmFunction = {
  name: "addRatioTerm",
  params: [i32, i32, i32, f64, i32],
  locals: [i32, v128, v128],
  body: (() => {
    const [scores, tops, bottoms, factor, length, row, factors, bottom] = [0, 1, 2, 3, 4, 5, 6, 7];
    return [
      ...wasm.localGet(factor),
      ...wasm.f64x2Splat,
      ...wasm.localSet(factors),
      ...loopOverRowPairs(row, length, [
        ...addressOf(scores, row),
        ...addressOf(scores, row),
        ...wasm.v128Load,
        ...wasm.localGet(factors),
        ...wasm.v128Const(nanPair),
        ...addressOf(tops, row),
        ...wasm.v128Load,
        ...addressOf(bottoms, row),
        ...wasm.v128Load,
        ...wasm.localTee(bottom),
        ...wasm.f64x2Divide,
        ...wasm.localGet(bottom),
        ...wasm.v128Const(zeroPair),
        ...wasm.f64x2Equal,
        ...wasm.v128Bitselect,
        ...wasm.f64x2Multiply,
        ...wasm.f64x2Add,
        ...wasm.v128Store,
      ]),
    ];
  })(),
};
